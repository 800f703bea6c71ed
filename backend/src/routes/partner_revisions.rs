//! `/api/v1/admin/partner-revisions*`: the queue of approved partners'
//! proposed profile changes, and the decisions on them. A district admin
//! sees and decides their district's partners (another district's are 404),
//! an alliance admin all; merchants get 403. The merchant reads its own
//! revision in `GET /api/v1/merchant/partner`.

use axum::{
    Json, Router,
    extract::State,
    routing::{get, post},
};
use linan_shared::{Decision, ErrorBody, PartnerList, PartnerProfileDto};

use crate::{
    auth::Actor,
    error::ApiError,
    http::{body::JsonBody, path::PathId, query::QueryOf},
    review::{page::PageRequest, partner_revision},
    state::AppState,
};

/// The routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/admin/partner-revisions", get(list))
        .route("/api/v1/admin/partner-revisions/{id}/approve", post(approve))
        .route("/api/v1/admin/partner-revisions/{id}/reject", post(reject))
}

/// `?limit=&cursor=` of the queue.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    /// From `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// A page of the partners with a profile change waiting for review in the
/// admin's districts, oldest proposal first: `profile` is live, `revision.profile` proposed.
#[utoipa::path(get, path = "/api/v1/admin/partner-revisions", tag = "admin", params(PageQuery),
    responses((status = 200, body = PartnerList), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
    QueryOf(q): QueryOf<PageQuery>,
) -> Result<Json<PartnerList>, ApiError> {
    let page = PageRequest::parse(q.limit, q.cursor.as_deref())?;
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(partner_revision::queue(&state.db, &reference, &actor, &page).await?))
}

/// Approves partner `id`'s pending profile change: it goes public at once.
/// `version` is the partner's version as read.
#[utoipa::path(post, path = "/api/v1/admin/partner-revisions/{id}/approve", tag = "admin", params(("id" = i64, Path)), request_body = Decision,
    responses((status = 200, body = PartnerProfileDto), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, description = "Stale version, or no change waiting (decided meanwhile)", body = ErrorBody)))]
pub async fn approve(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
    JsonBody(decision): JsonBody<Decision>,
) -> Result<Json<PartnerProfileDto>, ApiError> {
    decide(state, actor, id, true, decision).await
}

/// Rejects partner `id`'s pending profile change with a reason the
/// merchant sees; the live profile stays.
#[utoipa::path(post, path = "/api/v1/admin/partner-revisions/{id}/reject", tag = "admin", params(("id" = i64, Path)), request_body = Decision,
    responses((status = 200, body = PartnerProfileDto), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, description = "Stale version, or no change waiting", body = ErrorBody),
        (status = 422, description = "Reason missing", body = ErrorBody)))]
pub async fn reject(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
    JsonBody(decision): JsonBody<Decision>,
) -> Result<Json<PartnerProfileDto>, ApiError> {
    decide(state, actor, id, false, decision).await
}

async fn decide(
    state: AppState,
    actor: Actor,
    id: i64,
    approve: bool,
    decision: Decision,
) -> Result<Json<PartnerProfileDto>, ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(partner_revision::decide(&state.db, &reference, &actor, id, approve, &decision).await?))
}
