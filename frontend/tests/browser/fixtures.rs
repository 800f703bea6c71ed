//! Data for the tests: DTOs for component props, JSON for the stubbed API.

use std::rc::Rc;

use linan_frontend::decode::FromJs;

use linan_frontend::model::{
    BenefitSummary, CardSchemesDto, CategoryCode, Date, DistrictCode, EligibilityRule, GeoPoint, Gives, PartnerKind,
    PartnerSummary, SchemeCode, TierCode, Validity,
};

/// The title an attacker would like to see rendered as markup.
pub(crate) const HOSTILE_TITLE: &str = "<img src=x onerror=alert(1)>";

/// A benefit with `title`.
pub(crate) fn summary(id: i64, title: &str) -> Rc<BenefitSummary> {
    Rc::new(BenefitSummary {
        id,
        category: CategoryCode::parse("scenic_discount").unwrap(),
        district: DistrictCode::parse("liwan").unwrap(),
        partner: PartnerSummary { id: 7, name: "陈家祠".into(), kind: PartnerKind::ScenicSpot },
        title: title.into(),
        summary: "持卡免费参观".into(),
        gives: Gives::PercentOff { percent: 20 },
        eligibility: vec![rule("youyue_foshan", "B")],
        validity: Validity { from: Date::parse("2026-01-01").unwrap(), until: Date::parse("2027-01-01").unwrap() },
        location: GeoPoint::new(23.1256, 113.2443).unwrap(),
        distance_km: Some(1.26),
    })
}

/// The cards the server says reach a Youyue-B-and-above benefit.
pub(crate) fn reached_youyue_b() -> Vec<linan_shared::CardReach> {
    use linan_shared::{CardReach, Reach, SchemeCode, TierCode};
    let code = |s: &str| SchemeCode::parse(s).unwrap();
    let tier = |t: &str| TierCode::parse(t).unwrap();
    let recognised =
        |t: &str| Reach::Recognition { recognition_id: 1, as_scheme: code("youyue_foshan"), as_tier: tier(t) };
    vec![
        CardReach { scheme: code("youyue_foshan"), tier: tier("A"), via: Reach::Direct },
        CardReach { scheme: code("youyue_foshan"), tier: tier("B"), via: Reach::Direct },
        CardReach { scheme: code("liwan_talent"), tier: tier("A"), via: recognised("A") },
        CardReach { scheme: code("liwan_talent"), tier: tier("B"), via: recognised("B") },
    ]
}

/// An eligibility rule.
pub(crate) fn rule(scheme: &str, min_tier: &str) -> EligibilityRule {
    EligibilityRule { scheme: SchemeCode::parse(scheme).unwrap(), min_tier: TierCode::parse(min_tier).unwrap() }
}

/// The demo schemes and recognition table, as the API sends them.
pub(crate) fn schemes() -> Rc<CardSchemesDto> {
    let value = js_sys::JSON::parse(CARD_SCHEMES).unwrap();
    Rc::new(CardSchemesDto::from_js(&value).unwrap())
}

pub(crate) const DISTRICTS: &str = r#"[{"code":"liwan","name":{"zh-CN":"荔湾区","zh-HK":"荔灣區","en":"Liwan District"}},{"code":"nanhai","name":{"zh-CN":"南海区","zh-HK":"南海區","en":"Nanhai District"}}]"#;

pub(crate) const CATEGORIES: &str = r#"[{"code":"medical_green_channel","name":{"zh-CN":"医疗绿色通道","zh-HK":"醫療綠色通道","en":"Medical Green Channel"}},{"code":"scenic_discount","name":{"zh-CN":"景区优惠","zh-HK":"景區優惠","en":"Scenic Spot Discounts"}},{"code":"merchant_offer","name":{"zh-CN":"商户优惠","zh-HK":"商戶優惠","en":"Merchant Offers"}}]"#;

pub(crate) const CARD_SCHEMES: &str = r#"{"schemes":[{"code":"liwan_talent","district":"liwan","name":{"zh-CN":"荔湾区英才卡","zh-HK":"荔灣區英才卡","en":"Liwan Talent Card"},"tiers":[{"code":"A","rank":3,"name":{"zh-CN":"A卡","zh-HK":"A卡","en":"Tier A"}},{"code":"B","rank":2,"name":{"zh-CN":"B卡","zh-HK":"B卡","en":"Tier B"}},{"code":"C","rank":1,"name":{"zh-CN":"C卡","zh-HK":"C卡","en":"Tier C"}}]},{"code":"youyue_foshan","district":"nanhai","name":{"zh-CN":"优粤佛山卡","zh-HK":"優粵佛山卡","en":"Youyue Foshan Card"},"tiers":[{"code":"A","rank":4,"name":{"zh-CN":"A卡","zh-HK":"A卡","en":"Tier A"}},{"code":"B","rank":3,"name":{"zh-CN":"B卡","zh-HK":"B卡","en":"Tier B"}},{"code":"C","rank":2,"name":{"zh-CN":"C卡","zh-HK":"C卡","en":"Tier C"}},{"code":"T","rank":1,"name":{"zh-CN":"T卡","zh-HK":"T卡","en":"Tier T"}}]}],"recognition":[{"id":1,"from_scheme":"liwan_talent","from_tier":"A","to_scheme":"youyue_foshan","to_tier":"A"},{"id":2,"from_scheme":"youyue_foshan","from_tier":"A","to_scheme":"liwan_talent","to_tier":"A"},{"id":3,"from_scheme":"liwan_talent","from_tier":"B","to_scheme":"youyue_foshan","to_tier":"B"},{"id":4,"from_scheme":"youyue_foshan","from_tier":"B","to_scheme":"liwan_talent","to_tier":"B"},{"id":5,"from_scheme":"liwan_talent","from_tier":"C","to_scheme":"youyue_foshan","to_tier":"C"},{"id":6,"from_scheme":"youyue_foshan","from_tier":"C","to_scheme":"liwan_talent","to_tier":"C"},{"id":7,"from_scheme":"youyue_foshan","from_tier":"T","to_scheme":"liwan_talent","to_tier":"C"}]}"#;

/// A benefit as JSON: open to Youyue B and above only, so Liwan A/B reach it through recognition.
const ITEM_1: &str = r#"{"id":1,"category":"scenic_discount","district":"nanhai","partner":{"id":26,"name":"Foshan Guoyi Film & TV City","kind":"scenic_spot"},"title":"Guoyi Film & TV City 20% Off","summary":"20% off day tickets","gives":{"kind":"percent_off","percent":20},"eligibility":[{"scheme":"youyue_foshan","min_tier":"B"}],"validity":{"from":"2026-11-18","until":"2026-12-08"},"location":{"lat":22.9186,"lon":112.9612}"#;
const ITEM_2: &str = r#"{"id":2,"category":"medical_green_channel","district":"nanhai","partner":{"id":21,"name":"Nanhai Hospital","kind":"hospital"},"title":"<img src=x onerror=alert(1)>","summary":"Priority booking","gives":{"kind":"priority_service"},"eligibility":[{"scheme":"liwan_talent","min_tier":"B"},{"scheme":"youyue_foshan","min_tier":"B"}],"validity":{"from":"2026-11-20","until":"2026-12-12"},"location":{"lat":23.0402,"lon":113.1421}}"#;
const ITEM_3: &str = r#"{"id":3,"category":"merchant_offer","district":"liwan","partner":{"id":30,"name":"Shangxiajiu Teahouse","kind":"merchant"},"title":"Teahouse ¥10 Off","summary":"¥10 off dim sum","gives":{"kind":"amount_off","amount_fen":1000},"eligibility":[{"scheme":"liwan_talent","min_tier":"C"}],"validity":{"from":"2026-01-01","until":"2027-01-01"},"location":{"lat":23.12,"lon":113.25},"distance_km":0.4}"#;

/// The first page (two items, more to come).
pub(crate) fn first_page() -> String {
    format!(r#"{{"items":[{ITEM_1}}},{ITEM_2}],"next_cursor":"c2"}}"#)
}

/// The second and last page.
pub(crate) fn second_page() -> String {
    format!(r#"{{"items":[{ITEM_3}],"next_cursor":null}}"#)
}

/// The detail of item 1.
pub(crate) fn detail_1() -> String {
    format!(
        r#"{ITEM_1},"description":"Film sets of old Guangzhou.","terms":"Show your talent code at the gate.","address":"Guoyi Road, Nanhai","quota":{{"per_person_limit":1,"per_person_period":"year","daily_stock":null}},"reached_by":[{{"scheme":"liwan_talent","tier":"A","via":{{"kind":"recognition","recognition_id":1,"as_scheme":"youyue_foshan","as_tier":"A"}}}},{{"scheme":"liwan_talent","tier":"B","via":{{"kind":"recognition","recognition_id":3,"as_scheme":"youyue_foshan","as_tier":"B"}}}},{{"scheme":"youyue_foshan","tier":"A","via":{{"kind":"direct"}}}},{{"scheme":"youyue_foshan","tier":"B","via":{{"kind":"direct"}}}}],"version":1,"updated_at":"2026-11-28T08:48:50+00:00"}}"#
    )
}

/// An empty page.
pub(crate) const EMPTY_PAGE: &str = r#"{"items":[],"next_cursor":null}"#;

/// The API's error body for a 500.
pub(crate) const INTERNAL_ERROR: &str = r#"{"error":{"code":"internal","message":"internal error"}}"#;

/// A page of two events: a full salon with a waitlist, and a cancelled job
/// fair whose title is markup.
pub(crate) const EVENTS_PAGE: &str = r#"{"items":[
{"id":1,"type":"salon","status":"published","district":"liwan","organiser":"荔湾区","title":"荔南青年人才联谊沙龙","summary":"交流","starts_at":"2026-12-12T14:00:00+08:00","ends_at":"2026-12-12T16:30:00+08:00","venue":{"address":"荔南人才之家","location":{"lat":23.12,"lon":113.24}},"capacity":2,"seats_left":0,"waitlist":true,"registration_open":true,"eligibility":[]},
{"id":2,"type":"job_fair","status":"cancelled","district":"liwan","organiser":"荔湾区","title":"<img src=x onerror=alert(1)>","summary":"<b>x</b>","starts_at":"2026-12-20T09:00:00+08:00","ends_at":"2026-12-20T12:00:00+08:00","venue":{"address":"","online_url":"https://example.cn/live"},"capacity":300,"seats_left":300,"waitlist":false,"registration_open":false,"eligibility":[{"scheme":"liwan_talent","min_tier":"B"}]}
],"next_cursor":null}"#;
