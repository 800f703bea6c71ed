//! Small browser helpers: moving between pages, focus, today's date.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::route::Route;

/// The current URL fragment (`#/offers`), empty when there is none.
pub fn current_fragment() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Goes to `route` (a new history entry; the `hashchange` listener renders it).
pub fn navigate(route: Route) {
    if let Some(window) = web_sys::window() {
        // Setting the fragment cannot fail in a page that has one; nothing to do if it does.
        let _ = window.location().set_hash(&route.href());
    }
}

/// Replaces the current history entry with `route` (for redirects, so Back
/// does not bounce straight back).
pub fn redirect(route: Route) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(&route.href());
    }
}

/// Focuses the first element matching `selector` in the document; whether it did.
pub fn focus(selector: &str) -> bool {
    let target = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|el| el.dyn_into::<HtmlElement>().ok());
    target.is_some_and(|el| el.focus().is_ok())
}

/// The local date `days` from today, as `YYYY-MM-DD` (for a new offer's window).
pub fn date_in_days(days: u32) -> String {
    let date = js_sys::Date::new_0();
    date.set_date(date.get_date() + days);
    format!("{:04}-{:02}-{:02}", date.get_full_year(), date.get_month() + 1, date.get_date())
}
