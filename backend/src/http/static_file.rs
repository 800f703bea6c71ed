//! Reading one built front-end file (widget or portal) from its folder:
//! plain names only, a known type, and a 404 for anything else.

use std::path::Path;

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

/// Reads `file` from `dir` with its content type. Only plain names (no
/// separators, no dot-files) of known types are served, so nothing outside
/// the folder is reachable; everything else is a 404 for `what`.
pub async fn read(dir: &Path, file: &str, what: &'static str) -> Result<(Vec<u8>, &'static str), ApiError> {
    let safe = !file.is_empty()
        && !file.starts_with('.')
        && file.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    let mime = content_type(file).filter(|_| safe).ok_or(ApiError::NotFound(what))?;
    let bytes = tokio::fs::read(dir.join(file)).await.map_err(|e| {
        if e.kind() != std::io::ErrorKind::NotFound {
            tracing::warn!(file, error = %e, "cannot read {what}");
        }
        ApiError::NotFound(what)
    })?;
    Ok((bytes, mime))
}
