//! HTML pages: `/embed` (the widget alone, for an `<iframe>`) and, outside
//! production mode, `/` (a mock district portal with hostile CSS that embeds
//! two widgets and shows the snippet to copy).

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
const DEMO: &str = include_str!("../pages/demo.html");

/// Our pages run the widget: our scripts and WebAssembly only, requests to
/// ourselves only, and the style element inside the widget's shadow root.
const CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; \
                   style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

/// The page routes.
pub fn router() -> Router<AppState> {
    Router::new().route("/embed", get(embed)).route("/", get(demo))
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

fn page(html: String, frame_ancestors: &str) -> Response {
    let mut response = Html(html).into_response();
    let csp = format!("{CSP}; frame-ancestors {frame_ancestors}");
    if let Ok(v) = HeaderValue::from_str(&csp) {
        response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, v);
    }
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=300"));
    response
}

/// The widget alone on a page, for hosts whose Content-Security-Policy
/// forbids WebAssembly: `<iframe src="https://HOST/embed?district=nanhai">`.
#[utoipa::path(get, path = "/embed", tag = "widget",
    params(
        ("district" = Option<String>, Query, description = "Preset district filter."),
        ("category" = Option<String>, Query, description = "Preset category filter."),
        ("scheme" = Option<String>, Query, description = "With `tier`: show what that card reaches."),
        ("tier" = Option<String>, Query, description = "The card's tier."),
        ("lang" = Option<linan_shared::Lang>, Query, description = "zh-CN (default), zh-HK or en."),
        ("theme" = Option<String>, Query, description = "`light` (default) or `dark`."),
        ("limit" = Option<u32>, Query, description = "Page size, 1–100."),
        ("my-card" = Option<String>, Query, description = "`on` (default) or `off`: offer the cardholder's \"My card\" view."),
    ),
    responses(
        (status = 200, description = "An HTML page with the widget", content_type = "text/html"),
        (status = 400, description = "A parameter is invalid", body = ErrorBody),
    ))]
pub async fn embed(pairs: QueryPairs) -> Result<Response, ApiError> {
    // The widget's own parameters are validated by the catalogue's parser.
    let q = BenefitQuery::from_pairs(pairs.iter())?;
    let theme = match pairs.get("theme") {
        None | Some("light") => None,
        Some("dark") => Some("dark"),
        Some(_) => return Err(ApiError::invalid("theme", "must be `light` or `dark`")),
    };
    let my_card = match pairs.get("my-card") {
        None | Some("on") => None,
        Some("off") => Some("off"),
        Some(_) => return Err(ApiError::invalid("my-card", "must be `on` or `off`")),
    };
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
    let lang = q.lang.unwrap_or_default().tag();
    Ok(page(EMBED.replace("{{lang}}", lang).replace("{{attrs}}", &attrs.join(" ")), "*"))
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

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
