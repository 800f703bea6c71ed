//! Reference lists: `/api/v1/districts`, `/api/v1/categories`, `/api/v1/card-schemes`.
//!
//! These carry all languages at once (they are small), so they do not vary
//! by language.

use axum::{Router, extract::State, http::HeaderMap, response::Response, routing::get};
use linan_shared::{CardSchemesDto, CategoryDto, DistrictDto};

use crate::{
    error::ApiError,
    http::cached::{CacheKey, cached_json},
    reference::Reference,
    state::AppState,
};

/// The reference-data routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/districts", get(districts))
        .route("/api/v1/categories", get(categories))
        .route("/api/v1/card-schemes", get(card_schemes))
}

async fn reference_json<T: serde::Serialize>(
    state: &AppState,
    headers: &HeaderMap,
    route: &str,
    shape: fn(&Reference) -> T,
) -> Result<Response, ApiError> {
    let key = CacheKey::new(state, route, "", state.clock.today(), None);
    cached_json(state, headers, key, || async {
        let reference = state.catalogue.reference(&state.db).await?;
        Ok(shape(&reference))
    })
    .await
}

/// The districts of the alliance.
#[utoipa::path(get, path = "/api/v1/districts", tag = "reference",
    params(("If-None-Match" = Option<String>, Header, description = "An ETag from a previous answer; 304 if unchanged.")),
    responses((status = 200, description = "All districts", body = Vec<DistrictDto>), (status = 304, description = "Not modified"),
        (status = 503, description = "Database busy or unreachable; retry (Retry-After)", body = linan_shared::ErrorBody)))]
pub async fn districts(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    reference_json(&state, &headers, "districts", Reference::districts_dto).await
}

/// The benefit categories.
#[utoipa::path(get, path = "/api/v1/categories", tag = "reference",
    params(("If-None-Match" = Option<String>, Header, description = "An ETag from a previous answer; 304 if unchanged.")),
    responses((status = 200, description = "All categories", body = Vec<CategoryDto>), (status = 304, description = "Not modified"),
        (status = 503, description = "Database busy or unreachable; retry (Retry-After)", body = linan_shared::ErrorBody)))]
pub async fn categories(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    reference_json(&state, &headers, "categories", Reference::categories_dto).await
}

/// The card schemes with their tiers, and the mutual-recognition table.
#[utoipa::path(get, path = "/api/v1/card-schemes", tag = "reference",
    params(("If-None-Match" = Option<String>, Header, description = "An ETag from a previous answer; 304 if unchanged.")),
    responses((status = 200, description = "Schemes and recognition rows", body = CardSchemesDto), (status = 304, description = "Not modified"),
        (status = 503, description = "Database busy or unreachable; retry (Retry-After)", body = linan_shared::ErrorBody)))]
pub async fn card_schemes(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    reference_json(&state, &headers, "card-schemes", Reference::card_schemes_dto).await
}
