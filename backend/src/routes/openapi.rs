//! `GET /api/openapi.json`: the OpenAPI 3.1 description, generated from the
//! handlers' annotations and the shared model's schemas.

use axum::{Json, Router, routing::get};
use utoipa::OpenApi;

use super::{benefits, ops, pages, partners, reference, widget};
use crate::state::AppState;

/// The API description.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Linan Talent Home API (荔南人才之家)",
        description = "Benefits of the Liwan–Nanhai talent services alliance: the public catalogue of medical green channels, scenic-spot discounts and merchant offers for Liwan Talent Card and Youyue Foshan Card holders.",
        version = env!("CARGO_PKG_VERSION"),
    ),
    paths(
        benefits::list,
        benefits::detail,
        partners::detail,
        reference::districts,
        reference::categories,
        reference::card_schemes,
        ops::healthz,
        ops::readyz,
        ops::metrics,
        openapi_json,
        widget::widget_file,
        pages::embed,
        pages::demo,
    ),
    tags(
        (name = "catalogue", description = "Public benefits and partners"),
        (name = "reference", description = "Districts, categories, card schemes and recognition"),
        (name = "operations", description = "Health, readiness, metrics and this document"),
        (name = "widget", description = "The embeddable widget, its iframe page and the demo host page"),
    )
)]
pub struct ApiDoc;

/// The route serving the document.
pub fn router() -> Router<AppState> {
    Router::new().route("/api/openapi.json", get(openapi_json))
}

/// This OpenAPI document.
#[utoipa::path(get, path = "/api/openapi.json", tag = "operations",
    responses((status = 200, description = "OpenAPI 3.1 document", content_type = "application/json")))]
pub async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
