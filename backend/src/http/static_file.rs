//! Serving one built front-end file (widget or portal) from its folder:
//! plain names only, a known type, and a 404 for anything else.
//!
//! The builds write each file's compressed forms beside it
//! (`scripts/precompress.mjs`: `NAME.br` at brotli's highest quality,
//! `NAME.gz` by zopfli, smaller than gzip -9), and the one the client takes is
//! sent as it is. Compressing a 270 KB module on every request (the
//! compression layer, which passes an answer that has a `Content-Encoding`)
//! cost each page's first load time and sent larger bytes; a file without its
//! forms (a build without them) is still compressed by that layer.

use std::path::Path;

use axum::{
    http::{HeaderMap, HeaderValue, header},
    response::{IntoResponse, Response},
};

use super::encoding::{Coding, negotiate};
use crate::error::ApiError;

/// The content type of a front-end file, by extension; `None` for types we never serve.
fn content_type(file: &str) -> Option<&'static str> {
    match file.rsplit_once('.')?.1 {
        "html" => Some("text/html; charset=utf-8"),
        "js" => Some("text/javascript; charset=utf-8"),
        "wasm" => Some("application/wasm"),
        "css" => Some("text/css; charset=utf-8"),
        "json" => Some("application/json"),
        _ => None,
    }
}

/// The suffix of a file's compressed form in the folder.
fn suffix(coding: Coding) -> Option<&'static str> {
    match coding {
        Coding::Identity => None,
        Coding::Gzip => Some(".gz"),
        Coding::Brotli => Some(".br"),
    }
}

/// Reads `file` from `dir` and answers with it in the coding the request
/// accepts, if the build wrote that form, with its content type and
/// `Vary: Accept-Encoding`; the caller adds its caching headers. Only plain
/// names (no separators, no dot-files) of known types are served, so nothing
/// outside the folder is reachable, and the compressed forms only as
/// codings; everything else is a 404 for `what`.
pub async fn serve(dir: &Path, file: &str, request: &HeaderMap, what: &'static str) -> Result<Response, ApiError> {
    let safe = !file.is_empty()
        && !file.starts_with('.')
        && file.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    let mime = content_type(file).filter(|_| safe).ok_or(ApiError::NotFound(what))?;
    let coding = negotiate(request);
    let compressed = match suffix(coding) {
        Some(suffix) => tokio::fs::read(dir.join(format!("{file}{suffix}"))).await.ok(),
        None => None,
    };
    let (bytes, coding) = match compressed {
        Some(bytes) => (bytes, coding),
        None => (read(dir, file, what).await?, Coding::Identity),
    };
    let mut response = bytes.into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    if let Some(name) = coding.header() {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(name));
    }
    h.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    Ok(response)
}

/// The file's own bytes; a 404 for `what` if it cannot be read.
async fn read(dir: &Path, file: &str, what: &'static str) -> Result<Vec<u8>, ApiError> {
    tokio::fs::read(dir.join(file)).await.map_err(|e| {
        if e.kind() != std::io::ErrorKind::NotFound {
            tracing::warn!(file, error = %e, "cannot read {what}");
        }
        ApiError::NotFound(what)
    })
}
