//! The loader contract: `mount` with any attributes object, `update`,
//! `destroy`, several widgets on one page.

use js_sys::{Object, Reflect};
use linan_frontend::mount;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::fixtures::{EMPTY_PAGE, first_page, second_page};
use crate::support::{Host, find, find_all, healthy_api, settle, stub_fetch, text, wait_for};

fn attrs(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (name, value) in pairs {
        Reflect::set(&object, &JsValue::from_str(name), value).unwrap();
    }
    object.into()
}

#[wasm_bindgen_test]
async fn garbage_attributes_fall_back_to_defaults() {
    stub_fetch(&[("/api/v1/benefits?", 200, EMPTY_PAGE)]);
    for garbage in [
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from_str("not an object"),
        attrs(&[
            ("lang", JsValue::from(42)),
            ("theme", "neon".into()),
            ("limit", "lots".into()),
            ("district", "<script>".into()),
            ("api", "javascript:alert(1)".into()),
            ("scheme", Object::new().into()),
        ]),
    ] {
        let host = Host::new();
        let handle = mount(host.container.clone(), garbage, JsValue::UNDEFINED, JsValue::UNDEFINED);
        settle().await;
        assert_eq!(host.root_attr("lang").as_deref(), Some("zh-CN"));
        assert_eq!(host.root_attr("data-theme").as_deref(), Some("light"));
        assert!(find(&host.container, ".lw-note").is_none(), "no card note without a valid card");
        handle.destroy();
        host.remove();
    }
    // The fallback API base is the page's own origin, the limit the default.
    assert!(crate::support::requests().iter().any(|u| u.starts_with("/api/v1/benefits?") && u.contains("limit=20")));
}

#[wasm_bindgen_test]
async fn update_re_renders_with_the_new_attributes_and_destroy_empties_the_container() {
    stub_fetch(&healthy_api(&first_page(), &second_page(), "{}"));
    let host = Host::new();
    let mut handle =
        mount(host.container.clone(), attrs(&[("api", "http://stub".into())]), JsValue::UNDEFINED, JsValue::UNDEFINED);
    wait_for("the list", || host.root_attr("data-state").as_deref() == Some("ready")).await;
    assert_eq!(text(&host.container, ".lw-count"), "至少 2 项");

    handle.update(attrs(&[("api", "http://stub".into()), ("lang", "en".into()), ("theme", "dark".into())]));
    wait_for("English", || host.root_attr("lang").as_deref() == Some("en")).await;
    assert_eq!(host.root_attr("data-theme").as_deref(), Some("dark"));
    wait_for("an English request", || crate::support::requests().iter().any(|u| u.contains("lang=en"))).await;

    handle.destroy();
    settle().await;
    assert!(find(&host.container, ".lw-root").is_none());
    host.remove();
}

#[wasm_bindgen_test]
async fn my_card_is_a_frame_of_the_api_origin_loaded_when_its_tab_is_first_opened() {
    stub_fetch(&healthy_api(&first_page(), &second_page(), "{}"));
    let host = Host::new();
    let config = attrs(&[("api", "http://stub".into()), ("lang", "en".into()), ("theme", "dark".into())]);
    let handle = mount(host.container.clone(), config, JsValue::UNDEFINED, JsValue::UNDEFINED);
    wait_for("the list", || host.root_attr("data-state").as_deref() == Some("ready")).await;
    let c = &host.container;
    assert!(find(c, "iframe").is_none(), "nothing of My card before its tab is opened");
    crate::support::click(c, ".lw-tab:last-child");
    wait_for("the frame", || find(c, "iframe.lw-frame").is_some()).await;
    let frame = find(c, "iframe.lw-frame").unwrap();
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    let expected = format!(
        "http://stub/embed/my-card?lang=en&theme=dark&origin={}",
        linan_frontend::model::percent_encode(&origin)
    );
    assert_eq!(frame.get_attribute("src"), Some(expected));
    assert_eq!(frame.get_attribute("title").as_deref(), Some("My card"));
    assert!(find(c, ".lw-view[hidden] .lw-list").is_some(), "the catalogue waits, hidden: {}", c.inner_html());
    // Back to the catalogue and again: the same frame (and so the same session) stays.
    crate::support::click(c, ".lw-tab:first-child");
    wait_for("the list again", || find(c, ".lw-view:not([hidden]) .lw-list").is_some()).await;
    assert!(find(c, "iframe.lw-frame[hidden]").is_some());
    crate::support::click(c, ".lw-tab:last-child");
    wait_for("the frame again", || find(c, "iframe.lw-frame:not([hidden])").is_some()).await;
    assert!(frame.is_connected(), "not re-created");
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn my_card_off_offers_the_catalogue_alone() {
    stub_fetch(&healthy_api(&first_page(), &second_page(), "{}"));
    let host = Host::new();
    let api = ("api", JsValue::from("http://stub"));
    let mut handle =
        mount(host.container.clone(), attrs(std::slice::from_ref(&api)), JsValue::UNDEFINED, JsValue::UNDEFINED);
    wait_for("the list", || host.root_attr("data-state").as_deref() == Some("ready")).await;
    let c = &host.container;
    assert_eq!(find_all(c, ".lw-tab").len(), 3, "the catalogue, the events and My card");
    // Showing My card when the host switches it off: back to the catalogue, no frame.
    crate::support::click(c, ".lw-tab:last-child");
    wait_for("the card frame", || find(c, "iframe.lw-frame").is_some()).await;
    handle.update(attrs(&[api.clone(), ("my-card", "off".into())]));
    wait_for("two tabs", || find_all(c, ".lw-tab").len() == 2).await;
    assert_eq!(text(c, ".lw-tab:last-child"), "活动");
    // And with the events off too: no tabs at all.
    handle.update(attrs(&[api, ("my-card", "off".into()), ("events", "off".into())]));
    wait_for("no tabs", || find_all(c, ".lw-tab").is_empty()).await;
    assert!(find(c, "iframe").is_none());
    wait_for("the list again", || find_all(c, ".lw-list .lw-item").len() == 2).await;
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn the_events_tab_lists_the_apis_events_as_text_and_filters_by_type() {
    let (first, second) = (first_page(), second_page());
    let mut routes = healthy_api(&first, &second, "{}");
    routes.insert(0, ("/api/v1/events?", 200, crate::fixtures::EVENTS_PAGE));
    stub_fetch(&routes);
    let host = Host::new();
    let config = attrs(&[("api", "http://stub".into()), ("district", "liwan".into())]);
    let mut handle = mount(host.container.clone(), config, JsValue::UNDEFINED, JsValue::UNDEFINED);
    wait_for("the list", || host.root_attr("data-state").as_deref() == Some("ready")).await;
    let c = &host.container;
    assert!(!crate::support::requests().iter().any(|u| u.contains("/events")), "no events before the tab");
    assert_eq!(text(c, ".lw-tab:nth-child(2)"), "活动");
    crate::support::click(c, ".lw-tab:nth-child(2)");
    wait_for("the events", || find_all(c, ".lw-event").len() == 2).await;
    assert!(crate::support::requests().iter().any(|u| u.contains("/api/v1/events?lang=zh-CN&limit=20&district=liwan")));
    assert_eq!(text(c, ".lw-event[data-id=\"2\"] .lw-title"), crate::fixtures::HOSTILE_TITLE);
    assert!(find(c, ".lw-events img").is_none(), "a title must never become an element");
    assert_eq!(text(c, ".lw-event[data-id=\"1\"] .lw-when"), "2026-12-12 14:00–16:30");
    assert_eq!(text(c, ".lw-event[data-id=\"1\"] .lw-status"), "已满，可候补");
    assert_eq!(text(c, ".lw-event[data-id=\"2\"] .lw-status"), "已取消");
    assert!(find(c, ".lw-view[hidden] .lw-list").is_some(), "the catalogue waits, hidden");
    crate::support::click(c, ".lw-events .lw-chip[data-code=\"job_fair\"]");
    wait_for("a job fairs request", || crate::support::requests().iter().any(|u| u.contains("type=job_fair"))).await;
    // `events="off"` takes the tab away, back to the catalogue.
    handle.update(attrs(&[("api", "http://stub".into()), ("district", "liwan".into()), ("events", "off".into())]));
    wait_for("two tabs", || find_all(c, ".lw-tab").len() == 2).await;
    assert!(find(c, ".lw-events").is_none());
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_are_independent() {
    stub_fetch(&healthy_api(&first_page(), &second_page(), "{}"));
    let (a, b) = (Host::new(), Host::new());
    let ha = mount(
        a.container.clone(),
        attrs(&[("api", "http://stub".into()), ("lang", "en".into())]),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    );
    let hb = mount(
        b.container.clone(),
        attrs(&[("api", "http://stub".into()), ("district", "liwan".into())]),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    );
    wait_for("both lists", || {
        a.root_attr("data-state").as_deref() == Some("ready") && b.root_attr("data-state").as_deref() == Some("ready")
    })
    .await;
    assert_eq!((a.root_attr("lang").as_deref(), b.root_attr("lang").as_deref()), (Some("en"), Some("zh-CN")));
    // Loading more in one leaves the other alone.
    crate::support::click(&a.container, ".lw-more");
    wait_for("the second page in A", || find_all(&a.container, ".lw-item").len() == 3).await;
    assert_eq!(find_all(&b.container, ".lw-item").len(), 2);
    ha.destroy();
    hb.destroy();
    a.remove();
    b.remove();
}

#[wasm_bindgen_test]
async fn the_answers_the_loader_started_are_taken_instead_of_asked_again() {
    stub_fetch(&healthy_api(&first_page(), &second_page(), "{}"));
    // What the loader hands over: URL → Promise<Response>, for the first page and one reference list.
    let answer = |body: &str| {
        let init = web_sys::ResponseInit::new();
        init.set_status(200);
        let response = web_sys::Response::new_with_opt_str_and_init(Some(body), &init).unwrap();
        js_sys::Promise::resolve(&response)
    };
    let first = "http://stub/api/v1/benefits?district=liwan&limit=20&lang=en";
    let prefetched = js_sys::Map::new();
    prefetched.set(&first.into(), &answer(&first_page()));
    prefetched.set(&"http://stub/api/v1/districts".into(), &answer(crate::fixtures::DISTRICTS));
    let host = Host::new();
    let api = ("api", JsValue::from("http://stub"));
    let config = attrs(&[api.clone(), ("district", "liwan".into()), ("lang", "en".into())]);
    let handle = mount(host.container.clone(), config, prefetched.clone().into(), JsValue::UNDEFINED);
    wait_for("the list", || find_all(&host.container, ".lw-list .lw-item").len() == 2).await;
    wait_for("the district names", || text(&host.container, ".lw-district").contains("Liwan")).await;
    let asked = crate::support::requests();
    assert!(!asked.iter().any(|u| u.contains("/benefits?") || u.ends_with("/districts")), "{asked:?}");
    assert!(asked.iter().any(|u| u.ends_with("/categories")), "what was not prefetched is fetched: {asked:?}");
    assert_eq!(prefetched.size(), 0, "each answer is taken once");
    handle.destroy();
    host.remove();
}
