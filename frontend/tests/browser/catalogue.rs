//! The whole widget in a shadow root against a stubbed API: list, count,
//! card note, detail with focus handling, load more, search, errors.

use js_sys::{Object, Reflect};
use linan_frontend::mount;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Event, EventInit, HtmlInputElement, InputEvent, InputEventInit, KeyboardEvent, KeyboardEventInit};

use crate::fixtures::{EMPTY_PAGE, HOSTILE_TITLE, INTERNAL_ERROR, detail_1, first_page, second_page};

/// The last page, answered when the list is sorted by distance (item 3 carries `distance_km`).
fn nearest_first() -> String {
    second_page()
}
use crate::support::{
    Host, click, find, find_all, healthy_api, requests, stub_fetch, stub_geolocation, text, wait_for,
};

fn attrs(pairs: &[(&str, &str)]) -> JsValue {
    let object = Object::new();
    Reflect::set(&object, &"api".into(), &"http://stub".into()).unwrap();
    for (name, value) in pairs {
        Reflect::set(&object, &JsValue::from_str(name), &JsValue::from_str(value)).unwrap();
    }
    object.into()
}

fn ready(host: &Host) -> bool {
    host.root_attr("data-state").as_deref() == Some("ready")
}

fn focused_class(host: &Host) -> String {
    host.focused().map(|e| e.class_name()).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_list_shows_titles_count_and_the_card_note() {
    stub_fetch(&healthy_api(&first_page(), &second_page(), &detail_1()));
    let host = Host::new();
    let handle = mount(
        host.container.clone(),
        attrs(&[("lang", "en"), ("scheme", "liwan_talent"), ("tier", "B")]),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    );
    wait_for("the list", || ready(&host)).await;

    let c = &host.container;
    assert!(find(c, "style").is_some(), "the stylesheet is inside the shadow root");
    assert_eq!(text(c, ".lw-brand"), "Linan Talent Home · 荔南人才之家");
    assert_eq!(find_all(c, ".lw-list .lw-item").len(), 2);
    assert_eq!(text(c, "[data-id=\"2\"] .lw-title"), HOSTILE_TITLE);
    assert!(find(c, "img").is_none());
    assert_eq!(text(c, ".lw-count"), "At least 2 results");
    let first = requests().into_iter().find(|u| u.contains("/benefits?")).unwrap();
    assert!(first.starts_with("http://stub/api/v1/benefits?"), "{first}");
    assert!(first.contains("scheme=liwan_talent&tier=B") && first.contains("lang=en"), "{first}");
    wait_for("the scheme names", || text(c, ".lw-note").contains("Liwan Talent Card")).await;
    wait_for("the category chips", || find_all(c, ".lw-chip").len() == 4).await;
    assert_eq!(find(c, ".lw-chip[data-code=\"\"]").unwrap().get_attribute("aria-pressed").as_deref(), Some("true"));
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn the_detail_takes_focus_explains_eligibility_and_gives_it_back_on_escape() {
    stub_fetch(&healthy_api(&first_page(), &second_page(), &detail_1()));
    let host = Host::new();
    let handle = mount(host.container.clone(), attrs(&[("lang", "en")]), JsValue::UNDEFINED, JsValue::UNDEFINED);
    wait_for("the list", || ready(&host)).await;
    let c = &host.container;

    click(c, "[data-id=\"1\"] .lw-open");
    wait_for("the detail", || find(c, "section.lw-detail[role=dialog]").is_some()).await;
    wait_for("focus on close", || focused_class(&host).contains("lw-close")).await;
    wait_for("the loaded detail", || find(c, ".lw-eligibility").is_some()).await;
    let dialog = find(c, ".lw-detail").unwrap();
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("false"));
    let title_id = dialog.get_attribute("aria-labelledby").unwrap();
    assert_eq!(
        find(c, &format!("h2.lw-detail-title#{title_id}")).unwrap().text_content().unwrap(),
        "Guoyi Film & TV City 20% Off"
    );
    assert!(text(c, ".lw-eligibility").contains("Liwan Talent Card: Tier B or above (Tier A, Tier B)"));
    assert_eq!(text(c, ".lw-validity p"), "2026-11-18 to 2026-12-08");
    assert_eq!(text(c, ".lw-terms p"), "Show your talent code at the gate.");
    let map = find(c, "a.lw-map").unwrap();
    assert_eq!(map.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    assert_eq!(map.get_attribute("target").as_deref(), Some("_blank"));
    assert!(
        map.get_attribute("href")
            .unwrap()
            .starts_with("https://uri.amap.com/marker?position=112.9612,22.9186&name=Foshan%20Guoyi")
    );
    assert!(find(c, ".lw-main").unwrap().has_attribute("hidden"));

    let init = KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let escape = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    host.focused().unwrap().dispatch_event(&escape).unwrap();
    wait_for("the detail to close", || find(c, ".lw-detail").is_none()).await;
    wait_for("focus back on the item", || {
        host.focused().and_then(|e| e.closest(".lw-item").ok().flatten()).and_then(|li| li.get_attribute("data-id"))
            == Some("1".into())
    })
    .await;
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn load_more_appends_the_next_page_and_focuses_its_first_item() {
    stub_fetch(&healthy_api(&first_page(), &second_page(), &detail_1()));
    let host = Host::new();
    let handle = mount(host.container.clone(), attrs(&[("lang", "zh-HK")]), JsValue::UNDEFINED, JsValue::UNDEFINED);
    wait_for("the list", || ready(&host)).await;
    let c = &host.container;
    click(c, ".lw-more");
    wait_for("three items", || find_all(c, ".lw-item").len() == 3).await;
    assert!(requests().iter().any(|u| u.contains("cursor=c2")));
    assert!(find(c, ".lw-more").is_none(), "the last page has no load-more");
    assert_eq!(text(c, ".lw-count"), "共 3 項");
    wait_for("focus on the new item", || {
        host.focused().and_then(|e| e.closest(".lw-item").ok().flatten()).and_then(|li| li.get_attribute("data-id"))
            == Some("3".into())
    })
    .await;
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn a_failed_next_page_moves_focus_to_retry_and_retry_appends_it() {
    let (first, second) = (first_page(), second_page());
    let mut routes = healthy_api(&first, &second, "{}");
    routes.insert(0, ("cursor=c2", 503, INTERNAL_ERROR));
    stub_fetch(&routes);
    let host = Host::new();
    let handle = mount(host.container.clone(), attrs(&[]), JsValue::UNDEFINED, JsValue::UNDEFINED);
    wait_for("the list", || ready(&host)).await;
    let c = &host.container;
    click(c, ".lw-more");
    wait_for("focus on retry", || focused_class(&host).contains("lw-retry")).await;
    assert_eq!(find_all(c, ".lw-item").len(), 2, "the first page stays");

    stub_fetch(&healthy_api(&first, &second, "{}"));
    click(c, ".lw-retry");
    wait_for("the second page", || find_all(c, ".lw-item").len() == 3).await;
    wait_for("focus on the new item", || {
        host.focused().and_then(|e| e.closest(".lw-item").ok().flatten()).and_then(|li| li.get_attribute("data-id"))
            == Some("3".into())
    })
    .await;
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn near_me_asks_on_press_sends_a_rounded_position_and_shows_distances() {
    let (first, second, nearest) = (first_page(), second_page(), nearest_first());
    let mut routes = healthy_api(&first, &second, "{}");
    routes.insert(0, ("sort=nearest", 200, nearest.as_str()));
    stub_fetch(&routes);
    stub_geolocation(Some((23.125_678, 113.244_321)));
    let host = Host::new();
    let handle = mount(host.container.clone(), attrs(&[("lang", "en")]), JsValue::UNDEFINED, JsValue::UNDEFINED);
    wait_for("the list", || ready(&host)).await;
    let c = &host.container;
    assert!(!requests().iter().any(|u| u.contains("near=")), "no position before the button is pressed");
    assert_eq!(find(c, ".lw-near").unwrap().get_attribute("aria-pressed").as_deref(), Some("false"));

    click(c, ".lw-near");
    wait_for("a nearest request", || {
        requests().iter().any(|u| u.contains("near=23.126%2C113.244") && u.contains("sort=nearest"))
    })
    .await;
    wait_for("the distance", || text(c, "[data-id=\"3\"] .lw-distance") == "400 m away").await;
    assert_eq!(find(c, ".lw-near").unwrap().get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(text(c, ".lw-geo-msg"), "Sorted by distance from you.");
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn a_refused_position_is_explained_and_the_list_stays() {
    stub_fetch(&healthy_api(&first_page(), &second_page(), "{}"));
    stub_geolocation(None);
    let host = Host::new();
    let handle = mount(host.container.clone(), attrs(&[]), JsValue::UNDEFINED, JsValue::UNDEFINED);
    wait_for("the list", || ready(&host)).await;
    click(&host.container, ".lw-near");
    wait_for("the explanation", || text(&host.container, ".lw-geo-msg").contains("定位权限")).await;
    assert!(ready(&host));
    assert!(!requests().iter().any(|u| u.contains("near=")));
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn typing_two_chinese_characters_searches_after_a_pause() {
    stub_fetch(&healthy_api(&first_page(), &second_page(), &detail_1()));
    let host = Host::new();
    let handle = mount(host.container.clone(), attrs(&[]), JsValue::UNDEFINED, JsValue::UNDEFINED);
    wait_for("the list", || ready(&host)).await;
    let input: HtmlInputElement = find(&host.container, "input.lw-search[type=search]").unwrap().dyn_into().unwrap();
    assert!(input.get_attribute("aria-label").is_some());
    input.set_value("医院");
    let init = InputEventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&InputEvent::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    wait_for("a search request", || requests().iter().any(|u| u.contains("q=%E5%8C%BB%E9%99%A2"))).await;
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn choosing_a_district_and_a_category_reloads_with_them() {
    stub_fetch(&healthy_api(&first_page(), &second_page(), &detail_1()));
    let host = Host::new();
    let handle =
        mount(host.container.clone(), attrs(&[("district", "nanhai")]), JsValue::UNDEFINED, JsValue::UNDEFINED);
    wait_for("the list", || ready(&host)).await;
    let c = &host.container;
    assert!(requests().iter().any(|u| u.contains("district=nanhai")));
    wait_for("the district names", || text(c, ".lw-district").contains("南海区")).await;
    let select: web_sys::HtmlSelectElement = find(c, "select.lw-district").unwrap().dyn_into().unwrap();
    assert_eq!(select.value(), "nanhai");
    select.set_value("liwan");
    let init = EventInit::new();
    init.set_bubbles(true);
    select.dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
    wait_for("a Liwan request", || requests().iter().any(|u| u.contains("district=liwan"))).await;

    wait_for("the chips", || find(c, ".lw-chip[data-code=\"merchant_offer\"]").is_some()).await;
    click(c, ".lw-chip[data-code=\"merchant_offer\"]");
    wait_for("a category request", || requests().iter().any(|u| u.contains("district=liwan&category=merchant_offer")))
        .await;
    let chip = find(c, ".lw-chip[data-code=\"merchant_offer\"]").unwrap();
    assert_eq!(chip.get_attribute("aria-pressed").as_deref(), Some("true"));
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn an_empty_answer_shows_the_empty_state() {
    stub_fetch(&healthy_api(EMPTY_PAGE, EMPTY_PAGE, "{}"));
    let host = Host::new();
    let handle = mount(host.container.clone(), attrs(&[]), JsValue::UNDEFINED, JsValue::UNDEFINED);
    wait_for("the empty state", || host.root_attr("data-state").as_deref() == Some("empty")).await;
    assert!(find(&host.container, "p.lw-empty").is_some());
    assert_eq!(text(&host.container, ".lw-count"), "共 0 项");
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn a_failed_list_shows_an_alert_and_retry_recovers() {
    stub_fetch(&[("/api/v1/benefits?", 500, INTERNAL_ERROR)]);
    let host = Host::new();
    let handle = mount(host.container.clone(), attrs(&[("lang", "en")]), JsValue::UNDEFINED, JsValue::UNDEFINED);
    wait_for("the error state", || host.root_attr("data-state").as_deref() == Some("error")).await;
    let c = &host.container;
    assert_eq!(find(c, ".lw-error").unwrap().get_attribute("role").as_deref(), Some("alert"));
    assert!(!text(c, ".lw-error").contains("internal error"), "server text is never shown");

    stub_fetch(&healthy_api(&first_page(), &second_page(), &detail_1()));
    click(c, ".lw-retry");
    wait_for("the list after retry", || ready(&host)).await;
    assert_eq!(find_all(c, ".lw-item").len(), 2);
    handle.destroy();
    host.remove();
}
