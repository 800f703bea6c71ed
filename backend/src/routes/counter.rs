//! The counter: a merchant checks what a card can get at their partner,
//! records a redemption (idempotent by `Idempotency-Key`), voids one within
//! 30 minutes, and reads their redemptions and figures. Admins keep the
//! integrity list of cards and holders.

use axum::{
    Json, Router,
    extract::{Path, State},
    http::{HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use linan_shared::{
    CardBenefits, CardProof, ErrorBody, Figures, HoldList, ReasonRequest, RedemptionDto, RedemptionList,
    RedemptionRequest, VoidRequest,
};

use super::cardholder::id_key;
use crate::{
    auth::{Actor, policy},
    counter::{
        self, code, figures, guard,
        integrity::{self, Target},
        listing, preview, redeem, void,
    },
    error::ApiError,
    http::{body::JsonBody, idempotency::IdempotencyKey, lang::AskedLang, path::PathId, query::QueryPairs},
    state::AppState,
};

/// The counter and integrity-list routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/merchant/counter/verify", post(verify))
        .route("/api/v1/redemptions", post(create))
        .route("/api/v1/redemptions/{id}/void", post(void))
        .route("/api/v1/merchant/redemptions", get(list))
        .route("/api/v1/merchant/figures", get(figures))
        .route("/api/v1/admin/holds", get(holds))
        .route("/api/v1/admin/cards/{number}/suspend", post(suspend_card))
        .route("/api/v1/admin/cards/{number}/reinstate", post(reinstate_card))
        .route("/api/v1/admin/cards/{number}/suspend-holder", post(suspend_holder))
        .route("/api/v1/admin/cards/{number}/reinstate-holder", post(reinstate_holder))
}

/// What the card shown can get at this merchant's partner today (the code is not spent).
#[utoipa::path(post, path = "/api/v1/merchant/counter/verify", tag = "counter", request_body = CardProof,
    params(("lang" = Option<linan_shared::Lang>, Query, description = "Text language.")),
    responses((status = 200, body = CardBenefits),
        (status = 401, description = "No session, or a card number with a wrong second factor", body = ErrorBody),
        (status = 403, description = "Not staff of an approved partner (pending review, rejected or suspended)", body = ErrorBody),
        (status = 409, description = "Unknown, expired or used code", body = ErrorBody),
        (status = 422, description = "No code, or a card number without a well-formed factor (`param` names the field)", body = ErrorBody),
        (status = 429, description = "Too many wrong codes or factors for this account, partner or card; `Retry-After` says when", body = ErrorBody)))]
pub async fn verify(
    State(state): State<AppState>,
    actor: Actor,
    AskedLang(lang): AskedLang,
    JsonBody(proof): JsonBody<CardProof>,
) -> Result<Json<CardBenefits>, ApiError> {
    let partner_id = policy::counter_partner(&state.db, &actor).await?;
    let shown = proof.parse()?;
    let reference = state.catalogue.reference(&state.db).await?;
    let key = id_key(&state)?;
    let check = async {
        let (card, _) = code::resolve(&state.db, &key, &proof, state.clock.now()).await?;
        preview::card_benefits(&state.db, &reference, &card, state.clock.today(), Some(partner_id), lang).await
    };
    Ok(Json(guard::at_counter(&state, &actor, partner_id, &shown, check).await?))
}

/// Records a redemption of one of the merchant's offers for the card shown.
#[utoipa::path(post, path = "/api/v1/redemptions", tag = "counter", request_body = RedemptionRequest,
    params(("Idempotency-Key" = String, Header, min_length = 1, max_length = 100, pattern = "^[!-~]([ -~]*[!-~])?$", description = "Unique per attempt; a retry with the same key returns the first answer."),
        ("lang" = Option<linan_shared::Lang>, Query, description = "Language of the offer title and partner name; otherwise `Accept-Language`, then zh-CN.")),
    responses(
        (status = 201, description = "Redeemed (or replayed: header `idempotent-replayed: true`)", body = RedemptionDto),
        (status = 400, description = "Missing Idempotency-Key", body = ErrorBody),
        (status = 401, description = "No session, or a card number with a wrong second factor", body = ErrorBody),
        (status = 403, description = "Not staff of an approved partner (pending review, rejected or suspended)", body = ErrorBody),
        (status = 404, description = "Not an offer of this partner", body = ErrorBody),
        (status = 409, description = "Refused, with the reason as `code` (quota_used, stock_gone, tier_too_low, card_suspended, code_invalid, …)", body = ErrorBody),
        (status = 422, description = "No code, or a card number without a well-formed factor", body = ErrorBody),
        (status = 429, description = "Too many wrong codes or factors for this account, partner or card; `Retry-After` says when", body = ErrorBody),
    ))]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    idempotency_key: IdempotencyKey,
    AskedLang(lang): AskedLang,
    JsonBody(request): JsonBody<RedemptionRequest>,
) -> Result<Response, ApiError> {
    let partner_id = policy::counter_partner(&state.db, &actor).await?;
    let shown = request.proof.parse()?;
    let reference = state.catalogue.reference(&state.db).await?;
    let id_key = id_key(&state)?;
    let check = redeem::redeem(&state.db, &reference, &id_key, &actor, &idempotency_key, &request, lang);
    let done = guard::at_counter(&state, &actor, partner_id, &shown, check).await?;
    let mut response = (StatusCode::CREATED, Json(done.redemption)).into_response();
    if done.replayed {
        response.headers_mut().insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    Ok(response)
}

/// Voids a redemption within 30 minutes; the use goes back to the quota and stock.
#[utoipa::path(post, path = "/api/v1/redemptions/{id}/void", tag = "counter", request_body = VoidRequest,
    params(("id" = i64, Path), ("lang" = Option<linan_shared::Lang>, Query, description = "Language of the offer title and partner name; otherwise `Accept-Language`, then zh-CN.")),
    responses((status = 200, body = RedemptionDto), (status = 401, body = ErrorBody),
        (status = 403, description = "Not staff of an approved partner (pending review, rejected or suspended)", body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, description = "Voided already or too late", body = ErrorBody),
        (status = 422, description = "Reason missing", body = ErrorBody)))]
pub async fn void(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
    AskedLang(lang): AskedLang,
    JsonBody(request): JsonBody<VoidRequest>,
) -> Result<Json<RedemptionDto>, ApiError> {
    Ok(Json(void::void(&state.db, &actor, id, &request, lang).await?))
}

/// The partner's latest redemptions.
#[utoipa::path(get, path = "/api/v1/merchant/redemptions", tag = "counter", params(("lang" = Option<linan_shared::Lang>, Query, description = "Language of the offer title and partner name; otherwise `Accept-Language`, then zh-CN.")),
    responses((status = 200, body = RedemptionList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
    AskedLang(lang): AskedLang,
) -> Result<Json<RedemptionList>, ApiError> {
    Ok(Json(listing::of_partner(&state.db, &actor, lang).await?))
}

/// Redemptions per offer per day (last `days`, default 30) and stock left today.
#[utoipa::path(get, path = "/api/v1/merchant/figures", tag = "counter",
    params(("days" = Option<u32>, Query, minimum = 1, maximum = 366, description = "How many days back, 1–366 (default 30).")),
    responses((status = 200, body = Figures), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn figures(
    State(state): State<AppState>,
    actor: Actor,
    pairs: QueryPairs,
) -> Result<Json<Figures>, ApiError> {
    let days = pairs.days()?;
    Ok(Json(figures::figures(&state.db, &actor, days).await?))
}

/// The live holds of the integrity list concerning the admin's district
/// (decided by it, on its cards, or on a holder with one of its cards; every
/// one for an alliance admin), newest first, with whether this admin may lift each.
#[utoipa::path(get, path = "/api/v1/admin/holds", tag = "admin",
    responses((status = 200, body = HoldList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn holds(State(state): State<AppState>, actor: Actor) -> Result<Json<HoldList>, ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(counter::holds::list(&state.db, &reference, &actor).await?))
}

async fn integrity(
    state: AppState,
    actor: Actor,
    number: String,
    target: Target,
    suspend: bool,
    request: ReasonRequest,
) -> Result<Json<serde_json::Value>, ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(integrity::set(&state.db, &reference, &actor, &number, target, suspend, &request).await?))
}

macro_rules! integrity_route {
    ($name:ident, $path:literal, $target:expr, $suspend:expr, $doc:literal) => {
        #[doc = $doc]
        #[utoipa::path(post, path = $path, tag = "admin", params(("number" = String, Path, description = "Card number.")), request_body = ReasonRequest,
            responses((status = 200, description = "The new state", body = Object), (status = 401, body = ErrorBody),
                (status = 403, description = "Not an admin; or lifting a hold another district decided (`hold_not_yours`)", body = ErrorBody),
                (status = 404, description = "No such card in the admin's districts", body = ErrorBody),
                (status = 409, description = "Held already, or not held", body = ErrorBody), (status = 422, description = "Reason missing", body = ErrorBody)))]
        pub async fn $name(
            State(state): State<AppState>,
            actor: Actor,
            Path(number): Path<String>,
            JsonBody(request): JsonBody<ReasonRequest>,
        ) -> Result<Json<serde_json::Value>, ApiError> {
            integrity(state, actor, number, $target, $suspend, request).await
        }
    };
}

integrity_route!(
    suspend_card,
    "/api/v1/admin/cards/{number}/suspend",
    Target::Card,
    true,
    "Puts a hold on a card (integrity list), decided by the admin's district (or the alliance)."
);
integrity_route!(
    reinstate_card,
    "/api/v1/admin/cards/{number}/reinstate",
    Target::Card,
    false,
    "Lifts the card's hold (the deciding district's admins or an alliance admin); the registry's own status stays."
);
integrity_route!(
    suspend_holder,
    "/api/v1/admin/cards/{number}/suspend-holder",
    Target::Holder,
    true,
    "Puts a hold on the card's holder: all their cards, in every district, whose audit views all show it."
);
integrity_route!(
    reinstate_holder,
    "/api/v1/admin/cards/{number}/reinstate-holder",
    Target::Holder,
    false,
    "Lifts the holder's hold (the deciding district's admins or an alliance admin)."
);
