//! Which requests count for an embed site's figures, decided from the
//! request alone (no cookie, no address, nothing personal is kept):
//!
//! - **load**: `GET /api/v1/districts` — the widget asks for it once when it
//!   starts (its loader's first requests), whatever its attributes; the
//!   widgets of one page that connect together share that request, so a
//!   page view with two widgets counts one load;
//! - **search**: `GET /api/v1/benefits` with a non-empty `q` and no `cursor`
//!   (a new search, not its next page);
//! - **detail**: `GET /api/v1/benefits/{id}`;
//! - **sign-in**: `POST /api/v1/cardholder/session` answered with success.
//!
//! The first three come from the host page, so the browser's `Origin`
//! header names the site. A sign-in comes from the "My card" frame, which
//! is on our own origin; the frame's address carries the host page's origin
//! (`/embed/my-card?…&origin=…`, which the widget sets), and the frame's
//! same-origin request sends that address as its `Referer`, so the sign-in
//! is attributed to that origin. In production only registered origins may
//! frame the page (`frame-ancestors`). A direct cross-origin call is
//! attributed by its `Origin`.
//!
//! Only an origin of an *active* site counts, and only an answer below 400
//! (a refused or failed request is no use of the widget). Responses a
//! browser takes from its own cache (`max-age`) never reach the server and
//! are not counted; the iframe form's widget calls come from our origin and
//! count only its sign-ins. Non-browser clients can send any header: the
//! figures are a usage indication, not a security control.

use axum::{
    extract::{Request, State},
    http::{HeaderMap, Method, StatusCode, Uri, header},
    middleware::Next,
    response::Response,
};

use super::figures::Kind;
use crate::state::AppState;

/// What `method path?query` counts as, if anything (sign-ins aside).
fn kind(method: &Method, path: &str, query: Option<&str>) -> Option<Kind> {
    if method != Method::GET {
        return None;
    }
    if path == "/api/v1/districts" {
        return Some(Kind::Load);
    }
    if path == "/api/v1/benefits" {
        let mut q = false;
        for pair in query.unwrap_or_default().split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            match k {
                "cursor" => return None,
                "q" if has_terms(v) => q = true,
                _ => {}
            }
        }
        return q.then_some(Kind::Search);
    }
    let id = path.strip_prefix("/api/v1/benefits/")?;
    (!id.is_empty() && !id.contains('/')).then_some(Kind::Detail)
}

/// Whether a raw `q` value holds a term: not only blanks (`+`, `%20`, …),
/// which the list treats as no search.
fn has_terms(raw: &str) -> bool {
    linan_shared::percent_decode(&raw.replace('+', " ")).is_some_and(|q| !q.trim().is_empty())
}

fn is_sign_in(method: &Method, path: &str) -> bool {
    method == Method::POST && path == "/api/v1/cardholder/session"
}

/// The host origin a "My card" frame's request names through its `Referer`.
fn framed_for(headers: &HeaderMap) -> Option<String> {
    let referer = headers.get(header::REFERER)?.to_str().ok()?;
    let (before, query) = referer.split_once('?')?;
    if !before.ends_with("/embed/my-card") {
        return None;
    }
    let query = query.split('#').next().unwrap_or_default();
    query.split('&').find_map(|pair| pair.strip_prefix("origin=")).and_then(linan_shared::percent_decode)
}

/// What a request counts as and for which site, if anything: its `Origin`'s
/// active site or, for a sign-in that has none, the "My card" frame's host.
fn counted(state: &AppState, method: &Method, uri: &Uri, headers: &HeaderMap) -> Option<(i64, Kind)> {
    let sign_in = is_sign_in(method, uri.path());
    let kind = if sign_in { Kind::SignIn } else { kind(method, uri.path(), uri.query())? };
    let origin = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok());
    let registry = &state.catalogue.embed;
    let mut site = origin.and_then(|o| registry.site_of(o));
    if sign_in && site.is_none() {
        site = framed_for(headers).and_then(|o| registry.site_of(&o));
    }
    Some((site?, kind))
}

/// Adds a counted request to its site's figures if it was answered below 400.
fn add(state: &AppState, (site, kind): (i64, Kind), status: StatusCode) {
    if status.as_u16() < 400 {
        state.embed_counts.add(site, state.clock.today(), kind);
    }
}

/// Counts a request answered without the stack (a cached list page, see
/// [`crate::http::front`]) as [`count`] would.
pub fn count_answered(state: &AppState, method: &Method, uri: &Uri, headers: &HeaderMap, status: StatusCode) {
    if let Some(counted) = counted(state, method, uri, headers) {
        add(state, counted, status);
    }
}

/// Counts the request for its site, if it is one of the kinds above from an
/// active registered origin.
pub async fn count(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let Some(counted) = counted(&state, request.method(), request.uri(), request.headers()) else {
        return next.run(request).await;
    };
    let response = next.run(request).await;
    add(&state, counted, response.status());
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_count_as_documented() {
        let get = Method::GET;
        assert_eq!(kind(&get, "/api/v1/districts", None), Some(Kind::Load));
        assert_eq!(kind(&get, "/api/v1/benefits", Some("q=%E5%8C%BB%E9%99%A2&limit=20")), Some(Kind::Search));
        assert_eq!(kind(&get, "/api/v1/benefits", Some("q=x&cursor=abc")), None);
        assert_eq!(kind(&get, "/api/v1/benefits", Some("q=&district=nanhai")), None);
        // Only blanks, however written, are no search terms.
        assert_eq!(kind(&get, "/api/v1/benefits", Some("q=%20%20+")), None);
        assert_eq!(kind(&get, "/api/v1/benefits", Some("q=+%E5%8C%BB")), Some(Kind::Search));
        assert_eq!(kind(&get, "/api/v1/benefits", None), None);
        assert_eq!(kind(&get, "/api/v1/benefits/12", None), Some(Kind::Detail));
        assert_eq!(kind(&Method::POST, "/api/v1/benefits/12", None), None);
        assert_eq!(kind(&get, "/api/v1/categories", None), None);
    }

    #[test]
    fn a_my_card_frame_names_its_host() {
        let mut h = HeaderMap::new();
        let frame = "https://t.example.cn/embed/my-card?lang=en&theme=light&origin=https%3A%2F%2Fwww.nanhai.gov.cn";
        h.insert(header::REFERER, frame.parse().unwrap());
        assert_eq!(framed_for(&h).as_deref(), Some("https://www.nanhai.gov.cn"));
        h.insert(header::REFERER, "https://t.example.cn/embed?origin=https%3A%2F%2Fa.cn".parse().unwrap());
        assert_eq!(framed_for(&h), None);
    }
}
