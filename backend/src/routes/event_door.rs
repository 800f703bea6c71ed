//! The door of an event, for its organiser (the partner's staff, or the
//! district's admins): the registrants and figures, the check-in with the
//! holder's counter code or QR payload, and the attendee list as CSV.

use axum::{
    Json, Router,
    extract::State,
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use linan_shared::{CardProof, DoorEntry, DoorList, ErrorBody};

use super::cardholder::id_key;
use crate::{
    auth::Actor,
    counter::guard::Budgets,
    error::ApiError,
    events::door,
    http::{body::JsonBody, path::PathId},
    state::AppState,
};

/// The door routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/merchant/events/{id}/registrations", get(registrations))
        .route("/api/v1/merchant/events/{id}/check-in", post(check_in))
        .route("/api/v1/merchant/events/{id}/attendees.csv", get(attendees))
}

async fn door_list(state: &AppState, actor: &Actor, id: i64) -> Result<DoorList, ApiError> {
    let e = door::organised(&state.db, actor, id).await?;
    let reference = state.catalogue.reference(&state.db).await?;
    door::list(&state.db, &reference, &e, actor.now).await
}

/// The registrants (names and card tier, never ID data) and the figures.
#[utoipa::path(get, path = "/api/v1/merchant/events/{id}/registrations", tag = "events", params(("id" = i64, Path)),
    responses((status = 200, body = DoorList), (status = 401, body = ErrorBody),
        (status = 403, description = "Neither staff of an approved partner nor an admin", body = ErrorBody),
        (status = 404, description = "Not an event this account organises", body = ErrorBody)))]
pub async fn registrations(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
) -> Result<Json<DoorList>, ApiError> {
    Ok(Json(door_list(&state, &actor, id).await?))
}

/// Checks a registrant in with their counter code or QR payload (the code is spent).
#[utoipa::path(post, path = "/api/v1/merchant/events/{id}/check-in", tag = "events", params(("id" = i64, Path)),
    request_body = CardProof,
    responses((status = 200, description = "Checked in", body = DoorEntry), (status = 401, body = ErrorBody),
        (status = 403, description = "Neither staff of an approved partner nor an admin", body = ErrorBody),
        (status = 404, description = "Not an event this account organises", body = ErrorBody),
        (status = 409, description = "`already_checked_in`, `not_registered` (no seat), or `code_invalid`", body = ErrorBody),
        (status = 422, description = "No code (the door takes no card number)", body = ErrorBody),
        (status = 429, description = "Too many wrong codes for this account or event; `Retry-After` says when", body = ErrorBody)))]
pub async fn check_in(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
    JsonBody(proof): JsonBody<CardProof>,
) -> Result<Json<DoorEntry>, ApiError> {
    let e = door::organised(&state.db, &actor, id).await?;
    let reference = state.catalogue.reference(&state.db).await?;
    let budgets = Budgets::door(actor.account.id, e.id);
    budgets.peek(&state).await?;
    let outcome = door::check_in(&state.db, &reference, &id_key(&state)?, &actor, &e, &proof).await;
    Ok(Json(budgets.settle(&state, outcome).await?))
}

/// The attendee list as CSV, safe to open in a spreadsheet (cells starting
/// with `=`, `+`, `-` or `@` are neutralised with a leading `'`).
#[utoipa::path(get, path = "/api/v1/merchant/events/{id}/attendees.csv", tag = "events", params(("id" = i64, Path)),
    responses((status = 200, description = "name, scheme, tier, status, position, checked_in_at", content_type = "text/csv"),
        (status = 401, body = ErrorBody),
        (status = 403, description = "Neither staff of an approved partner nor an admin", body = ErrorBody),
        (status = 404, description = "Not an event this account organises", body = ErrorBody)))]
pub async fn attendees(State(state): State<AppState>, actor: Actor, PathId(id): PathId) -> Result<Response, ApiError> {
    let body = door::csv(&door_list(&state, &actor, id).await?)?;
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    headers.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static("attachment; filename=\"attendees.csv\""));
    Ok(response)
}
