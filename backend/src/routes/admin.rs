//! `/api/v1/admin/*`: review queues and decisions for partners and offers,
//! and the audit log. District admins act within their district, alliance
//! admins everywhere; merchants get 403.

use axum::{
    Json, Router,
    extract::State,
    routing::{get, post},
};
use linan_shared::{
    AuditPage, BenefitStatus, Decision, ErrorBody, OfferDto, OfferList, PartnerList, PartnerProfileDto, PartnerStatus,
};

use crate::{
    audit::{self, AuditQuery},
    auth::{Actor, policy},
    error::ApiError,
    http::{body::JsonBody, path::PathId, query::QueryOf},
    review::{
        offer,
        page::PageRequest,
        partner::{self, PartnerAction},
    },
    state::AppState,
};

/// The admin routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/admin/partners", get(partners))
        .route("/api/v1/admin/partners/{id}", get(partner_detail))
        .route("/api/v1/admin/partners/{id}/approve", post(approve_partner))
        .route("/api/v1/admin/partners/{id}/reject", post(reject_partner))
        .route("/api/v1/admin/partners/{id}/suspend", post(suspend_partner))
        .route("/api/v1/admin/partners/{id}/reinstate", post(reinstate_partner))
        .route("/api/v1/admin/offers", get(offers))
        .route("/api/v1/admin/offers/{id}", get(offer_detail))
        .route("/api/v1/admin/offers/{id}/approve", post(approve_offer))
        .route("/api/v1/admin/offers/{id}/reject", post(reject_offer))
        .route("/api/v1/admin/audit", get(audit_log))
}

/// `?status=&limit=&cursor=` of the queues.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QueueQuery {
    /// Which state to list (default: what waits for review).
    pub status: Option<String>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    /// From `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

impl QueueQuery {
    fn page(&self) -> Result<PageRequest, ApiError> {
        PageRequest::parse(self.limit, self.cursor.as_deref())
    }
}

/// A page of the partners in a state (default `pending`) in the admin's
/// districts, oldest change first.
#[utoipa::path(get, path = "/api/v1/admin/partners", tag = "admin", params(QueueQuery),
    responses((status = 200, body = PartnerList), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn partners(
    State(state): State<AppState>,
    actor: Actor,
    QueryOf(q): QueryOf<QueueQuery>,
) -> Result<Json<PartnerList>, ApiError> {
    let status = q
        .status
        .as_deref()
        .map(|s| {
            PartnerStatus::parse(s)
                .ok_or_else(|| ApiError::invalid("status", "pending, rejected, approved or suspended"))
        })
        .transpose()?;
    let page = q.page()?;
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(partner::queue(&state.db, &reference, &actor, status, &page).await?))
}

/// One partner of the admin's districts.
#[utoipa::path(get, path = "/api/v1/admin/partners/{id}", tag = "admin", params(("id" = i64, Path)),
    responses((status = 200, body = PartnerProfileDto), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn partner_detail(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
) -> Result<Json<PartnerProfileDto>, ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(partner::for_admin(&state.db, &reference, &actor, id).await?))
}

async fn decide_partner(
    state: AppState,
    actor: Actor,
    id: i64,
    action: PartnerAction,
    decision: Decision,
) -> Result<Json<PartnerProfileDto>, ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(partner::decide(&state.db, &reference, &actor, id, action, &decision).await?))
}

macro_rules! partner_decision {
    ($name:ident, $action:expr, $path:literal, $doc:literal) => {
        #[doc = $doc]
        #[utoipa::path(post, path = $path, tag = "admin", params(("id" = i64, Path)), request_body = Decision,
            responses((status = 200, body = PartnerProfileDto), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
                (status = 404, body = ErrorBody), (status = 409, description = "Stale version or wrong state", body = ErrorBody),
                (status = 422, description = "Reason missing", body = ErrorBody)))]
        pub async fn $name(
            State(state): State<AppState>,
            actor: Actor,
            PathId(id): PathId,
            JsonBody(decision): JsonBody<Decision>,
        ) -> Result<Json<PartnerProfileDto>, ApiError> {
            decide_partner(state, actor, id, $action, decision).await
        }
    };
}

partner_decision!(
    approve_partner,
    PartnerAction::Approve,
    "/api/v1/admin/partners/{id}/approve",
    "Approves a pending or rejected partner."
);
partner_decision!(
    reject_partner,
    PartnerAction::Reject,
    "/api/v1/admin/partners/{id}/reject",
    "Rejects a pending partner with a reason."
);
partner_decision!(
    suspend_partner,
    PartnerAction::Suspend,
    "/api/v1/admin/partners/{id}/suspend",
    "Suspends a partner: all its offers leave the catalogue at once."
);
partner_decision!(
    reinstate_partner,
    PartnerAction::Reinstate,
    "/api/v1/admin/partners/{id}/reinstate",
    "Reinstates a suspended partner."
);

/// A page of the offers waiting for review (submitted, or live with a
/// pending revision), or in another state, in the admin's districts, oldest change first.
#[utoipa::path(get, path = "/api/v1/admin/offers", tag = "admin", params(QueueQuery),
    responses((status = 200, body = OfferList), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn offers(
    State(state): State<AppState>,
    actor: Actor,
    QueryOf(q): QueryOf<QueueQuery>,
) -> Result<Json<OfferList>, ApiError> {
    let status = q
        .status
        .as_deref()
        .map(|s| BenefitStatus::from_code(s).ok_or_else(|| ApiError::invalid("status", "not an offer state")))
        .transpose()?;
    let page = q.page()?;
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(offer::queue(&state.db, &reference, &actor, status, &page).await?))
}

/// One offer of the admin's districts.
#[utoipa::path(get, path = "/api/v1/admin/offers/{id}", tag = "admin", params(("id" = i64, Path)),
    responses((status = 200, body = OfferDto), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn offer_detail(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
) -> Result<Json<OfferDto>, ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(offer::for_admin(&state.db, &reference, &actor, id).await?))
}

/// Approves a submitted offer (it goes live) or its pending revision (it replaces the live content).
#[utoipa::path(post, path = "/api/v1/admin/offers/{id}/approve", tag = "admin", params(("id" = i64, Path)), request_body = Decision,
    responses((status = 200, body = OfferDto), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, description = "Stale version or nothing to review", body = ErrorBody)))]
pub async fn approve_offer(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
    JsonBody(decision): JsonBody<Decision>,
) -> Result<Json<OfferDto>, ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(offer::decide(&state.db, &reference, &actor, id, true, &decision).await?))
}

/// Rejects a submitted offer (back to draft) or its pending revision, with a reason.
#[utoipa::path(post, path = "/api/v1/admin/offers/{id}/reject", tag = "admin", params(("id" = i64, Path)), request_body = Decision,
    responses((status = 200, body = OfferDto), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, description = "Reason missing", body = ErrorBody)))]
pub async fn reject_offer(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
    JsonBody(decision): JsonBody<Decision>,
) -> Result<Json<OfferDto>, ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(offer::decide(&state.db, &reference, &actor, id, false, &decision).await?))
}

/// The audit log, newest first, within the admin's districts.
#[utoipa::path(get, path = "/api/v1/admin/audit", tag = "admin", params(AuditQuery),
    responses((status = 200, body = AuditPage), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn audit_log(
    State(state): State<AppState>,
    actor: Actor,
    QueryOf(q): QueryOf<AuditQuery>,
) -> Result<Json<AuditPage>, ApiError> {
    let scope = policy::admin_scope(&actor)?;
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(audit::page(&state.db, &reference, scope, &q).await?))
}
