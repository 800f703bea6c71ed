//! Which language to answer in: `lang=` wins, then `Accept-Language`, then zh-CN.

use axum::{
    extract::FromRequestParts,
    http::{HeaderMap, header::ACCEPT_LANGUAGE, request::Parts},
};
use linan_shared::Lang;

use super::query::QueryPairs;
use crate::error::ApiError;

/// The response language for an explicit choice and the request headers.
pub fn response_lang(explicit: Option<Lang>, headers: &HeaderMap) -> Lang {
    explicit
        .or_else(|| headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(Lang::negotiate))
        .unwrap_or_default()
}

/// The response language of a route whose only query parameter is `lang`
/// (a bad one is a 400).
#[derive(Debug, Clone, Copy)]
pub struct AskedLang(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for AskedLang {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let pairs = QueryPairs::from_request_parts(parts, state).await?;
        let explicit = pairs
            .get("lang")?
            .map(|v| Lang::parse(v).map_err(|e| ApiError::invalid("lang", e.to_string())))
            .transpose()?;
        Ok(AskedLang(response_lang(explicit, &parts.headers)))
    }
}
