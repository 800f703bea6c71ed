//! Small browser helpers for focus management.
//!
//! Focus is moved on purpose in three places: to the close button when a
//! detail opens, back to the item's button when it closes, and to the first
//! new item after "load more". Each finds its target by selector inside the
//! widget's own subtree, never in the host document.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::NodeRef;

/// Focuses the first element matching `selector` inside `root`; whether it did.
pub fn focus_within(root: &NodeRef, selector: &str) -> bool {
    let target = root
        .cast::<Element>()
        .and_then(|root| root.query_selector(selector).ok().flatten())
        .and_then(|el| el.dyn_into::<HtmlElement>().ok());
    match target {
        Some(el) => el.focus().is_ok(),
        None => false,
    }
}

/// Whether nothing has the focus in this document (it fell back to the body,
/// as it does when the focused element is removed or moved).
pub fn focus_lost() -> bool {
    let document = web_sys::window().and_then(|w| w.document());
    match document.and_then(|d| Some((d.active_element(), d.body()?))) {
        Some((Some(active), body)) => active == *AsRef::<Element>::as_ref(&body),
        Some((None, _)) => true,
        None => false,
    }
}

/// Focuses the element behind `node`, if it is rendered.
pub fn focus(node: &NodeRef) {
    if let Some(el) = node.cast::<HtmlElement>() {
        // Focus can fail on a detached node; there is nothing better to do then.
        let _ = el.focus();
    }
}
