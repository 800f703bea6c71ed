//! Small browser helpers: moving between pages, focus, dates and times,
//! random keys.

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

/// A fresh random `Idempotency-Key` (a version-4 UUID). The bytes come from
/// `crypto.getRandomValues`; should that be missing, from `Math.random`,
/// which is enough to keep one counter's attempts apart.
pub fn random_key() -> String {
    let mut bytes = [0_u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for byte in &mut bytes {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    crate::counter::uuid_v4(bytes)
}

/// Milliseconds since the epoch now.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Milliseconds since the epoch of an RFC 3339 time (NaN when it is not one).
pub fn time_ms(rfc3339: &str) -> f64 {
    js_sys::Date::parse(rfc3339)
}
