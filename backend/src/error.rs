//! The one error type of the HTTP API.
//!
//! Every handler returns `Result<_, ApiError>`; [`ApiError::status_code`] is
//! the single place that maps errors to statuses, and `IntoResponse` writes
//! the `{"error":{"code","message"}}` body of [`linan_shared::ErrorBody`].
//! Server-side failures are logged with their cause and answered with an
//! opaque message: internal error text never reaches a client.

use axum::{
    Json,
    extract::rejection::QueryRejection,
    http::StatusCode,
    response::{IntoResponse, Response},
};
use linan_shared::{ErrorBody, ErrorDetail, FieldError, QueryError};

/// Everything that can go wrong while answering a request.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A query or path parameter is malformed or out of range (400).
    #[error("parameter `{param}`: {message}")]
    InvalidParameter {
        /// The parameter's name.
        param: String,
        /// Why it was refused.
        message: String,
    },
    /// A body field is invalid (422).
    #[error("{0}")]
    InvalidField(FieldError),
    /// The thing asked for does not exist or is not public (404).
    #[error("{0} not found")]
    NotFound(&'static str),
    /// A uniqueness or state conflict (409).
    #[error("{0}")]
    Conflict(String),
    /// The write named a version that is no longer current (409).
    #[error("this was changed by someone else (now at version {current}); reload and try again")]
    StaleVersion {
        /// The version it has now.
        current: i32,
    },
    /// The action does not apply in the thing's current state (409).
    #[error("{0}")]
    InvalidState(String),
    /// The counter refuses: the card may not use this now, or the code is
    /// spent (409, with the reason's own code).
    #[error("{message}")]
    Refused {
        /// Machine-readable reason, e.g. `quota_used`.
        code: &'static str,
        /// Explanation.
        message: &'static str,
    },
    /// No valid session or token came with the request (401).
    #[error("sign in first")]
    Unauthenticated,
    /// Email and password do not match an account (401); the same answer
    /// for an unknown email and a wrong password.
    #[error("wrong email or password")]
    InvalidCredentials,
    /// A card number and factor that do not match a card (401, the same
    /// code as [`ApiError::InvalidCredentials`]); the same answer for an
    /// unknown card, a wrong last 4 and a wrong birth date.
    #[error("wrong card number, ID last 4 or birth date")]
    WrongCardFactor,
    /// Signed in, but this role or account may not do this (403).
    #[error("{0}")]
    Forbidden(&'static str),
    /// Signed in and in scope, but another party's decision to undo (403,
    /// with its own code, e.g. `hold_not_yours`).
    #[error("{message}")]
    Denied {
        /// Machine-readable reason.
        code: &'static str,
        /// Explanation.
        message: &'static str,
    },
    /// Too many attempts; retry after the given seconds (429).
    #[error("too many attempts; try again in {retry_after_secs} s")]
    TooManyRequests {
        /// Seconds until the next attempt may succeed.
        retry_after_secs: u64,
    },
    /// The server has no capacity for this now (503, `Retry-After: 1`):
    /// every permit for password hashing is taken.
    #[error("the service is busy; try again in a second")]
    Busy,
    /// The request took longer than the configured timeout (408).
    #[error("the request took too long and was cancelled")]
    Timeout,
    /// The database failed (500, logged).
    #[error("database error")]
    Database(#[from] sea_orm::DbErr),
    /// Anything else unexpected (500, logged).
    #[error("internal error")]
    Internal(String),
}

impl ApiError {
    /// A 400 for `param`.
    pub fn invalid(param: impl Into<String>, message: impl Into<String>) -> Self {
        ApiError::InvalidParameter { param: param.into(), message: message.into() }
    }

    /// The HTTP status this error is answered with.
    pub fn status_code(&self) -> StatusCode {
        match self {
            ApiError::InvalidParameter { .. } => StatusCode::BAD_REQUEST,
            ApiError::InvalidField(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Conflict(_)
            | ApiError::StaleVersion { .. }
            | ApiError::InvalidState(_)
            | ApiError::Refused { .. } => StatusCode::CONFLICT,
            ApiError::Unauthenticated | ApiError::InvalidCredentials | ApiError::WrongCardFactor => {
                StatusCode::UNAUTHORIZED
            }
            ApiError::Forbidden(_) | ApiError::Denied { .. } => StatusCode::FORBIDDEN,
            ApiError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Timeout => StatusCode::REQUEST_TIMEOUT,
            ApiError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            // No connection could be had in time (overload) or the pool is gone:
            // a retryable condition, not a bug.
            ApiError::Database(sea_orm::DbErr::ConnectionAcquire(_)) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Database(_) | ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn detail(&self) -> ErrorDetail {
        let (code, param) = match self {
            ApiError::InvalidParameter { param, .. } => ("invalid_parameter", Some(param.clone())),
            ApiError::InvalidField(e) => ("invalid_field", Some(e.field.clone())),
            ApiError::NotFound(_) => ("not_found", None),
            ApiError::Conflict(_) => ("conflict", None),
            ApiError::StaleVersion { .. } => ("stale_version", None),
            ApiError::InvalidState(_) => ("invalid_state", None),
            ApiError::Refused { code, .. } | ApiError::Denied { code, .. } => (*code, None),
            ApiError::Unauthenticated => ("unauthenticated", None),
            ApiError::InvalidCredentials | ApiError::WrongCardFactor => ("invalid_credentials", None),
            ApiError::Forbidden(_) => ("forbidden", None),
            ApiError::TooManyRequests { .. } => ("too_many_requests", None),
            ApiError::Timeout => ("timeout", None),
            ApiError::Busy => ("busy", None),
            ApiError::Database(sea_orm::DbErr::ConnectionAcquire(_)) => ("unavailable", None),
            ApiError::Database(_) | ApiError::Internal(_) => ("internal", None),
        };
        let message = match self {
            ApiError::Database(sea_orm::DbErr::ConnectionAcquire(_)) => {
                "the service is busy or its database is unreachable; try again shortly".to_owned()
            }
            ApiError::Database(_) | ApiError::Internal(_) => "internal server error".to_owned(),
            other => other.to_string(),
        };
        let current_version = match self {
            ApiError::StaleVersion { current } => Some(*current),
            _ => None,
        };
        ErrorDetail { code: code.to_owned(), message, param, current_version }
    }
}

impl From<linan_shared::Refusal> for ApiError {
    fn from(r: linan_shared::Refusal) -> Self {
        ApiError::Refused { code: r.as_str(), message: r.message() }
    }
}

impl From<QueryError> for ApiError {
    fn from(e: QueryError) -> Self {
        ApiError::invalid(e.param, e.message)
    }
}

impl From<FieldError> for ApiError {
    fn from(e: FieldError) -> Self {
        ApiError::InvalidField(e)
    }
}

impl From<QueryRejection> for ApiError {
    fn from(e: QueryRejection) -> Self {
        ApiError::invalid("query", e.body_text())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status_code();
        match &self {
            ApiError::Database(cause) => tracing::error!(%cause, "database error"),
            ApiError::Internal(cause) => tracing::error!(%cause, "internal error"),
            _ => {}
        }
        let mut response = (status, Json(ErrorBody { error: self.detail() })).into_response();
        let retry_after = match &self {
            ApiError::TooManyRequests { retry_after_secs } => Some(retry_after_secs.max(&1).to_string()),
            _ if status == StatusCode::SERVICE_UNAVAILABLE => Some("1".to_owned()),
            _ => None,
        };
        if let Some(value) = retry_after.and_then(|v| axum::http::HeaderValue::from_str(&v).ok()) {
            response.headers_mut().insert(axum::http::header::RETRY_AFTER, value);
        }
        response
    }
}

/// Gives the timeout layer's bare 408 the JSON error body every other error has.
///
/// The timeout layer sits outside the per-route CORS layers, so its answer
/// also gets `Access-Control-Allow-Origin: *` here: a cross-origin widget
/// then reads the 408 instead of seeing a network error (no credentials
/// ride on our cross-origin calls, so `*` is all it needs).
pub async fn json_timeout(response: Response) -> Response {
    if response.status() == StatusCode::REQUEST_TIMEOUT
        && !response.headers().contains_key(axum::http::header::CONTENT_TYPE)
    {
        let mut response = ApiError::Timeout.into_response();
        response
            .headers_mut()
            .insert(axum::http::header::ACCESS_CONTROL_ALLOW_ORIGIN, axum::http::HeaderValue::from_static("*"));
        return response;
    }
    response
}

/// A 404 with the JSON error body, for paths no route matches.
pub async fn route_not_found() -> ApiError {
    ApiError::NotFound("route")
}
