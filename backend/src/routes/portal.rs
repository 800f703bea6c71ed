//! `GET /portal`, `GET /portal/{file}`: the merchant and admin portal — a
//! Yew app built by `scripts/build-portal.sh` into `LINAN_PORTAL_DIR`.
//!
//! The page runs under a strict Content-Security-Policy (own origin only,
//! WebAssembly allowed, no framing). Content-hashed files are cached for a
//! year; `index.html` is revalidated on every load so a release shows at once.

use axum::{
    Router,
    extract::{Path, State},
    http::{HeaderMap, HeaderValue, header},
    response::Response,
    routing::get,
};
use linan_shared::ErrorBody;

use crate::{error::ApiError, http::static_file, state::AppState};

/// What the portal page may load and do.
const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
                   img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; \
                   form-action 'self'";

/// The portal routes.
pub fn router() -> Router<AppState> {
    Router::new().route("/portal", get(index)).route("/portal/", get(index)).route("/portal/{file}", get(file))
}

async fn serve(state: &AppState, file: &str, request: &HeaderMap) -> Result<Response, ApiError> {
    let mut response = static_file::serve(&state.config.portal_dir, file, request, "portal file").await?;
    let cache = if file == "index.html" { "no-cache" } else { "public, max-age=31536000, immutable" };
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    Ok(response)
}

/// The portal's page.
#[utoipa::path(get, path = "/portal", tag = "portal",
    responses(
        (status = 200, description = "The portal (HTML)", content_type = "text/html"),
        (status = 404, description = "The portal is not built", body = ErrorBody),
    ))]
pub async fn index(State(state): State<AppState>, request: HeaderMap) -> Result<Response, ApiError> {
    serve(&state, "index.html", &request).await
}

/// One file of the built portal.
#[utoipa::path(get, path = "/portal/{file}", tag = "portal",
    params(("file" = String, Path, description = "A content-hashed script, wasm or style file of the portal.")),
    responses(
        (status = 200, description = "The file", content_type = "application/octet-stream"),
        (status = 404, description = "No such file", body = ErrorBody),
    ))]
pub async fn file(
    State(state): State<AppState>,
    Path(file): Path<String>,
    request: HeaderMap,
) -> Result<Response, ApiError> {
    serve(&state, &file, &request).await
}
