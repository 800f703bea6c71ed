//! Organisers' event routes: an approved partner's staff under
//! `/api/v1/merchant/events` (draft, submit, cancel), district and alliance
//! admins under `/api/v1/admin/events` (their district's own events, and
//! the review of partners' submissions). The services apply the policy
//! ([`crate::events::organiser::Organiser`]); each route first checks the role
//! its prefix is for.

use axum::{
    Json, Router,
    extract::State,
    http::StatusCode,
    routing::{get, post},
};
use linan_shared::{Decision, ErrorBody, EventDto, EventInput, EventList};

use crate::{
    auth::{Actor, policy},
    error::ApiError,
    events::organise::{self, Step},
    http::{body::JsonBody, path::PathId},
    state::AppState,
};

/// The organisers' routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/merchant/events", get(partner_list).post(partner_create))
        .route("/api/v1/merchant/events/{id}/submit", post(submit))
        .route("/api/v1/merchant/events/{id}/cancel", post(partner_cancel))
        .route("/api/v1/admin/events", get(admin_list).post(admin_create))
        .route("/api/v1/admin/events/{id}/publish", post(publish))
        .route("/api/v1/admin/events/{id}/reject", post(reject))
        .route("/api/v1/admin/events/{id}/cancel", post(admin_cancel))
}

async fn list(state: AppState, actor: Actor) -> Result<Json<EventList>, ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    // Events that ended more than 30 days ago are history.
    let since = actor.now - chrono::Duration::days(30);
    Ok(Json(organise::list(&state.db, &reference, &actor, since).await?))
}

async fn create(state: AppState, actor: Actor, input: EventInput) -> Result<(StatusCode, Json<EventDto>), ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    Ok((StatusCode::CREATED, Json(organise::create(&state.db, &reference, &actor, &input).await?)))
}

async fn act(state: AppState, actor: Actor, id: i64, step: Step, d: Decision) -> Result<Json<EventDto>, ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(organise::act(&state.db, &reference, &actor, id, step, &d).await?))
}

/// The partner's events (ended within 30 days, upcoming, drafts), soonest first.
#[utoipa::path(get, path = "/api/v1/merchant/events", tag = "events",
    responses((status = 200, body = EventList), (status = 401, body = ErrorBody),
        (status = 403, description = "Not staff of an approved partner", body = ErrorBody)))]
pub async fn partner_list(State(state): State<AppState>, actor: Actor) -> Result<Json<EventList>, ApiError> {
    policy::merchant_partner(&actor)?;
    list(state, actor).await
}

/// Creates a draft event of the partner (in its district).
#[utoipa::path(post, path = "/api/v1/merchant/events", tag = "events", request_body = EventInput,
    responses((status = 201, body = EventDto), (status = 401, body = ErrorBody),
        (status = 403, description = "Not staff of an approved partner", body = ErrorBody),
        (status = 422, description = "A field is invalid (`param` names it)", body = ErrorBody)))]
pub async fn partner_create(
    State(state): State<AppState>,
    actor: Actor,
    JsonBody(input): JsonBody<EventInput>,
) -> Result<(StatusCode, Json<EventDto>), ApiError> {
    policy::merchant_partner(&actor)?;
    create(state, actor, input).await
}

/// Submits the partner's draft for review.
#[utoipa::path(post, path = "/api/v1/merchant/events/{id}/submit", tag = "events", params(("id" = i64, Path)),
    request_body = Decision,
    responses((status = 200, body = EventDto), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, description = "No such event of this partner", body = ErrorBody),
        (status = 409, description = "Stale version, or not a draft", body = ErrorBody)))]
pub async fn submit(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
    JsonBody(d): JsonBody<Decision>,
) -> Result<Json<EventDto>, ApiError> {
    policy::merchant_partner(&actor)?;
    act(state, actor, id, Step::Submit, d).await
}

/// Cancels one of the partner's events, with a reason every registrant sees.
#[utoipa::path(post, path = "/api/v1/merchant/events/{id}/cancel", tag = "events", params(("id" = i64, Path)),
    request_body = Decision,
    responses((status = 200, body = EventDto), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, description = "No such event of this partner", body = ErrorBody),
        (status = 409, description = "Stale version, or cancelled already", body = ErrorBody),
        (status = 422, description = "Reason missing", body = ErrorBody)))]
pub async fn partner_cancel(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
    JsonBody(d): JsonBody<Decision>,
) -> Result<Json<EventDto>, ApiError> {
    policy::merchant_partner(&actor)?;
    act(state, actor, id, Step::Cancel, d).await
}

/// The district's events (partners' included, the review queue among them;
/// every district's for an alliance admin), soonest first.
#[utoipa::path(get, path = "/api/v1/admin/events", tag = "events",
    responses((status = 200, body = EventList), (status = 401, body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody)))]
pub async fn admin_list(State(state): State<AppState>, actor: Actor) -> Result<Json<EventList>, ApiError> {
    policy::admin_scope(&actor)?;
    list(state, actor).await
}

/// Creates a draft of the admin's district (any district for an alliance admin).
#[utoipa::path(post, path = "/api/v1/admin/events", tag = "events", request_body = EventInput,
    responses((status = 201, body = EventDto), (status = 401, body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 422, description = "A field is invalid, or another district (`param` names it)", body = ErrorBody)))]
pub async fn admin_create(
    State(state): State<AppState>,
    actor: Actor,
    JsonBody(input): JsonBody<EventInput>,
) -> Result<(StatusCode, Json<EventDto>), ApiError> {
    policy::admin_scope(&actor)?;
    create(state, actor, input).await
}

/// Publishes the district's own draft, or approves a partner's submission.
#[utoipa::path(post, path = "/api/v1/admin/events/{id}/publish", tag = "events", params(("id" = i64, Path)),
    request_body = Decision,
    responses((status = 200, body = EventDto), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, description = "No such event in the admin's district", body = ErrorBody),
        (status = 409, description = "Stale version, or not publishable from its state", body = ErrorBody)))]
pub async fn publish(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
    JsonBody(d): JsonBody<Decision>,
) -> Result<Json<EventDto>, ApiError> {
    policy::admin_scope(&actor)?;
    act(state, actor, id, Step::Publish, d).await
}

/// Sends a partner's submission back to draft, with a reason.
#[utoipa::path(post, path = "/api/v1/admin/events/{id}/reject", tag = "events", params(("id" = i64, Path)),
    request_body = Decision,
    responses((status = 200, body = EventDto), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, description = "No such event in the admin's district", body = ErrorBody),
        (status = 409, description = "Stale version, or not submitted", body = ErrorBody),
        (status = 422, description = "Reason missing", body = ErrorBody)))]
pub async fn reject(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
    JsonBody(d): JsonBody<Decision>,
) -> Result<Json<EventDto>, ApiError> {
    policy::admin_scope(&actor)?;
    act(state, actor, id, Step::Reject, d).await
}

/// Cancels an event of the admin's district, with a reason every registrant sees.
#[utoipa::path(post, path = "/api/v1/admin/events/{id}/cancel", tag = "events", params(("id" = i64, Path)),
    request_body = Decision,
    responses((status = 200, body = EventDto), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, description = "No such event in the admin's district", body = ErrorBody),
        (status = 409, description = "Stale version, or cancelled already", body = ErrorBody),
        (status = 422, description = "Reason missing", body = ErrorBody)))]
pub async fn admin_cancel(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
    JsonBody(d): JsonBody<Decision>,
) -> Result<Json<EventDto>, ApiError> {
    policy::admin_scope(&actor)?;
    act(state, actor, id, Step::Cancel, d).await
}
