//! The `Idempotency-Key` header as an extractor: a request that may be
//! retried names its attempt, and a retry with the same key gets the first
//! answer. Missing, empty, over-long or non-text keys are a 400 naming the
//! header before any service runs.

use axum::{extract::FromRequestParts, http::request::Parts};

use crate::error::ApiError;

/// Longest idempotency key accepted.
pub const MAX_IDEMPOTENCY_KEY: usize = 100;

/// A well-formed `Idempotency-Key` (1 to [`MAX_IDEMPOTENCY_KEY`] bytes,
/// surrounding spaces trimmed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    /// Parses a header value.
    pub fn parse(raw: &str) -> Result<Self, ApiError> {
        let key = raw.trim();
        if key.is_empty() || key.len() > MAX_IDEMPOTENCY_KEY {
            return Err(Self::refused());
        }
        Ok(IdempotencyKey(key.to_owned()))
    }

    /// The key.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn refused() -> ApiError {
        ApiError::invalid("Idempotency-Key", format!("send a header of 1 to {MAX_IDEMPOTENCY_KEY} characters"))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for IdempotencyKey {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let mut values = parts.headers.get_all("idempotency-key").iter();
        let (Some(value), None) = (values.next(), values.next()) else { return Err(Self::refused()) };
        Self::parse(value.to_str().map_err(|_| Self::refused())?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_trimmed_and_bounded() {
        assert_eq!(IdempotencyKey::parse("  k-1 ").unwrap().as_str(), "k-1");
        assert!(IdempotencyKey::parse("").is_err());
        assert!(IdempotencyKey::parse("   ").is_err());
        assert!(IdempotencyKey::parse(&"x".repeat(MAX_IDEMPOTENCY_KEY)).is_ok());
        assert!(IdempotencyKey::parse(&"x".repeat(MAX_IDEMPOTENCY_KEY + 1)).is_err());
    }
}
