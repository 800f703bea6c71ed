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
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::Timeout => StatusCode::REQUEST_TIMEOUT,
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
            ApiError::Timeout => ("timeout", None),
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
        ErrorDetail { code: code.to_owned(), message, param }
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
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(axum::http::header::RETRY_AFTER, axum::http::HeaderValue::from_static("1"));
        }
        response
    }
}

/// Gives the timeout layer's bare 408 the JSON error body every other error has.
pub async fn json_timeout(response: Response) -> Response {
    if response.status() == StatusCode::REQUEST_TIMEOUT
        && !response.headers().contains_key(axum::http::header::CONTENT_TYPE)
    {
        return ApiError::Timeout.into_response();
    }
    response
}

/// A 404 with the JSON error body, for paths no route matches.
pub async fn route_not_found() -> ApiError {
    ApiError::NotFound("route")
}
