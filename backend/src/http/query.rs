//! Our own query-string extractors, so a malformed query string gets the
//! same JSON error body as every other bad input.
//!
//! One rule for repeated parameters, everywhere: a parameter a route reads,
//! given more than once, is refused with a 400 naming it (`?lang=en&lang=zh-CN`
//! is ambiguous, and a cache or proxy may read the other one). Parameters a
//! route does not read are ignored, repeated or not. The catalogue's
//! [`linan_shared::BenefitQuery::from_pairs`], [`QueryPairs::get`] and
//! [`QueryOf`] (serde refuses a duplicate field) all follow it.

use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;

use crate::error::ApiError;

/// The decoded `(name, value)` pairs of the query string, in order.
#[derive(Debug, Clone, Default)]
pub struct QueryPairs(pub Vec<(String, String)>);

impl QueryPairs {
    /// The pairs of a raw query string, as the extractor reads them; `None`
    /// if it is malformed.
    pub fn parse(query: &str) -> Option<Self> {
        serde_urlencoded::from_str(query).ok().map(QueryPairs)
    }

    /// The pairs as string slices, for [`linan_shared::BenefitQuery::from_pairs`].
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The value of parameter `name`, if given; 400 if given more than once.
    pub fn get(&self, name: &str) -> Result<Option<&str>, ApiError> {
        let mut found = self.0.iter().filter(|(k, _)| k == name).map(|(_, v)| v.as_str());
        match (found.next(), found.next()) {
            (_, Some(_)) => Err(ApiError::invalid(name, "given more than once")),
            (value, None) => Ok(value),
        }
    }

    /// The `days` parameter of the figures' routes: how many days back,
    /// 1–366, 30 when absent; 400 otherwise.
    pub fn days(&self) -> Result<u32, ApiError> {
        match self.get("days")? {
            Some(v) => v
                .parse::<u32>()
                .ok()
                .filter(|d| (1..=366).contains(d))
                .ok_or_else(|| ApiError::invalid("days", "an integer from 1 to 366")),
            None => Ok(30),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for QueryPairs {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Query(pairs) = Query::<Vec<(String, String)>>::from_request_parts(parts, state).await?;
        Ok(QueryPairs(pairs))
    }
}

/// A typed query string, like axum's `Query<T>`, answering a malformed one
/// with the API's error body (400 `invalid_parameter`) that names the
/// parameter at fault (`param`), as the hand-parsed routes do.
#[derive(Debug)]
pub struct QueryOf<T>(pub T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> FromRequestParts<S> for QueryOf<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or_default();
        let params = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
        serde_path_to_error::deserialize(params).map(QueryOf).map_err(|e| {
            let path = e.path().to_string();
            // A duplicate or missing field is reported on the whole struct.
            let param = if path == "." { "query".to_owned() } else { path };
            ApiError::invalid(param, e.into_inner().to_string())
        })
    }
}
