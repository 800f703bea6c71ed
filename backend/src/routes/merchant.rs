//! `/api/v1/merchant/*`: a merchant's own partner profile, staff and offers.
//! Every handler takes an [`Actor`]; the services apply the policy (merchants
//! only, own partner only).

use axum::{
    Json, Router,
    extract::State,
    http::StatusCode,
    routing::{delete, get, post},
};
use linan_shared::{
    AccountList, BenefitInput, ErrorBody, InviteDto, InviteList, InviteRequest, OfferDto, OfferList, OfferWrite,
    PartnerProfileDto, PartnerWrite, VersionRef,
};

use crate::{
    accounts,
    auth::{Actor, INVITES_PER_OWNER, ThrottleKey, policy},
    error::ApiError,
    http::{body::JsonBody, path::PathId},
    review::{
        offer::{self, OfferAction},
        partner,
    },
    state::AppState,
};

/// The merchant routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/merchant/partner", get(own_partner).put(edit_partner))
        .route("/api/v1/merchant/staff", get(staff))
        .route("/api/v1/merchant/staff/{id}", delete(remove_staff))
        .route("/api/v1/merchant/staff/invites", get(invites).post(invite))
        .route("/api/v1/merchant/staff/invites/{id}", delete(revoke_invite))
        .route("/api/v1/merchant/offers", get(offers).post(create_offer))
        .route("/api/v1/merchant/offers/{id}", get(offer_detail).put(edit_offer))
        .route("/api/v1/merchant/offers/{id}/submit", post(submit))
        .route("/api/v1/merchant/offers/{id}/pause", post(pause))
        .route("/api/v1/merchant/offers/{id}/resume", post(resume))
        .route("/api/v1/merchant/offers/{id}/withdraw", post(withdraw))
}

/// The merchant's partner profile.
#[utoipa::path(get, path = "/api/v1/merchant/partner", tag = "merchant",
    responses((status = 200, body = PartnerProfileDto), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn own_partner(State(state): State<AppState>, actor: Actor) -> Result<Json<PartnerProfileDto>, ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(partner::own(&state.db, &reference, &actor).await?))
}

/// Edits the partner profile (a rejected partner goes back to review).
#[utoipa::path(put, path = "/api/v1/merchant/partner", tag = "merchant", request_body = PartnerWrite,
    responses((status = 200, body = PartnerProfileDto), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, description = "Stale version", body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn edit_partner(
    State(state): State<AppState>,
    actor: Actor,
    JsonBody(write): JsonBody<PartnerWrite>,
) -> Result<Json<PartnerProfileDto>, ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(partner::edit_own(&state.db, &reference, &actor, &write).await?))
}

/// The partner's staff accounts.
#[utoipa::path(get, path = "/api/v1/merchant/staff", tag = "merchant",
    responses((status = 200, body = AccountList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn staff(State(state): State<AppState>, actor: Actor) -> Result<Json<AccountList>, ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(accounts::staff(&state.db, &reference, &actor).await?))
}

/// The owner removes a staff account: its sessions end at once and it can
/// no longer sign in; its audit trail stays. Not one's own account (so a
/// partner always keeps an owner).
#[utoipa::path(delete, path = "/api/v1/merchant/staff/{id}", tag = "merchant", params(("id" = i64, Path)),
    responses((status = 204, description = "Removed"), (status = 401, body = ErrorBody),
        (status = 403, description = "Not the owner", body = ErrorBody),
        (status = 404, description = "No such account of this partner", body = ErrorBody),
        (status = 409, description = "One's own account", body = ErrorBody)))]
pub async fn remove_staff(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
) -> Result<StatusCode, ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    crate::staff::remove(&state.db, &reference, &actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The owner's pending invitations (not used, revoked or expired), oldest first.
#[utoipa::path(get, path = "/api/v1/merchant/staff/invites", tag = "merchant",
    responses((status = 200, body = InviteList), (status = 401, body = ErrorBody),
        (status = 403, description = "Not the owner", body = ErrorBody)))]
pub async fn invites(State(state): State<AppState>, actor: Actor) -> Result<Json<InviteList>, ApiError> {
    Ok(Json(crate::staff::invites(&state.db, &actor).await?))
}

/// The owner invites a colleague (the code is shown once); throttled per owner.
#[utoipa::path(post, path = "/api/v1/merchant/staff/invites", tag = "merchant", request_body = InviteRequest,
    responses((status = 201, body = InviteDto), (status = 401, body = ErrorBody),
        (status = 403, description = "Not the owner", body = ErrorBody), (status = 409, description = "Email taken", body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 429, description = "Too many invitations by this owner", body = ErrorBody)))]
pub async fn invite(
    State(state): State<AppState>,
    actor: Actor,
    JsonBody(request): JsonBody<InviteRequest>,
) -> Result<(StatusCode, Json<InviteDto>), ApiError> {
    policy::merchant_owner(&actor)?;
    let key = ThrottleKey::new("invite:owner", &actor.account.id.to_string());
    state.throttle.check(&state.db, &key, INVITES_PER_OWNER).await?;
    Ok((StatusCode::CREATED, Json(accounts::invite(&state.db, &actor, &request).await?)))
}

/// The owner takes back an invitation before it is used.
#[utoipa::path(delete, path = "/api/v1/merchant/staff/invites/{id}", tag = "merchant", params(("id" = i64, Path)),
    responses((status = 204, description = "Revoked"), (status = 401, body = ErrorBody),
        (status = 403, description = "Not the owner", body = ErrorBody),
        (status = 404, description = "No such invitation of this partner", body = ErrorBody),
        (status = 409, description = "Used or revoked already", body = ErrorBody)))]
pub async fn revoke_invite(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
) -> Result<StatusCode, ApiError> {
    crate::staff::revoke(&state.db, &actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The partner's offers, newest change first.
#[utoipa::path(get, path = "/api/v1/merchant/offers", tag = "merchant",
    responses((status = 200, body = OfferList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn offers(State(state): State<AppState>, actor: Actor) -> Result<Json<OfferList>, ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(offer::own_list(&state.db, &reference, &actor).await?))
}

/// Creates a draft offer.
#[utoipa::path(post, path = "/api/v1/merchant/offers", tag = "merchant", request_body = BenefitInput,
    responses((status = 201, body = OfferDto), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, description = "Partner suspended", body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_offer(
    State(state): State<AppState>,
    actor: Actor,
    JsonBody(input): JsonBody<BenefitInput>,
) -> Result<(StatusCode, Json<OfferDto>), ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    Ok((StatusCode::CREATED, Json(offer::create(&state.db, &reference, &actor, &input).await?)))
}

/// One of the partner's offers.
#[utoipa::path(get, path = "/api/v1/merchant/offers/{id}", tag = "merchant", params(("id" = i64, Path)),
    responses((status = 200, body = OfferDto), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, description = "No such offer of this partner", body = ErrorBody)))]
pub async fn offer_detail(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
) -> Result<Json<OfferDto>, ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(offer::own_one(&state.db, &reference, &actor, id).await?))
}

/// Edits an offer: a draft in place, a live one as a revision for review.
#[utoipa::path(put, path = "/api/v1/merchant/offers/{id}", tag = "merchant", params(("id" = i64, Path)), request_body = OfferWrite,
    responses((status = 200, body = OfferDto), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, description = "Stale version or wrong state", body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn edit_offer(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
    JsonBody(write): JsonBody<OfferWrite>,
) -> Result<Json<OfferDto>, ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(offer::edit(&state.db, &reference, &actor, id, &write).await?))
}

async fn act(
    state: AppState,
    actor: Actor,
    id: i64,
    action: OfferAction,
    v: VersionRef,
) -> Result<Json<OfferDto>, ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(offer::act(&state.db, &reference, &actor, id, action, v.version).await?))
}

/// Submits a draft for review.
#[utoipa::path(post, path = "/api/v1/merchant/offers/{id}/submit", tag = "merchant", params(("id" = i64, Path)), request_body = VersionRef,
    responses((status = 200, body = OfferDto), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn submit(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
    JsonBody(v): JsonBody<VersionRef>,
) -> Result<Json<OfferDto>, ApiError> {
    act(state, actor, id, OfferAction::Submit, v).await
}

/// Pauses a published offer.
#[utoipa::path(post, path = "/api/v1/merchant/offers/{id}/pause", tag = "merchant", params(("id" = i64, Path)), request_body = VersionRef,
    responses((status = 200, body = OfferDto), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn pause(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
    JsonBody(v): JsonBody<VersionRef>,
) -> Result<Json<OfferDto>, ApiError> {
    act(state, actor, id, OfferAction::Pause, v).await
}

/// Resumes a paused offer.
#[utoipa::path(post, path = "/api/v1/merchant/offers/{id}/resume", tag = "merchant", params(("id" = i64, Path)), request_body = VersionRef,
    responses((status = 200, body = OfferDto), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn resume(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
    JsonBody(v): JsonBody<VersionRef>,
) -> Result<Json<OfferDto>, ApiError> {
    act(state, actor, id, OfferAction::Resume, v).await
}

/// Withdraws an offer for good.
#[utoipa::path(post, path = "/api/v1/merchant/offers/{id}/withdraw", tag = "merchant", params(("id" = i64, Path)), request_body = VersionRef,
    responses((status = 200, body = OfferDto), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn withdraw(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
    JsonBody(v): JsonBody<VersionRef>,
) -> Result<Json<OfferDto>, ApiError> {
    act(state, actor, id, OfferAction::Withdraw, v).await
}
