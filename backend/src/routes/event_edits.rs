//! Reading and editing one event as its organiser:
//! `GET`/`PUT /api/v1/merchant/events/{id}` for an approved partner's staff,
//! `GET`/`PUT /api/v1/admin/events/{id}` for district and alliance admins.
//! The policy (draft in place, a partner's published event as a pending
//! revision) is [`crate::events::revise`]'s.

use axum::{Json, Router, extract::State, routing::get};
use linan_shared::{ErrorBody, EventDto, EventWrite};

use crate::{
    auth::{Actor, policy},
    error::ApiError,
    events::{organise, revise},
    http::{body::JsonBody, path::PathId},
    state::AppState,
};

/// The routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/merchant/events/{id}", get(partner_one).put(partner_edit))
        .route("/api/v1/admin/events/{id}", get(admin_one).put(admin_edit))
}

async fn one(state: AppState, actor: Actor, id: i64) -> Result<Json<EventDto>, ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(organise::one(&state.db, &reference, &actor, id).await?))
}

async fn edit(state: AppState, actor: Actor, id: i64, write: EventWrite) -> Result<Json<EventDto>, ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(revise::edit(&state.db, &reference, &actor, id, &write).await?))
}

/// One of the partner's events, with its pending or refused edit.
#[utoipa::path(get, path = "/api/v1/merchant/events/{id}", tag = "events", params(("id" = i64, Path)),
    responses((status = 200, body = EventDto), (status = 401, body = ErrorBody),
        (status = 403, description = "Not staff of an approved partner", body = ErrorBody),
        (status = 404, description = "No such event of this partner", body = ErrorBody)))]
pub async fn partner_one(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
) -> Result<Json<EventDto>, ApiError> {
    policy::merchant_partner(&actor)?;
    one(state, actor, id).await
}

/// Edits one of the partner's events: a draft in place, a published one as
/// a revision for the district admin's review (the live event stays public).
#[utoipa::path(put, path = "/api/v1/merchant/events/{id}", tag = "events", params(("id" = i64, Path)),
    request_body = EventWrite,
    responses((status = 200, body = EventDto), (status = 401, body = ErrorBody),
        (status = 403, description = "Not staff of an approved partner", body = ErrorBody),
        (status = 404, description = "No such event of this partner", body = ErrorBody),
        (status = 409, description = "Stale version; under review, cancelled or over", body = ErrorBody),
        (status = 422, description = "A field is invalid, e.g. a capacity below the seats taken (`param` names it)",
            body = ErrorBody)))]
pub async fn partner_edit(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
    JsonBody(write): JsonBody<EventWrite>,
) -> Result<Json<EventDto>, ApiError> {
    policy::merchant_partner(&actor)?;
    edit(state, actor, id, write).await
}

/// One event of the admin's district (a partner's included, with its pending edit).
#[utoipa::path(get, path = "/api/v1/admin/events/{id}", tag = "events", params(("id" = i64, Path)),
    responses((status = 200, body = EventDto), (status = 401, body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 404, description = "No such event in the admin's district", body = ErrorBody)))]
pub async fn admin_one(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
) -> Result<Json<EventDto>, ApiError> {
    policy::admin_scope(&actor)?;
    one(state, actor, id).await
}

/// Edits one of the district's own events in place, published or not (a
/// grown capacity seats the waitlist in line). A partner's event is its
/// partner's to edit (403).
#[utoipa::path(put, path = "/api/v1/admin/events/{id}", tag = "events", params(("id" = i64, Path)),
    request_body = EventWrite,
    responses((status = 200, body = EventDto), (status = 401, body = ErrorBody),
        (status = 403, description = "Not an admin, or a partner's event", body = ErrorBody),
        (status = 404, description = "No such event in the admin's district", body = ErrorBody),
        (status = 409, description = "Stale version; cancelled or over", body = ErrorBody),
        (status = 422, description = "A field is invalid, e.g. a capacity below the seats taken (`param` names it)",
            body = ErrorBody)))]
pub async fn admin_edit(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
    JsonBody(write): JsonBody<EventWrite>,
) -> Result<Json<EventDto>, ApiError> {
    policy::admin_scope(&actor)?;
    edit(state, actor, id, write).await
}
