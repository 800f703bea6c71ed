//! Which language to answer in: `lang=` wins, then `Accept-Language`, then zh-CN.

use axum::http::{HeaderMap, header::ACCEPT_LANGUAGE};
use linan_shared::Lang;

/// The response language for an explicit choice and the request headers.
pub fn response_lang(explicit: Option<Lang>, headers: &HeaderMap) -> Lang {
    explicit
        .or_else(|| headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(Lang::negotiate))
        .unwrap_or_default()
}
