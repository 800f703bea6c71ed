//! [`JsonBody`]: axum's `Json` extractor answering malformed bodies with the
//! API's error body (400 `invalid_parameter` with `param` set to
//! `body`) instead of axum's plain-text rejection.

use axum::extract::{FromRequest, rejection::JsonRejection};

use crate::error::ApiError;

/// A JSON request body of type `T`.
#[derive(Debug, FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct JsonBody<T>(pub T);

impl From<JsonRejection> for ApiError {
    fn from(e: JsonRejection) -> Self {
        ApiError::invalid("body", e.body_text())
    }
}
