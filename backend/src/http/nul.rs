//! U+0000 never reaches the database: PostgreSQL's `text` cannot hold it
//! (SQLite can), so text containing it is refused up front with a 400, the
//! same on both databases. This middleware covers the URI (every path and
//! query parameter, read by a route or not); [`super::body::JsonBody`]
//! covers JSON bodies and the card import its CSV file. Header values
//! cannot carry it: the HTTP parser refuses control characters there.

use axum::{extract::Request, middleware::Next, response::Response};

use crate::error::ApiError;

/// What a text with U+0000 is told, wherever it came in.
pub const MESSAGE: &str = "text must not contain the NUL character (U+0000)";

/// Answers 400 when the path or a query parameter decodes to text with
/// U+0000 (`%00`; nothing else in a URI decodes to it), naming the query
/// parameter or `path`.
pub async fn refuse_in_uri(request: Request, next: Next) -> Result<Response, ApiError> {
    let uri = request.uri();
    if uri.path().contains("%00") {
        return Err(ApiError::invalid("path", MESSAGE));
    }
    if let Some(pair) = uri.query().and_then(|q| q.split('&').find(|pair| pair.contains("%00"))) {
        let name = pair.split('=').next().filter(|name| !name.contains("%00")).unwrap_or("query");
        return Err(ApiError::invalid(name, MESSAGE));
    }
    Ok(next.run(request).await)
}
