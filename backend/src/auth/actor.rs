//! [`Actor`]: the extractor every non-public route takes. It finds the
//! session (bearer header or cookie), checks the CSRF token of cookie
//! requests that change state, and carries the request id for the audit log.

use axum::{
    extract::FromRequestParts,
    http::{Method, header, request::Parts},
};
use axum_extra::extract::CookieJar;
use linan_shared::{AccountDto, Role};
use tower_http::request_id::RequestId;

use super::{secret, session};
use crate::{entity::account, error::ApiError, state::AppState};

/// The signed-in account making this request.
#[derive(Debug, Clone)]
pub struct Actor {
    /// The account row.
    pub account: account::Model,
    /// Its role, parsed.
    pub role: Role,
    /// Digest of the session token (to end this session).
    pub session_hash: String,
    /// The session's token, to derive its CSRF token again.
    pub token: String,
    /// The session's end.
    pub expires_at: chrono::DateTime<chrono::Utc>,
    /// This request's `x-request-id`.
    pub request_id: Option<String>,
    /// This request's time, read once from the application's clock.
    pub now: chrono::DateTime<chrono::Utc>,
}

impl Actor {
    /// The account as its DTO (the district code comes from the reference data).
    pub fn dto(&self, district: Option<linan_shared::DistrictCode>) -> AccountDto {
        account_dto(&self.account, district)
    }
}

/// An account row as its DTO.
pub fn account_dto(a: &account::Model, district: Option<linan_shared::DistrictCode>) -> AccountDto {
    AccountDto { id: a.id, email: a.email.clone(), role: a.role, district, partner_id: a.partner_id, owner: a.is_owner }
}

/// The request id set by the request-id layer.
pub fn request_id(parts: &Parts) -> Option<String> {
    parts.extensions.get::<RequestId>().and_then(|id| id.header_value().to_str().ok()).map(str::to_owned)
}

/// The token of an `Authorization: Bearer …` header, if any.
pub fn bearer(parts: &Parts) -> Option<&str> {
    let value = parts.headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

impl FromRequestParts<AppState> for Actor {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let jar = CookieJar::from_headers(&parts.headers);
        let (token, via_cookie) = match bearer(parts) {
            Some(t) => (t.to_owned(), false),
            None => match jar.get(session::COOKIE) {
                Some(c) if !c.value().is_empty() => (c.value().to_owned(), true),
                _ => return Err(ApiError::Unauthenticated),
            },
        };
        // A cookie rides along on cross-site requests; a header value the
        // other site cannot read proves the page is ours.
        let safe = matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
        if via_cookie && !safe {
            let sent = parts.headers.get("x-csrf-token").and_then(|v| v.to_str().ok()).unwrap_or_default();
            if !secret::same(sent, &secret::csrf_token(&token)) {
                return Err(ApiError::Forbidden("missing or wrong x-csrf-token header"));
            }
        }
        let now = state.clock.now();
        let (s, account) = session::find(&state.db, &token, now).await?.ok_or(ApiError::Unauthenticated)?;
        let role = account.role;
        Ok(Actor {
            account,
            role,
            session_hash: s.token_hash,
            token,
            expires_at: s.expires_at,
            request_id: request_id(parts),
            now,
        })
    }
}
