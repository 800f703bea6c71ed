//! "My card": the cardholder's DTOs against serde, the view's pieces, and
//! the whole flow of the "My card" page's app (which the widget frames)
//! against a stubbed API — sign in, reasons, counter code with QR and
//! countdown, focus, history, sign out.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Object, Reflect};
use linan_frontend::components::{
    CardBenefitItemProps, QrCodeProps, RedemptionListProps, card_benefit_item, qr_code, redemption_list,
};
use linan_frontend::decode::FromJs;
use linan_frontend::model::{
    CardBenefitDto, CardBenefits, CardDto, CardSessionDto, CardStatus, CounterCodeDto, Lang, QuotaPeriod, Reach,
    RedemptionDto, RedemptionList, Refusal, SchemeCode, TierCode,
};
use linan_frontend::mount_my_card;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{HtmlInputElement, KeyboardEvent, KeyboardEventInit};
use yew::Callback;

use crate::fixtures::{CARD_SCHEMES, CATEGORIES, DISTRICTS, schemes, summary};
use crate::support::{Host, calls, click, find, find_all, show, stub_fetch, text, wait_for};

const PAYLOAD: &str = "LN1.12345678.c2lnbmF0dXJlLW9mLXRoZS1jb2Rl";

fn round_trip<T: Serialize + FromJs>(value: &T) -> Option<T> {
    let json = serde_json::to_string(value).unwrap();
    T::from_js(&js_sys::JSON::parse(&json).unwrap())
}

fn parse<T: FromJs>(json: &str) -> Option<T> {
    T::from_js(&js_sys::JSON::parse(json).unwrap())
}

fn card() -> CardDto {
    CardDto {
        number: "LW2026000014".into(),
        scheme: SchemeCode::parse("liwan_talent").unwrap(),
        tier: TierCode::parse("A").unwrap(),
        holder_name: "陈小荔".into(),
        valid_until: "2035-12-31".into(),
        status: CardStatus::Active,
    }
}

/// Item 1 reaches the card through recognition (as Youyue A) with quota
/// and stock left; item 2 directly, but its quota is used.
fn benefits() -> CardBenefits {
    let recognised = Reach::Recognition {
        recognition_id: 1,
        as_scheme: SchemeCode::parse("youyue_foshan").unwrap(),
        as_tier: TierCode::parse("A").unwrap(),
    };
    CardBenefits {
        card: card(),
        items: vec![
            CardBenefitDto {
                benefit: (*summary(1, "国艺影视城八折")).clone(),
                via: recognised,
                refusal: None,
                remaining: Some(1),
                period: Some(QuotaPeriod::Year),
                stock_left: Some(9),
            },
            CardBenefitDto {
                benefit: (*summary(2, "沙面导览")).clone(),
                via: Reach::Direct,
                refusal: Some(Refusal::QuotaUsed),
                remaining: Some(0),
                period: Some(QuotaPeriod::Month),
                stock_left: None,
            },
        ],
    }
}

fn history() -> RedemptionList {
    let redemption = |id, voided: bool| RedemptionDto {
        id,
        benefit_id: 2,
        benefit_title: "沙面导览".into(),
        partner_name: "陈家祠".into(),
        card_number: "YF202600000014".into(),
        redeemed_at: "2026-11-28T02:30:00+00:00".into(),
        voided_at: voided.then(|| "2026-11-28T02:40:00+00:00".into()),
        void_reason: voided.then(|| "<b>录入错误</b>".into()),
    };
    RedemptionList { items: vec![redemption(5, true), redemption(4, false)] }
}

fn session() -> CardSessionDto {
    CardSessionDto { token: "tok-123".into(), expires_at: "2026-11-28T12:00:00+00:00".into(), card: card() }
}

fn code() -> CounterCodeDto {
    CounterCodeDto {
        code: "12345678".into(),
        qr: PAYLOAD.into(),
        expires_at: "2026-11-28T12:02:00+00:00".into(),
        valid_secs: 120,
    }
}

#[wasm_bindgen_test]
fn the_cardholder_answers_round_trip_through_serde() {
    assert_eq!(round_trip(&session()), Some(session()));
    assert_eq!(round_trip(&benefits()), Some(benefits()));
    assert_eq!(round_trip(&code()), Some(code()));
    assert_eq!(round_trip(&history()), Some(history()));
    for status in CardStatus::ALL {
        assert_eq!(round_trip(&status), Some(status));
    }
    for refusal in Refusal::ALL {
        assert_eq!(round_trip(&refusal), Some(refusal));
    }
}

#[wasm_bindgen_test]
fn malformed_cardholder_answers_are_refused() {
    assert_eq!(parse::<Refusal>(r#""sold_out""#), None);
    assert_eq!(parse::<CardStatus>(r#""lost""#), None);
    assert_eq!(parse::<CounterCodeDto>(r#"{"code":"1","qr":"x","expires_at":"t","valid_secs":-1}"#), None);
    let mut item = serde_json::to_value(&benefits().items[0]).unwrap();
    item["remaining"] = serde_json::Value::from("one");
    assert_eq!(parse::<CardBenefitDto>(&item.to_string()), None);
    item["remaining"] = serde_json::Value::Null;
    assert_eq!(parse::<CardBenefitDto>(&item.to_string()).map(|i| i.remaining), Some(None));
}

#[wasm_bindgen_test]
async fn a_benefit_says_why_the_card_reaches_it_and_a_refused_one_cannot_show_a_code() {
    let asked = Rc::new(Cell::new(0));
    let on_code = {
        let asked = asked.clone();
        Callback::from(move |id: i64| asked.set(id))
    };
    let items = benefits().items;
    let html = yew::html! {
        <ul>
            { card_benefit_item(&CardBenefitItemProps { lang: Lang::ZhCn, item: Rc::new(items[0].clone()), schemes: Some(schemes()), district: Some("南海区".into()), on_code: on_code.clone() }) }
            { card_benefit_item(&CardBenefitItemProps { lang: Lang::ZhCn, item: Rc::new(items[1].clone()), schemes: Some(schemes()), district: None, on_code }) }
        </ul>
    };
    let (app, root) = show(html).await;
    assert_eq!(text(&root, "[data-id=\"1\"] .lw-via"), "通过身份互认，视同优粤佛山卡A卡");
    assert_eq!(text(&root, "[data-id=\"1\"] .lw-left"), "今年还可使用 1 次、今日剩余名额 9 个");
    assert!(find(&root, "[data-id=\"1\"] .lw-refusal").is_none());
    assert_eq!(text(&root, "[data-id=\"1\"] .lw-cat"), "南海区");
    assert_eq!(text(&root, "[data-id=\"2\"] .lw-via"), "本卡直接适用");
    assert_eq!(text(&root, "[data-id=\"2\"] .lw-refusal"), "本期次数已用完");
    assert_eq!(find(&root, "[data-id=\"2\"]").unwrap().get_attribute("data-refusal").as_deref(), Some("quota_used"));
    assert!(find(&root, "[data-id=\"2\"] .lw-code-btn").unwrap().has_attribute("disabled"));
    click(&root, "[data-id=\"2\"] .lw-code-btn");
    assert_eq!(asked.get(), 0, "a disabled button does nothing");
    click(&root, "[data-id=\"1\"] .lw-code-btn");
    assert_eq!(asked.get(), 1);
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn the_qr_is_svg_elements_carrying_the_payload_as_an_attribute() {
    let hostile = "LN1.1.<img src=x onerror=alert(1)>";
    for payload in [PAYLOAD, hostile] {
        let (app, root) = show(qr_code(&QrCodeProps { lang: Lang::En, payload: payload.into() })).await;
        let svg = find(&root, "svg.lw-qr").expect("the QR");
        assert_eq!(svg.namespace_uri().as_deref(), Some("http://www.w3.org/2000/svg"));
        assert_eq!(svg.get_attribute("data-qr-payload").as_deref(), Some(payload));
        assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
        assert_eq!(svg.get_attribute("aria-label").as_deref(), Some("Counter QR code"));
        let path = find(&root, "svg.lw-qr path").unwrap().get_attribute("d").unwrap();
        assert!(path.starts_with("M4 4h7v1h-7z"), "{path}");
        assert!(find(&root, "img").is_none());
        app.destroy();
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn the_history_shows_china_time_and_voids_with_their_reason_as_text() {
    let (app, root) =
        show(redemption_list(&RedemptionListProps { lang: Lang::ZhCn, list: Some(Rc::new(history())) })).await;
    let items = find_all(&root, ".lw-redemption");
    assert_eq!(items.len(), 2);
    assert!(text(&root, "[data-id=\"4\"]").contains("2026-11-28 10:30"));
    assert!(text(&root, "[data-id=\"4\"]").contains("使用卡号 YF202600000014"));
    assert_eq!(text(&root, "[data-id=\"5\"] .lw-refusal"), "已撤销：<b>录入错误</b>");
    assert!(find(&root, "b").is_none());
    app.destroy();
    root.remove();
}

fn attrs(lang: &str) -> JsValue {
    let object = Object::new();
    Reflect::set(&object, &"api".into(), &"http://stub".into()).unwrap();
    Reflect::set(&object, &"lang".into(), &lang.into()).unwrap();
    object.into()
}

fn type_into(root: &web_sys::Element, selector: &str, value: &str) {
    let input: HtmlInputElement = find(root, selector).unwrap().dyn_into().unwrap();
    input.set_value(value);
}

fn escape(target: &web_sys::Element) {
    let init = KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    target.dispatch_event(&KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
}

/// The card routes before the catalogue's (whose needles are broader).
fn card_api(session: &str, benefits: &str, code: &str, history: &str) {
    let (session, benefits, code, history) =
        (session.to_owned(), benefits.to_owned(), code.to_owned(), history.to_owned());
    let first_page = r#"{"items":[],"next_cursor":null}"#;
    stub_fetch(&[
        ("/api/v1/cardholder/session", 200, &session),
        ("/api/v1/cardholder/benefits", 200, &benefits),
        ("/api/v1/cardholder/code", 200, &code),
        ("/api/v1/cardholder/redemptions", 200, &history),
        ("/api/v1/benefits?", 200, first_page),
        ("/api/v1/districts", 200, DISTRICTS),
        ("/api/v1/categories", 200, CATEGORIES),
        ("/api/v1/card-schemes", 200, CARD_SCHEMES),
    ]);
}

#[wasm_bindgen_test]
async fn a_cardholder_signs_in_sees_why_shows_a_code_and_signs_out() {
    let json = |v: &dyn erased::Json| v.json();
    card_api(&json(&session()), &json(&benefits()), &json(&code()), &json(&history()));
    let host = Host::new();
    let handle = mount_my_card(host.container.clone(), attrs("zh-CN"));
    let c = &host.container;
    wait_for("the sign-in form", || find(c, "form.lw-signin").is_some()).await;
    let labels: Vec<String> = find_all(c, ".lw-field .lw-label").iter().filter_map(|l| l.text_content()).collect();
    assert_eq!(labels, ["卡号", "身份证号后四位", "出生日期（如 19900101）"]);

    type_into(c, "input[name=card_number]", " LW2026000014 ");
    type_into(c, "input[name=id_last4]", "0014");
    type_into(c, "input[name=birth_date]", " 1990-01-01 ");
    click(c, ".lw-submit");
    wait_for("the list", || find_all(c, ".lw-card-item").len() == 2).await;
    let sign_in = calls().into_iter().find(|call| call.url.ends_with("/cardholder/session")).unwrap();
    assert_eq!((sign_in.method.as_str(), sign_in.auth.as_str()), ("POST", ""));
    let body: serde_json::Value = serde_json::from_str(&sign_in.body).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"card_number": "LW2026000014", "id_last4": "0014", "birth_date": "1990-01-01"})
    );
    let list_call = calls().into_iter().find(|call| call.url.contains("/cardholder/benefits")).unwrap();
    assert_eq!(list_call.auth, "Bearer tok-123");
    assert!(list_call.url.ends_with("benefits?lang=zh-CN"), "{}", list_call.url);
    wait_for("focus on the list heading", || {
        host.focused().map(|e| e.class_name()).unwrap_or_default().contains("lw-card-heading")
    })
    .await;
    assert_eq!(host.root_attr("data-state").as_deref(), Some("ready"));
    wait_for("the scheme names", || text(c, "[data-id=\"1\"] .lw-via").contains("优粤佛山卡A卡")).await;
    assert_eq!(text(c, ".lw-card-name"), "荔湾区英才卡 A卡");
    assert_eq!(find_all(c, ".lw-redemption").len(), 2);

    click(c, "[data-id=\"1\"] .lw-code-btn");
    wait_for("the QR", || find(c, "svg.lw-qr").is_some()).await;
    assert_eq!(find(c, "[data-qr-payload]").unwrap().get_attribute("data-qr-payload").as_deref(), Some(PAYLOAD));
    assert_eq!(text(c, "[data-counter-code=\"12345678\"]"), "12345678");
    assert!(find(c, ".lw-card-main").unwrap().has_attribute("hidden"));
    assert!(text(c, ".lw-countdown").contains("后失效"), "{}", text(c, ".lw-countdown"));
    let code_call = calls().into_iter().find(|call| call.url.ends_with("/cardholder/code")).unwrap();
    assert_eq!(code_call.auth, "Bearer tok-123");
    wait_for("focus on close", || host.focused().map(|e| e.class_name()).unwrap_or_default().contains("lw-close"))
        .await;

    escape(&host.focused().unwrap());
    wait_for("the code to close", || find(c, ".lw-code-view").is_none()).await;
    wait_for("focus back on the item's button", || {
        host.focused()
            .and_then(|e| e.closest(".lw-card-item").ok().flatten())
            .and_then(|li| li.get_attribute("data-id"))
            == Some("1".into())
    })
    .await;

    click(c, ".lw-signout");
    wait_for("the form again", || find(c, "form.lw-signin").is_some()).await;
    let sign_out = calls().into_iter().find(|call| call.method == "DELETE").unwrap();
    assert_eq!(sign_out.auth, "Bearer tok-123");
    assert!(text(c, ".lw-count").contains("已退出"));
    wait_for("focus on the card number", || {
        host.focused().and_then(|e| e.get_attribute("name")).as_deref() == Some("card_number")
    })
    .await;
    handle.destroy();
    host.remove();
}

/// The widget in `lang` on "My card", whose sign-in answers `status` with
/// `body`, after `typed` (card number, ID last 4, birth date) is submitted;
/// returns once the alert shows.
async fn refused_sign_in(
    lang: &str,
    status: u16,
    body: &str,
    typed: [&str; 3],
) -> (Host, linan_frontend::MyCardHandle) {
    stub_fetch(&[
        ("/api/v1/cardholder/session", status, body),
        ("/api/v1/benefits?", 200, r#"{"items":[],"next_cursor":null}"#),
    ]);
    let host = Host::new();
    let handle = mount_my_card(host.container.clone(), attrs(lang));
    let c = &host.container;
    wait_for("the sign-in form", || find(c, "form.lw-signin").is_some()).await;
    for (name, value) in ["card_number", "id_last4", "birth_date"].into_iter().zip(typed) {
        type_into(c, &format!("input[name={name}]"), value);
    }
    click(c, ".lw-submit");
    wait_for("the alert", || find(c, ".lw-error[role=alert]").is_some()).await;
    (host, handle)
}

#[wasm_bindgen_test]
async fn a_wrong_second_factor_is_an_alert_and_the_form_stays() {
    let refused = r#"{"error":{"code":"invalid_credentials","message":"invalid card or second factor"}}"#;
    let (host, handle) = refused_sign_in("en", 401, refused, ["LW2026000014", "0015", "19900101"]).await;
    let c = &host.container;
    let labels: Vec<String> = find_all(c, ".lw-field .lw-label").iter().filter_map(|l| l.text_content()).collect();
    assert_eq!(labels, ["Card number", "Last 4 of ID number", "Date of birth (e.g. 19900101)"]);
    assert!(text(c, ".lw-error").starts_with("The card number, ID digits or date of birth are not correct."));
    assert!(find(c, "form.lw-signin").is_some());
    assert!(!text(c, ".lw-root").contains("invalid card"), "the API's English message is not shown");
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn a_malformed_factor_says_what_it_looks_like() {
    let refused = r#"{"error":{"code":"invalid_field","message":"birth_date: bad","param":"birth_date"}}"#;
    let (host, handle) = refused_sign_in("zh-CN", 422, refused, ["LW2026000014", "0014", "1990-13-01"]).await;
    let c = &host.container;
    assert!(text(c, ".lw-error").starts_with("身份证号后四位为三位数字加一位数字或Ｘ"), "{}", text(c, ".lw-error"));
    assert!(find(c, "form.lw-signin").is_some());
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn an_expired_code_says_so_and_a_new_code_is_fetched() {
    let json = |v: &dyn erased::Json| v.json();
    let short = CounterCodeDto { valid_secs: 1, ..code() };
    card_api(&json(&session()), &json(&benefits()), &json(&short), &json(&history()));
    let host = Host::new();
    let handle = mount_my_card(host.container.clone(), attrs("zh-HK"));
    let c = &host.container;
    wait_for("the sign-in form", || find(c, "form.lw-signin").is_some()).await;
    type_into(c, "input[name=card_number]", "LW2026000014");
    type_into(c, "input[name=id_last4]", "0014");
    type_into(c, "input[name=birth_date]", "1990-01-01");
    click(c, ".lw-submit");
    wait_for("the list", || find_all(c, ".lw-card-item").len() == 2).await;
    click(c, "[data-id=\"1\"] .lw-code-btn");
    wait_for("the QR", || find(c, "svg.lw-qr").is_some()).await;
    wait_for("the code to expire", || {
        find(c, ".lw-countdown").and_then(|e| e.get_attribute("data-seconds-left")).as_deref() == Some("0")
    })
    .await;
    assert!(find(c, ".lw-code-body[data-expired]").is_some());
    assert_eq!(text(c, ".lw-code-view .lw-count"), "核銷碼已失效。");
    let fetched = || calls().iter().filter(|call| call.url.ends_with("/cardholder/code")).count();
    assert_eq!(fetched(), 1);
    assert_eq!(text(c, ".lw-new-code"), "取得新碼");
    click(c, ".lw-new-code");
    wait_for("a second code", || fetched() == 2).await;
    handle.destroy();
    host.remove();
}

/// serde_json for the fixtures, behind one object-safe call.
mod erased {
    pub(crate) trait Json {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn json(&self) -> String {
            serde_json::to_string(self).unwrap()
        }
    }
}
