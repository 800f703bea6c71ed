//! `/api/v1/cardholder/events*`: a signed-in cardholder registers for an
//! event (a seat or a waitlist place), cancels, and lists their
//! registrations over all their cards.

use axum::{
    Json, Router,
    extract::State,
    http::StatusCode,
    routing::{get, post},
};
use linan_shared::{ErrorBody, RegistrationDto, RegistrationList};

use crate::{
    counter::card_auth::CardActor,
    error::ApiError,
    events::{holder, register},
    http::{lang::AskedLang, path::PathId},
    state::AppState,
};

/// The cardholder's event routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/cardholder/events", get(mine))
        .route("/api/v1/cardholder/events/{id}/registration", post(register).delete(cancel))
}

/// Registers the card's holder: a seat, or a waitlist place when full.
#[utoipa::path(post, path = "/api/v1/cardholder/events/{id}/registration", tag = "cardholder",
    params(("id" = i64, Path, description = "Event id."),
        ("lang" = Option<linan_shared::Lang>, Query, description = "Language of the event title.")),
    responses(
        (status = 201, description = "`registered`, or `waitlisted` with its `position`", body = RegistrationDto),
        (status = 401, body = ErrorBody),
        (status = 404, description = "No such public event", body = ErrorBody),
        (status = 409, description = "Refused, with the reason as `code`: `event_full` (no waitlist), `registration_closed`, `already_registered` (with any of the holder's cards), `event_limit_reached`, or the card's (`tier_too_low`, `card_suspended`, `card_expired`, `person_suspended`)", body = ErrorBody),
    ))]
pub async fn register(
    State(state): State<AppState>,
    actor: CardActor,
    PathId(id): PathId,
    AskedLang(lang): AskedLang,
) -> Result<(StatusCode, Json<RegistrationDto>), ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    let now = state.clock.now();
    let done = register::register(&state.db, &reference, &actor.card, id, now, lang).await?;
    Ok((StatusCode::CREATED, Json(done)))
}

/// Cancels the holder's registration; a freed seat goes to the first in line.
#[utoipa::path(delete, path = "/api/v1/cardholder/events/{id}/registration", tag = "cardholder",
    params(("id" = i64, Path, description = "Event id."),
        ("lang" = Option<linan_shared::Lang>, Query, description = "Language of the event title.")),
    responses(
        (status = 200, description = "Cancelled", body = RegistrationDto),
        (status = 401, body = ErrorBody),
        (status = 404, description = "No such event, or no place of this holder at it", body = ErrorBody),
    ))]
pub async fn cancel(
    State(state): State<AppState>,
    actor: CardActor,
    PathId(id): PathId,
    AskedLang(lang): AskedLang,
) -> Result<Json<RegistrationDto>, ApiError> {
    Ok(Json(register::cancel(&state.db, &actor.card, id, state.clock.now(), lang).await?))
}

/// The holder's registrations over all their cards, soonest event first.
#[utoipa::path(get, path = "/api/v1/cardholder/events", tag = "cardholder",
    params(("lang" = Option<linan_shared::Lang>, Query, description = "Language of the event titles.")),
    responses((status = 200, body = RegistrationList), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
pub async fn mine(
    State(state): State<AppState>,
    actor: CardActor,
    AskedLang(lang): AskedLang,
) -> Result<Json<RegistrationList>, ApiError> {
    Ok(Json(holder::list(&state.db, actor.card.person_id, lang).await?))
}
