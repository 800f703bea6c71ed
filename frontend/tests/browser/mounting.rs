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
        let handle = mount(host.container.clone(), garbage);
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
    let mut handle = mount(host.container.clone(), attrs(&[("api", "http://stub".into())]));
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
async fn my_card_off_offers_the_catalogue_alone() {
    stub_fetch(&healthy_api(&first_page(), &second_page(), "{}"));
    let host = Host::new();
    let api = ("api", JsValue::from("http://stub"));
    let mut handle = mount(host.container.clone(), attrs(std::slice::from_ref(&api)));
    wait_for("the list", || host.root_attr("data-state").as_deref() == Some("ready")).await;
    let c = &host.container;
    assert_eq!(find_all(c, ".lw-tab").len(), 2, "the catalogue and My card");
    // Showing My card when the host switches it off: back to the catalogue, no tabs.
    crate::support::click(c, ".lw-tab:last-child");
    wait_for("the card form", || find(c, ".lw-tab[aria-current=page]:last-child").is_some()).await;
    handle.update(attrs(&[api, ("my-card", "off".into())]));
    wait_for("no tabs", || find_all(c, ".lw-tab").is_empty()).await;
    wait_for("the list again", || find_all(c, ".lw-list .lw-item").len() == 2).await;
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_are_independent() {
    stub_fetch(&healthy_api(&first_page(), &second_page(), "{}"));
    let (a, b) = (Host::new(), Host::new());
    let ha = mount(a.container.clone(), attrs(&[("api", "http://stub".into()), ("lang", "en".into())]));
    let hb = mount(b.container.clone(), attrs(&[("api", "http://stub".into()), ("district", "liwan".into())]));
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
