//! Filters of the public catalogue, and what is public at all.

use std::collections::BTreeSet;

use chrono::Duration;
use linan_backend::{
    calendar::from_naive,
    eligibility::{admits, standings},
    entity::benefit_eligibility,
};
use linan_shared::{BenefitDetail, BenefitStatus, GeoPoint, PartnerDto};
use linan_tests::{
    TestApp, db_tests,
    fixtures::{benefit_input, rule, zh},
    today,
};
use reqwest::StatusCode;
use sea_orm::EntityTrait;

db_tests!(Demo => {
    lists_exactly_the_published_valid_benefits_of_approved_partners,
    district_filter_keeps_only_that_district,
    category_filter_keeps_only_that_category,
    partner_filter_keeps_only_that_partner,
    scheme_and_tier_filter_agrees_with_the_eligibility_function_for_every_tier,
    a_liwan_card_reaches_a_nanhai_benefit_through_recognition_but_not_above_its_tier,
    valid_on_shows_upcoming_benefits_that_today_hides,
    near_with_radius_keeps_close_benefits_and_reports_their_distance,
    detail_has_terms_and_hidden_benefits_are_not_found,
    partner_profile_is_public_only_once_approved,
    the_detail_lists_every_card_that_reaches_the_benefit_and_how,
});

fn ids(items: &[linan_shared::BenefitSummary]) -> BTreeSet<i64> {
    items.iter().map(|b| b.id).collect()
}

async fn lists_exactly_the_published_valid_benefits_of_approved_partners(app: TestApp) {
    let listed = app.all_benefits("limit=100").await;
    let expected: BTreeSet<i64> = app.public_in_db(today()).await.iter().map(|(b, _)| b.id).collect();
    assert!(expected.len() >= 60, "the demo catalogue has at least 60 public benefits, got {}", expected.len());
    assert_eq!(ids(&listed), expected);
    assert_eq!(listed.len(), expected.len(), "no benefit listed twice");
}

async fn district_filter_keeps_only_that_district(app: TestApp) {
    for district in ["liwan", "nanhai"] {
        let listed = app.all_benefits(&format!("district={district}&limit=100")).await;
        assert!(!listed.is_empty());
        assert!(listed.iter().all(|b| b.district.as_str() == district));
    }
    let all = app.all_benefits("limit=100").await.len();
    let liwan = app.all_benefits("district=liwan&limit=100").await.len();
    let nanhai = app.all_benefits("district=nanhai&limit=100").await.len();
    assert_eq!(liwan + nanhai, all);
}

async fn category_filter_keeps_only_that_category(app: TestApp) {
    let mut total = 0;
    let categories: Vec<linan_shared::CategoryDto> = app.get_json("/api/v1/categories").await;
    assert_eq!(categories.len(), 4);
    for category in categories.iter().map(|c| c.code.as_str()) {
        let listed = app.all_benefits(&format!("category={category}&limit=100")).await;
        assert!(listed.len() >= 8, "{category}: {}", listed.len());
        assert!(listed.iter().all(|b| b.category.as_str() == category));
        total += listed.len();
    }
    assert_eq!(total, app.all_benefits("limit=100").await.len());
}

async fn partner_filter_keeps_only_that_partner(app: TestApp) {
    let any = app.benefits("limit=1").await.items.remove(0);
    let listed = app.all_benefits(&format!("partner={}&limit=100", any.partner.id)).await;
    assert!(listed.iter().any(|b| b.id == any.id));
    assert!(listed.iter().all(|b| b.partner.id == any.partner.id));
}

async fn scheme_and_tier_filter_agrees_with_the_eligibility_function_for_every_tier(app: TestApp) {
    let reference = app.reference().await;
    let day = today();
    let public = app.public_in_db(day).await;
    let rules = benefit_eligibility::Entity::find().all(&app.state.db).await.unwrap();
    let mut non_trivial = 0;
    for tier in &reference.tiers {
        let scheme = reference.scheme(tier.scheme_id).unwrap();
        let s = standings(&reference, tier, day);
        let expected: BTreeSet<i64> = public
            .iter()
            .filter(|(b, _)| {
                let mine: Vec<_> = rules.iter().filter(|r| r.benefit_id == b.id).cloned().collect();
                admits(&reference, &s, &mine).is_some()
            })
            .map(|(b, _)| b.id)
            .collect();
        let listed = app.all_benefits(&format!("scheme={}&tier={}&limit=100", scheme.code, tier.code)).await;
        assert_eq!(ids(&listed), expected, "{}/{}", scheme.code, tier.code);
        if !expected.is_empty() && expected.len() < public.len() {
            non_trivial += 1;
        }
    }
    assert!(non_trivial >= 3, "the demo data should make the tier filter discriminate");
}

async fn a_liwan_card_reaches_a_nanhai_benefit_through_recognition_but_not_above_its_tier(app: TestApp) {
    let partner = app.add_partner("nanhai", "测试南海商户", 23.03, 113.15).await;
    let mut b_only = benefit_input(zh("优粤B卡专享"));
    b_only.eligibility = vec![rule("youyue_foshan", "B")];
    let b_id = app.add_benefit(partner, &b_only).await;
    let mut a_only = benefit_input(zh("优粤A卡专享"));
    a_only.eligibility = vec![rule("youyue_foshan", "A")];
    let a_id = app.add_benefit(partner, &a_only).await;

    let liwan_b = ids(&app.all_benefits("scheme=liwan_talent&tier=B&limit=100").await);
    assert!(liwan_b.contains(&b_id), "Liwan B is recognised as Youyue B");
    assert!(!liwan_b.contains(&a_id), "but not as Youyue A");
    let liwan_a = ids(&app.all_benefits("scheme=liwan_talent&tier=A&limit=100").await);
    assert!(liwan_a.contains(&a_id) && liwan_a.contains(&b_id), "Liwan A reaches both");
    let liwan_c = ids(&app.all_benefits("scheme=liwan_talent&tier=C&limit=100").await);
    assert!(!liwan_c.contains(&b_id) && !liwan_c.contains(&a_id));
}

async fn valid_on_shows_upcoming_benefits_that_today_hides(app: TestApp) {
    let partner = app.add_partner("liwan", "测试荔湾商户", 23.12, 113.24).await;
    let mut upcoming = benefit_input(zh("下月开始的优惠"));
    upcoming.validity.from = from_naive(today() + Duration::days(40));
    upcoming.validity.until = from_naive(today() + Duration::days(70));
    let id = app.add_benefit(partner, &upcoming).await;

    assert!(!ids(&app.all_benefits("limit=100").await).contains(&id));
    let later = from_naive(today() + Duration::days(45));
    let listed = app.all_benefits(&format!("valid_on={later}&limit=100")).await;
    assert!(ids(&listed).contains(&id));
    assert!(listed.iter().all(|b| b.validity.from <= later && later <= b.validity.until));
}

async fn near_with_radius_keeps_close_benefits_and_reports_their_distance(app: TestApp) {
    // Shamian Island, Liwan.
    let centre = GeoPoint::new(23.1086, 113.2442).unwrap();
    let near = app.all_benefits("near=23.1086,113.2442&radius_km=5&limit=100").await;
    let all = app.all_benefits("near=23.1086,113.2442&limit=100").await;
    assert!(!near.is_empty() && near.len() < all.len(), "5 km around Shamian is some, not all");
    for b in &all {
        let reported = b.distance_km.expect("distance with near");
        let exact = centre.distance_km(b.location);
        assert!((reported - exact).abs() <= exact * 0.005 + 0.01, "{reported} vs {exact}");
        assert_eq!(ids(&near).contains(&b.id), reported <= 5.0, "benefit {} at {reported} km", b.id);
    }
}

async fn detail_has_terms_and_hidden_benefits_are_not_found(app: TestApp) {
    let first = app.benefits("limit=1").await.items.remove(0);
    let detail: BenefitDetail = app.get_json(&format!("/api/v1/benefits/{}", first.id)).await;
    assert_eq!(detail.summary.id, first.id);
    assert!(!detail.terms.is_empty() && !detail.description.is_empty() && !detail.address.is_empty());

    let partner = app.add_partner("liwan", "测试草稿商户", 23.12, 113.24).await;
    for status in [BenefitStatus::Draft, BenefitStatus::PendingReview, BenefitStatus::Paused, BenefitStatus::Withdrawn]
    {
        let id = app.add_benefit_in(partner, &benefit_input(zh("不公开")), status).await;
        app.expect_error(&format!("/api/v1/benefits/{id}"), StatusCode::NOT_FOUND).await;
        assert!(!ids(&app.all_benefits("limit=100").await).contains(&id), "{status:?} is listed");
    }
    let body = app.expect_error("/api/v1/benefits/987654321", StatusCode::NOT_FOUND).await;
    assert_eq!(body.error.code, "not_found");
}

async fn partner_profile_is_public_only_once_approved(app: TestApp) {
    let first = app.benefits("limit=1").await.items.remove(0);
    let partner: PartnerDto = app.get_json(&format!("/api/v1/partners/{}", first.partner.id)).await;
    assert_eq!(partner.id, first.partner.id);
    assert!(partner.benefit_count >= 1);
    // The demo has one partner still waiting for approval: its benefits are hidden.
    let partners = linan_backend::entity::partner::Entity::find().all(&app.state.db).await.unwrap();
    let waiting: Vec<_> = partners.iter().filter(|p| p.status.as_str() == "pending").collect();
    assert!(!waiting.is_empty(), "the demo has a pending partner");
    for p in waiting {
        app.expect_error(&format!("/api/v1/partners/{}", p.id), StatusCode::NOT_FOUND).await;
        let listed = app.all_benefits(&format!("partner={}&limit=100", p.id)).await;
        assert!(listed.is_empty());
    }
}

async fn the_detail_lists_every_card_that_reaches_the_benefit_and_how(app: TestApp) {
    let partner = app.add_partner("nanhai", "识别测试商户", 23.03, 113.15).await;
    let mut b_only = benefit_input(zh("优粤B卡及以上"));
    b_only.eligibility = vec![rule("youyue_foshan", "B")];
    let id = app.add_benefit(partner, &b_only).await;
    let detail: BenefitDetail = app.get_json(&format!("/api/v1/benefits/{id}")).await;
    let reach: BTreeSet<(String, String, String)> = detail
        .reached_by
        .iter()
        .map(|r| {
            let via = match &r.via {
                linan_shared::Reach::Direct => "direct".to_owned(),
                linan_shared::Reach::Recognition { as_scheme, as_tier, .. } => format!("as {as_scheme}/{as_tier}"),
            };
            (r.scheme.to_string(), r.tier.to_string(), via)
        })
        .collect();
    let expected: BTreeSet<(String, String, String)> = [
        ("youyue_foshan", "A", "direct"),
        ("youyue_foshan", "B", "direct"),
        ("liwan_talent", "A", "as youyue_foshan/A"),
        ("liwan_talent", "B", "as youyue_foshan/B"),
    ]
    .into_iter()
    .map(|(s, t, v)| (s.to_owned(), t.to_owned(), v.to_owned()))
    .collect();
    assert_eq!(reach, expected);
}
