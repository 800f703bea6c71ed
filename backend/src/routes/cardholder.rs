//! `/api/v1/cardholder/*`: a cardholder signs in with their card and sees
//! what it reaches (and why), gets a counter code, and reads their history.

use axum::{
    Json, Router,
    extract::State,
    http::StatusCode,
    routing::{get, post},
};
use linan_shared::{CardBenefits, CardLogin, CardSessionDto, CounterCodeDto, ErrorBody, RedemptionList};

use crate::{
    auth::{CARD_SIGN_IN_PER_ADDRESS, CODE_ISSUE_PER_SESSION, ThrottleKey},
    cards::IdKey,
    counter::{self, card_auth::CardActor, code, guard::Budgets, listing, preview},
    error::ApiError,
    http::{body::JsonBody, client::ClientAddr, lang::AskedLang},
    state::AppState,
};

/// The cardholder routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/cardholder/session", post(sign_in).delete(sign_out))
        .route("/api/v1/cardholder/benefits", get(benefits))
        .route("/api/v1/cardholder/code", get(counter_code))
        .route("/api/v1/cardholder/redemptions", get(history))
}

pub(crate) fn id_key(state: &AppState) -> Result<IdKey, ApiError> {
    IdKey::from_config(&state.config).map_err(|e| ApiError::Internal(e.to_string()))
}

/// Signs a cardholder in with the card number and the second factor: the
/// last 4 characters of the holder's ID number and their birth date.
#[utoipa::path(post, path = "/api/v1/cardholder/session", tag = "cardholder", request_body = CardLogin,
    responses(
        (status = 200, description = "Signed in; send `token` as `Authorization: Bearer`", body = CardSessionDto),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "Unknown card or wrong second factor (the same answer)", body = ErrorBody),
        (status = 422, description = "A field is missing or malformed (`param` names it: `card_number`, `id_last4`, `birth_date`)", body = ErrorBody),
        (status = 429, description = "Too many wrong factors for this card (at sign-in and the counter together), or attempts from this address (IPv6: its /64); `Retry-After` says when to try again", body = ErrorBody),
    ))]
pub async fn sign_in(
    State(state): State<AppState>,
    client: ClientAddr,
    JsonBody(request): JsonBody<CardLogin>,
) -> Result<Json<CardSessionDto>, ApiError> {
    // Refused before any budget: a malformed request cannot become a key.
    let (number, factor) = request.parse()?;
    state.throttle.check(&state.db, &client.key("card"), CARD_SIGN_IN_PER_ADDRESS).await?;
    let budgets = Budgets::sign_in(&number);
    budgets.peek(&state).await?;
    let reference = state.catalogue.reference(&state.db).await?;
    let key = id_key(&state)?;
    let outcome = counter::card_auth::login(&state.db, &reference, &key, state.clock.now(), &number, &factor).await;
    Ok(Json(budgets.settle(&state, outcome).await?))
}

/// Ends the cardholder session.
#[utoipa::path(delete, path = "/api/v1/cardholder/session", tag = "cardholder",
    responses((status = 204, description = "Signed out"), (status = 401, body = ErrorBody)))]
pub async fn sign_out(State(state): State<AppState>, actor: CardActor) -> Result<StatusCode, ApiError> {
    counter::card_auth::logout(&state.db, &actor.session_hash).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Every benefit the card reaches today, with how, and what is left.
#[utoipa::path(get, path = "/api/v1/cardholder/benefits", tag = "cardholder",
    params(("lang" = Option<linan_shared::Lang>, Query, description = "Text language; otherwise `Accept-Language`, then zh-CN.")),
    responses((status = 200, body = CardBenefits), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
pub async fn benefits(
    State(state): State<AppState>,
    actor: CardActor,
    AskedLang(lang): AskedLang,
) -> Result<Json<CardBenefits>, ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(preview::card_benefits(&state.db, &reference, &actor.card, state.clock.today(), None, lang).await?))
}

/// A fresh counter code (8 digits and a QR payload, two minutes, single
/// use); it replaces the card's unused codes.
#[utoipa::path(get, path = "/api/v1/cardholder/code", tag = "cardholder",
    responses((status = 200, body = CounterCodeDto), (status = 401, body = ErrorBody),
        (status = 409, description = "The card or its holder is suspended, or the card expired", body = ErrorBody),
        (status = 429, description = "Too many codes for this session; `Retry-After` says when", body = ErrorBody)))]
pub async fn counter_code(State(state): State<AppState>, actor: CardActor) -> Result<Json<CounterCodeDto>, ApiError> {
    let session = ThrottleKey::new("code:session", &actor.session_hash);
    state.throttle.check(&state.db, &session, CODE_ISSUE_PER_SESSION).await?;
    // A suspended or expired card gets no code: the counter would refuse it anyway.
    let reference = state.catalogue.reference(&state.db).await?;
    let facts = counter::facts::card_facts_now(&state.db, &reference, &actor.card).await?;
    let refusal = crate::eligibility::card_refusal(&facts, state.clock.today());
    if let Some(refusal) = refusal {
        return Err(refusal.into());
    }
    Ok(Json(code::issue(&state.db, &id_key(&state)?, &actor.card, state.clock.now()).await?))
}

/// The holder's redemptions over all their cards, newest first.
#[utoipa::path(get, path = "/api/v1/cardholder/redemptions", tag = "cardholder",
    params(("lang" = Option<linan_shared::Lang>, Query, description = "Language of the offer title and partner name; otherwise `Accept-Language`, then zh-CN.")),
    responses((status = 200, body = RedemptionList), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
pub async fn history(
    State(state): State<AppState>,
    actor: CardActor,
    AskedLang(lang): AskedLang,
) -> Result<Json<RedemptionList>, ApiError> {
    Ok(Json(listing::of_person(&state.db, actor.card.person_id, lang).await?))
}
