//! HTML pages: `/embed` (the widget alone, for an `<iframe>`),
//! `/embed/my-card` (the cardholder's "My card", which the widget frames so
//! that the card, the sign-in factor, the token and the counter code stay on
//! our origin) and, outside production mode, `/` (a mock district portal with
//! hostile CSS that embeds two widgets and shows the snippet to copy).
//!
//! In production the widget's pages may be framed only by our own pages and
//! the active registered embed origins (`frame-ancestors`, see
//! [`crate::embed::registry`]); in demo mode by any page.

use axum::{
    Router,
    extract::State,
    http::{HeaderMap, HeaderValue, header},
    response::{Html, IntoResponse, Response},
    routing::get,
};
use linan_shared::{BenefitQuery, ErrorBody};

use crate::{error::ApiError, http::query::QueryPairs, state::AppState};

const EMBED: &str = include_str!("../pages/embed.html");
const MY_CARD: &str = include_str!("../pages/my-card.html");
const DEMO: &str = include_str!("../pages/demo.html");
const HOSTILE: &str = include_str!("../pages/hostile.js");

/// Our pages run the widget: our scripts and WebAssembly only, requests to
/// ourselves only, the style element inside the widget's shadow root, and
/// our own "My card" frame.
const CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; \
                   style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self'; base-uri 'none'; \
                   form-action 'none'";

/// The page routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/embed", get(embed))
        .route("/embed/my-card", get(my_card))
        .route("/", get(demo))
        .route("/demo/hostile.js", get(hostile))
}

/// Escapes text for HTML content and attribute values.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Who may frame the page: `frame_ancestors`; cached by browsers for 5 minutes.
fn page(html: String, frame_ancestors: &str) -> Response {
    page_cached(html, frame_ancestors, "public, max-age=300")
}

fn page_cached(html: String, frame_ancestors: &str, cache: &'static str) -> Response {
    let mut response = Html(html).into_response();
    let csp = format!("{CSP}; frame-ancestors {frame_ancestors}");
    if let Ok(v) = HeaderValue::from_str(&csp) {
        response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, v);
    }
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}

/// A page of the widget: in production only our own pages and the active
/// registered embed origins may frame it, and browsers revalidate it each
/// time (so a registry change is not hidden by a cached copy with the old
/// policy); in demo mode any page may frame it.
fn widget_page(state: &AppState, html: String) -> Response {
    if state.config.production {
        page_cached(html, &state.catalogue.embed.frame_ancestors(), "no-cache")
    } else {
        page(html, "*")
    }
}

/// The widget alone on a page, for hosts whose Content-Security-Policy
/// forbids WebAssembly: `<iframe src="https://HOST/embed?district=nanhai">`.
#[utoipa::path(get, path = "/embed", tag = "widget",
    params(
        ("district" = Option<linan_shared::DistrictCode>, Query, description = "Preset district filter."),
        ("category" = Option<linan_shared::CategoryCode>, Query, description = "Preset category filter."),
        ("scheme" = Option<linan_shared::SchemeCode>, Query, description = "With `tier`: show what that card reaches."),
        ("tier" = Option<linan_shared::TierCode>, Query, description = "The card's tier."),
        ("lang" = Option<linan_shared::Lang>, Query, description = "zh-CN (default), zh-HK or en."),
        ("theme" = Option<String>, Query, description = "`light` (default) or `dark`."),
        ("limit" = Option<u32>, Query, description = "Page size, 1–100."),
        ("my-card" = Option<String>, Query, description = "`on` (default) or `off`: offer the cardholder's \"My card\" view."),
        ("events" = Option<String>, Query, description = "`on` (default) or `off`: offer the events tab."),
    ),
    responses(
        (status = 200, description = "An HTML page with the widget", content_type = "text/html"),
        (status = 400, description = "A parameter is invalid", body = ErrorBody),
    ))]
pub async fn embed(State(state): State<AppState>, pairs: QueryPairs) -> Result<Response, ApiError> {
    // The widget's own parameters are validated by the catalogue's parser.
    let q = BenefitQuery::from_pairs(pairs.iter())?;
    let theme = Some(theme(&pairs)?).filter(|t| *t != "light");
    let (my_card, events) = (off(&pairs, "my-card")?, off(&pairs, "events")?);
    let mut attrs = Vec::new();
    let mut attr = |name: &str, value: Option<String>| {
        if let Some(v) = value {
            attrs.push(format!("{name}=\"{}\"", escape(&v)));
        }
    };
    attr("district", q.district.as_ref().map(ToString::to_string));
    attr("category", q.category.as_ref().map(ToString::to_string));
    attr("scheme", q.scheme.as_ref().map(ToString::to_string));
    attr("tier", q.tier.as_ref().map(ToString::to_string));
    attr("lang", q.lang.map(|l| l.tag().to_owned()));
    attr("theme", theme.map(str::to_owned));
    attr("limit", q.limit.map(|l| l.to_string()));
    attr("my-card", my_card.map(str::to_owned));
    attr("events", events.map(str::to_owned));
    let lang = q.lang.unwrap_or_default().tag();
    Ok(widget_page(&state, EMBED.replace("{{lang}}", lang).replace("{{attrs}}", &attrs.join(" "))))
}

/// "My card" on our own origin: the widget frames this page when a cardholder
/// opens the tab, so nothing of the sign-in lives in the host page. The page
/// tells its parent its height through `postMessage`, only to `origin`.
#[utoipa::path(get, path = "/embed/my-card", tag = "widget",
    params(
        ("lang" = Option<linan_shared::Lang>, Query, description = "zh-CN (default), zh-HK or en."),
        ("theme" = Option<String>, Query, description = "`light` (default) or `dark`."),
        ("origin" = Option<String>, Query, description = "The embedding page's origin (`https://host[:port]`): the only one the page talks to through `postMessage`."),
    ),
    responses(
        (status = 200, description = "An HTML page with the cardholder's view", content_type = "text/html"),
        (status = 400, description = "A parameter is invalid", body = ErrorBody),
    ))]
pub async fn my_card(State(state): State<AppState>, pairs: QueryPairs) -> Result<Response, ApiError> {
    let lang = match pairs.get("lang")? {
        None => linan_shared::Lang::default(),
        Some(tag) => {
            linan_shared::Lang::parse(tag).map_err(|_| ApiError::invalid("lang", "must be zh-CN, zh-HK or en"))?
        }
    };
    let theme = theme(&pairs)?;
    let origin = match pairs.get("origin")? {
        None => "",
        Some(o) if is_origin(o) => o,
        Some(_) => return Err(ApiError::invalid("origin", "must be an origin such as https://www.nanhai.gov.cn")),
    };
    let attrs = format!("data-lang=\"{}\" data-theme=\"{theme}\" data-origin=\"{}\"", lang.tag(), escape(origin));
    Ok(widget_page(&state, MY_CARD.replace("{{lang}}", lang.tag()).replace("{{attrs}}", &attrs)))
}

/// A tab's switch, `name`: `on` (the default, no attribute) or `off`.
fn off(pairs: &QueryPairs, name: &'static str) -> Result<Option<&'static str>, ApiError> {
    match pairs.get(name)? {
        None | Some("on") => Ok(None),
        Some("off") => Ok(Some("off")),
        Some(_) => Err(ApiError::invalid(name, "must be `on` or `off`")),
    }
}

/// The `theme` parameter: `light` (the default) or `dark`.
fn theme(pairs: &QueryPairs) -> Result<&'static str, ApiError> {
    match pairs.get("theme")? {
        None | Some("light") => Ok("light"),
        Some("dark") => Ok("dark"),
        Some(_) => Err(ApiError::invalid("theme", "must be `light` or `dark`")),
    }
}

/// `http(s)://host[:port]`, nothing more: what `location.origin` gives.
fn is_origin(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://")) else { return false };
    !rest.is_empty()
        && rest.len() <= 255
        && rest.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'))
}

/// A mock district portal embedding two widgets (demo mode only).
#[utoipa::path(get, path = "/", tag = "widget",
    responses(
        (status = 200, description = "The demo host page", content_type = "text/html"),
        (status = 404, description = "Production mode: there is no demo page", body = ErrorBody),
    ))]
pub async fn demo(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    if state.config.production {
        return Err(ApiError::NotFound("page"));
    }
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("127.0.0.1:8080");
    let base = format!("http://{host}");
    let snippet = format!(
        "<script type=\"module\" src=\"{base}/widget/linan-benefits.js\"></script>\n\
         <linan-benefits district=\"nanhai\" category=\"scenic_discount\" lang=\"zh-CN\"></linan-benefits>"
    );
    let iframe = format!(
        "<iframe src=\"{base}/embed?district=nanhai&lang=zh-CN\" title=\"荔南人才之家\" \
         style=\"width:100%;height:640px;border:0\" loading=\"lazy\"></iframe>"
    );
    Ok(page(DEMO.replace("{{snippet}}", &escape(&snippet)).replace("{{iframe}}", &escape(&iframe)), "'self'"))
}

/// The demo host page's hostile script (demo mode only): it spies on key
/// events and on what it can read inside the widgets, as a third-party script
/// on a district site could.
#[utoipa::path(get, path = "/demo/hostile.js", tag = "widget",
    responses(
        (status = 200, description = "The script", content_type = "text/javascript"),
        (status = 404, description = "Production mode: there is no demo page", body = ErrorBody),
    ))]
pub async fn hostile(State(state): State<AppState>) -> Result<Response, ApiError> {
    if state.config.production {
        return Err(ApiError::NotFound("page"));
    }
    let mut response = HOSTILE.into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/javascript; charset=utf-8"));
    h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::{escape, is_origin};

    #[test]
    fn an_origin_is_scheme_host_and_port_only() {
        assert!(is_origin("https://www.nanhai.gov.cn"));
        assert!(is_origin("http://127.0.0.1:8080"));
        for bad in ["", "https://", "javascript:alert(1)", "https://a.cn/path", "https://a.cn\"><script>", "ftp://a.cn"]
        {
            assert!(!is_origin(bad), "{bad}");
        }
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
