//! Helpers: containers (in a shadow root, like the loader's), waiting for a
//! condition with a deadline, reading the DOM, and a stubbed `fetch`.

use std::time::Duration;

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::prelude::*;

/// A `<div>` in the body, for rendering a component alone.
pub(crate) fn container() -> Element {
    let document = gloo_document();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Renders any [`Html`]: the leaf views are functions, not components.
#[derive(Properties, PartialEq)]
pub(crate) struct ShowProps {
    pub(crate) content: Html,
}

/// See [`ShowProps`].
#[component]
pub(crate) fn Show(props: &ShowProps) -> Html {
    props.content.clone()
}

/// Renders `content` into a fresh container; returns the app and the container.
pub(crate) async fn show(content: Html) -> (yew::AppHandle<Show>, Element) {
    let root = container();
    let app = yew::Renderer::<Show>::with_root_and_props(root.clone(), ShowProps { content }).render();
    settle().await;
    (app, root)
}

/// What the loader builds: a host element with an open shadow root holding a `<div>`.
pub(crate) struct Host {
    pub(crate) element: Element,
    pub(crate) shadow: ShadowRoot,
    pub(crate) container: HtmlElement,
}

impl Host {
    pub(crate) fn new() -> Self {
        let document = gloo_document();
        let element = document.create_element("linan-benefits-test").unwrap();
        document.body().unwrap().append_child(&element).unwrap();
        let shadow = element.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).unwrap();
        let container: HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
        shadow.append_child(&container).unwrap();
        Self { element, shadow, container }
    }

    /// The root's attribute `name`.
    pub(crate) fn root_attr(&self, name: &str) -> Option<String> {
        find(&self.container, ".lw-root").and_then(|r| r.get_attribute(name))
    }

    /// The element focused inside the shadow root.
    pub(crate) fn focused(&self) -> Option<Element> {
        self.shadow.active_element()
    }

    pub(crate) fn remove(self) {
        self.element.remove();
    }
}

fn gloo_document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// The first match of `selector` under `root`.
pub(crate) fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

/// Every match of `selector` under `root`.
pub(crate) fn find_all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into().ok()).collect()
}

/// The text of the first match, or "" when there is none.
pub(crate) fn text(root: &Element, selector: &str) -> String {
    find(root, selector).and_then(|e| e.text_content()).unwrap_or_default()
}

/// Clicks the first match.
pub(crate) fn click(root: &Element, selector: &str) {
    let el: HtmlElement = find(root, selector).unwrap_or_else(|| panic!("no {selector}")).dyn_into().unwrap();
    el.click();
}

/// Lets Yew render everything scheduled.
pub(crate) async fn settle() {
    yew::scheduler::flush().await;
}

/// Waits until `check` holds, polling; fails after five seconds naming `what`.
pub(crate) async fn wait_for(what: &str, mut check: impl FnMut() -> bool) {
    for _ in 0..500 {
        settle().await;
        if check() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("timed out waiting for {what}");
}

/// Replaces `window.fetch`: the first route whose needle the URL contains
/// answers with its status and JSON body; no route is a network error.
/// Every URL asked for is recorded (see [`requests`]).
pub(crate) fn stub_fetch(routes: &[(&str, u16, &str)]) {
    let window = web_sys::window().unwrap();
    let table = Array::new();
    for (needle, status, body) in routes {
        table.push(&Array::of3(&JsValue::from_str(needle), &JsValue::from(*status), &JsValue::from_str(body)));
    }
    Reflect::set(&window, &"__linanRoutes".into(), &table).unwrap();
    Reflect::set(&window, &"__linanRequests".into(), &Array::new()).unwrap();
    Reflect::set(&window, &"__linanCalls".into(), &Array::new()).unwrap();
    let fetch = Function::new_with_args(
        "input, init",
        "const url = String(input && input.url ? input.url : input);
         window.__linanRequests.push(url);
         const headers = new Headers((init && init.headers) || undefined);
         window.__linanCalls.push([(init && init.method) || 'GET', url, headers.get('authorization') || '', (init && init.body) || '']);
         for (const [needle, status, body] of window.__linanRoutes) {
           if (url.includes(needle)) {
             return Promise.resolve(new Response(body, { status, headers: { 'content-type': 'application/json' } }));
           }
         }
         return Promise.reject(new TypeError('Failed to fetch'));",
    );
    Reflect::set(&window, &"fetch".into(), &fetch).unwrap();
}

/// The URLs fetched since the last [`stub_fetch`].
pub(crate) fn requests() -> Vec<String> {
    let window = web_sys::window().unwrap();
    let list: Array = Reflect::get(&window, &"__linanRequests".into()).unwrap().dyn_into().unwrap();
    list.iter().filter_map(|v| v.as_string()).collect()
}

/// One request as the stub saw it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Call {
    pub(crate) method: String,
    pub(crate) url: String,
    /// The `Authorization` header ("" when absent).
    pub(crate) auth: String,
    /// The body ("" when none).
    pub(crate) body: String,
}

/// Every request since the last [`stub_fetch`], with method, token and body.
pub(crate) fn calls() -> Vec<Call> {
    let window = web_sys::window().unwrap();
    let list: Array = Reflect::get(&window, &"__linanCalls".into()).unwrap().dyn_into().unwrap();
    list.iter()
        .map(|call| {
            let call = Array::from(&call);
            let part = |i| call.get(i).as_string().unwrap_or_default();
            Call { method: part(0), url: part(1), auth: part(2), body: part(3) }
        })
        .collect()
}

/// The standard routes of a healthy API, in match order.
pub(crate) fn healthy_api<'a>(first: &'a str, second: &'a str, detail: &'a str) -> Vec<(&'a str, u16, &'a str)> {
    use crate::fixtures::{CARD_SCHEMES, CATEGORIES, DISTRICTS};
    vec![
        ("/api/v1/benefits/1?", 200, detail),
        ("cursor=c2", 200, second),
        ("/api/v1/benefits?", 200, first),
        ("/api/v1/districts", 200, DISTRICTS),
        ("/api/v1/categories", 200, CATEGORIES),
        ("/api/v1/card-schemes", 200, CARD_SCHEMES),
    ]
}

/// Replaces `navigator.geolocation.getCurrentPosition`: answers with the
/// position, or with a `PERMISSION_DENIED` error when `position` is `None`.
pub(crate) fn stub_geolocation(position: Option<(f64, f64)>) {
    let body = match position {
        Some((lat, lon)) => format!("ok({{ coords: {{ latitude: {lat}, longitude: {lon} }} }});"),
        None => "fail({ code: 1 });".to_owned(),
    };
    let geo = Reflect::get(&web_sys::window().unwrap().navigator(), &"geolocation".into()).unwrap();
    let stub = Function::new_with_args("ok, fail", &format!("setTimeout(() => {{ {body} }}, 0);"));
    Reflect::set(&geo, &"getCurrentPosition".into(), &stub).unwrap();
}
