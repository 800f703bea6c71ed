//! Public reads with validators: `ETag`, `If-None-Match` → 304, and a
//! per-replica response cache.
//!
//! The ETag is a hash of what determines the answer: the database's epoch
//! and catalogue version,
//! the day (validity windows are whole days), the route and its normalised
//! parameters, and the language. All of these are known *before* any query,
//! so a matching `If-None-Match` is answered 304 without touching the
//! database, and a repeated request is served from memory.

use std::{future::Future, sync::Arc};

use axum::{
    body::{Body, Bytes},
    http::{
        HeaderMap, HeaderValue, StatusCode,
        header::{CACHE_CONTROL, CONTENT_ENCODING, CONTENT_LANGUAGE, CONTENT_TYPE, ETAG, IF_NONE_MATCH, VARY},
    },
    response::Response,
};
use chrono::NaiveDate;
use linan_shared::Lang;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::encoding::{self, Coding};
use crate::{error::ApiError, state::AppState};

/// A cached response body with its validator and its compressed forms;
/// shared as `Arc<CachedBody>`, so a hit copies nothing.
#[derive(Debug)]
pub struct CachedBody {
    /// The `ETag` value, quotes included (weak: the same for every coding).
    pub etag: String,
    /// The serialised JSON.
    pub body: Bytes,
    /// The JSON gzip-compressed.
    pub gzip: Bytes,
    /// The JSON brotli-compressed.
    pub br: Bytes,
    /// The `ETag` and `Cache-Control` header values, made once.
    headers: (HeaderValue, HeaderValue),
}

impl CachedBody {
    /// `body` with its compressed forms, made once here rather than by the
    /// compression layer on every hit.
    pub fn new(state: &AppState, etag: String, body: Bytes) -> Self {
        let headers = (header_value(&etag), cache_control(state));
        CachedBody { etag, gzip: encoding::gzip(&body), br: encoding::brotli(&body), body, headers }
    }

    /// The bytes it holds, for the cache's budget.
    pub fn weight(&self) -> usize {
        self.etag.len() + self.body.len() + self.gzip.len() + self.br.len()
    }

    fn form(&self, coding: Coding) -> Bytes {
        match coding {
            Coding::Identity => self.body.clone(),
            Coding::Gzip => self.gzip.clone(),
            Coding::Brotli => self.br.clone(),
        }
    }
}

/// What identifies one public answer.
pub struct CacheKey {
    key: String,
    lang: Option<Lang>,
}

impl CacheKey {
    /// A key for `route` with normalised `params`, on `day`, in `lang`
    /// (`None` for language-independent answers).
    pub fn new(state: &AppState, route: &str, params: &str, day: NaiveDate, lang: Option<Lang>) -> Self {
        let version = state.catalogue.version();
        let epoch = state.catalogue.epoch();
        let tag = lang.map(Lang::tag).unwrap_or("-");
        CacheKey { key: format!("{epoch}.{version}|{day}|{route}|{params}|{tag}"), lang }
    }

    fn etag(&self) -> String {
        let digest = Sha256::digest(self.key.as_bytes());
        format!("W/\"{}\"", hex::encode(&digest[..12]))
    }
}

/// Whether an `If-None-Match` header matches `etag` (weak comparison).
fn matches(headers: &HeaderMap, etag: &str) -> bool {
    fn strip(t: &str) -> &str {
        t.trim().trim_start_matches("W/")
    }
    let ours = strip(etag);
    headers
        .get_all(IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.split(',').any(|candidate| candidate.trim() == "*" || strip(candidate) == ours))
}

fn header_value(text: &str) -> HeaderValue {
    HeaderValue::from_str(text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

fn cache_control(state: &AppState) -> HeaderValue {
    header_value(&format!("public, max-age={}", state.config.public_max_age_secs))
}

fn headers_for(response: &mut Response, (etag, cache_control): (HeaderValue, HeaderValue), lang: Option<Lang>) {
    let h = response.headers_mut();
    h.insert(ETAG, etag);
    h.insert(CACHE_CONTROL, cache_control);
    h.insert(VARY, HeaderValue::from_static("Accept-Language, Accept-Encoding"));
    if let Some(lang) = lang {
        h.insert(CONTENT_LANGUAGE, HeaderValue::from_static(lang.tag()));
    }
}

fn body_response(status: StatusCode, body: Bytes, content_type: &'static str) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

/// Answers a public read: 304 if the client's validator matches, the cached
/// body (in the coding the client accepts) if this replica has it, otherwise
/// runs `compute` and caches its JSON with its compressed forms.
pub async fn cached_json<T, F, Fut>(
    state: &AppState,
    headers: &HeaderMap,
    key: CacheKey,
    compute: F,
) -> Result<Response, ApiError>
where
    T: Serialize,
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<T, ApiError>>,
{
    cached_body(state, headers, key, "application/json", || async {
        let value = compute().await?;
        Ok(Bytes::from(serde_json::to_vec(&value).map_err(|e| ApiError::Internal(e.to_string()))?))
    })
    .await
}

/// [`cached_json`] for a body `compute` makes itself, of `content_type`:
/// the events' calendar files, and the list's JSON, which the read model
/// writes without serialising ([`crate::catalogue::list_benefits`]).
pub async fn cached_body<F, Fut>(
    state: &AppState,
    headers: &HeaderMap,
    key: CacheKey,
    content_type: &'static str,
    compute: F,
) -> Result<Response, ApiError>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<Bytes, ApiError>>,
{
    if let Some(response) = from_cache(state, headers, &key, content_type) {
        return Ok(response);
    }
    let etag = key.etag();
    if matches(headers, &etag) {
        return Ok(not_modified((header_value(&etag), cache_control(state)), key.lang));
    }
    let body = compute().await?;
    if !state.catalogue.caches_responses() {
        // Nothing to keep: the compression layer encodes this one answer.
        let mut response = body_response(StatusCode::OK, body, content_type);
        headers_for(&mut response, (header_value(&etag), cache_control(state)), key.lang);
        return Ok(response);
    }
    let entry = Arc::new(CachedBody::new(state, etag, body));
    state.catalogue.store(key.key.clone(), entry.clone());
    Ok(full(headers, &entry, key.lang, content_type))
}

/// The answer to a request for `key` if this replica has it cached: 304 if
/// the client's validator matches, else the body in the coding the client
/// accepts. Touches no database and hashes nothing (a hit carries its ETag).
pub fn from_cache(
    state: &AppState,
    headers: &HeaderMap,
    key: &CacheKey,
    content_type: &'static str,
) -> Option<Response> {
    let hit = state.catalogue.cached(&key.key)?;
    if matches(headers, &hit.etag) {
        return Some(not_modified(hit.headers.clone(), key.lang));
    }
    Some(full(headers, &hit, key.lang, content_type))
}

fn not_modified(headers: (HeaderValue, HeaderValue), lang: Option<Lang>) -> Response {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::NOT_MODIFIED;
    headers_for(&mut response, headers, lang);
    response
}

/// `entry` as a 200, in the coding the client accepts (so the compression
/// layer has nothing to do).
fn full(headers: &HeaderMap, entry: &CachedBody, lang: Option<Lang>, content_type: &'static str) -> Response {
    let coding = encoding::negotiate(headers);
    let mut response = body_response(StatusCode::OK, entry.form(coding), content_type);
    headers_for(&mut response, entry.headers.clone(), lang);
    if let Some(value) = coding.header() {
        response.headers_mut().insert(CONTENT_ENCODING, HeaderValue::from_static(value));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_none_match_compares_weakly_and_accepts_lists() {
        let mut h = HeaderMap::new();
        h.insert(IF_NONE_MATCH, HeaderValue::from_static("\"abc\", W/\"def\""));
        assert!(matches(&h, "W/\"def\""));
        assert!(matches(&h, "W/\"abc\""));
        assert!(!matches(&h, "W/\"xyz\""));
        h.insert(IF_NONE_MATCH, HeaderValue::from_static("*"));
        assert!(matches(&h, "W/\"xyz\""));
    }
}
