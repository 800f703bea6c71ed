//! `GET /widget/{file}`: the built widget — the loaders (the widget's and
//! the "My card" page's) at stable URLs, the glue and the `.wasm` of each
//! under content-hashed names.
//!
//! Files come from `LINAN_WIDGET_DIR`. Hashed files never change, so they are
//! cached for a year; the loader is revalidated every few minutes so a new
//! release reaches host pages quickly. Every file may be loaded from any
//! origin: district sites load the module script cross-origin.

use axum::{
    Router,
    extract::{Path, State},
    http::{HeaderMap, HeaderValue, header},
    response::Response,
    routing::get,
};
use linan_shared::ErrorBody;

use crate::{error::ApiError, http::static_file, state::AppState};

/// The stable entry point's name.
pub const LOADER: &str = "linan-benefits.js";
/// The stable entry point of the "My card" page (`/embed/my-card`).
pub const MY_CARD_LOADER: &str = "linan-my-card.js";

/// The widget route.
pub fn router() -> Router<AppState> {
    Router::new().route("/widget/{file}", get(widget_file))
}

/// Serves one file of the built widget.
#[utoipa::path(get, path = "/widget/{file}", tag = "widget",
    params(("file" = String, Path, description = "`linan-benefits.js` (the loader), or a content-hashed glue/wasm file it imports.")),
    responses(
        (status = 200, description = "The file (text/javascript, application/wasm or application/json)", content_type = "application/octet-stream"),
        (status = 404, description = "No such file (or the widget is not built)", body = ErrorBody),
    ))]
pub async fn widget_file(
    State(state): State<AppState>,
    Path(file): Path<String>,
    request: HeaderMap,
) -> Result<Response, ApiError> {
    let mut response = static_file::serve(&state.config.widget_dir, &file, &request, "widget file").await?;
    let cache = if file == LOADER || file == MY_CARD_LOADER || file == "manifest.json" {
        "public, max-age=300"
    } else {
        "public, max-age=31536000, immutable"
    };
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    h.insert("cross-origin-resource-policy", HeaderValue::from_static("cross-origin"));
    Ok(response)
}
