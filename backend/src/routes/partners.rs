//! `GET /api/v1/partners/{id}`.

use axum::{Router, extract::State, http::HeaderMap, response::Response, routing::get};
use linan_shared::{ErrorBody, PartnerDto};

use crate::{
    catalogue::partner_detail,
    error::ApiError,
    http::{
        cached::{CacheKey, cached_json},
        lang::AskedLang,
        path::PathId,
    },
    state::AppState,
};

/// The public partner routes.
pub fn router() -> Router<AppState> {
    Router::new().route("/api/v1/partners/{id}", get(detail))
}

/// An approved partner's public profile.
#[utoipa::path(
    get,
    path = "/api/v1/partners/{id}",
    tag = "catalogue",
    params(
        ("id" = i64, Path, description = "Partner id."),
        ("lang" = Option<linan_shared::Lang>, Query, description = "Text language; otherwise `Accept-Language`, then zh-CN."),
        ("If-None-Match" = Option<String>, Header, description = "An ETag from a previous answer; 304 if unchanged."),
    ),
    responses(
        (status = 200, description = "The partner", body = PartnerDto),
        (status = 304, description = "Not modified since the ETag in If-None-Match"),
        (status = 400, description = "Malformed id or language", body = ErrorBody),
        (status = 503, description = "Database busy or unreachable; retry (Retry-After)", body = ErrorBody),
        (status = 404, description = "No such approved partner", body = ErrorBody),
    )
)]
pub async fn detail(
    State(state): State<AppState>,
    PathId(id): PathId,
    headers: HeaderMap,
    AskedLang(lang): AskedLang,
) -> Result<Response, ApiError> {
    let day = state.clock.today();
    let key = CacheKey::new(&state, "partner", &id.to_string(), day, Some(lang));
    cached_json(&state, &headers, key, || async {
        let reference = state.catalogue.reference(&state.db).await?;
        partner_detail(&state.db, &reference, id, lang, day).await
    })
    .await
}
