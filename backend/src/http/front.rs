//! The front of the stack: a cached catalogue page answered before the
//! middleware a cached body does not need.
//!
//! Every district site and every cardholder reads `GET /api/v1/benefits`;
//! most of those reads are answered from the replica's response cache. A hit
//! needs no router, no timeout, no compression layer and no per-route span:
//! what it costs is what every request shares. So this layer, the outermost,
//! reads a list request itself ([`ListRequest::read`], the route's own
//! parsing), and when the cache holds the answer ([`cached::from_cache`])
//! writes it with what the layers would have added — a fresh request id, the
//! access-log line at `info`, the public CORS headers, the request metrics
//! and the embed site's figures — and returns. Anything else (a miss, a bad
//! parameter, another route) goes down the full stack unchanged. The
//! equivalence is tested header by header in `tests/tests/api/front.rs`.

use std::time::Instant;

use axum::{
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, Method, header},
    middleware::Next,
    response::Response,
};
use tower_http::request_id::{MakeRequestId, MakeRequestUuid};

use super::{
    cached,
    query::QueryPairs,
    request_id::{ClientRequestId, X_REQUEST_ID, take_client_id},
};
use crate::{embed, routes::benefits::ListRequest, state::AppState};

/// The one route answered here.
const LIST: &str = "/api/v1/benefits";

/// Middleware: answers a cached list page, or passes the request on.
pub async fn front(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if request.method() != Method::GET || request.uri().path() != LIST {
        return next.run(request).await;
    }
    let start = Instant::now();
    match hit(&state, request.uri().query(), request.headers()) {
        Some(response) => finish(&state, take_client_id(request), response, start),
        None => next.run(request).await,
    }
}

/// The cached answer to a `GET /api/v1/benefits?{query}` with `headers`,
/// if this replica holds it.
pub fn hit(state: &AppState, query: Option<&str>, headers: &HeaderMap) -> Option<Response> {
    let query = query.unwrap_or_default();
    // U+0000 is refused by the stack with its own 400 (see `nul`).
    if query.contains("%00") {
        return None;
    }
    let pairs = QueryPairs::parse(query)?;
    let list = ListRequest::read(state, headers, &pairs).ok()?;
    cached::from_cache(state, headers, &list.key, "application/json")
}

/// Adds what the stack's layers add to an answer, in their order.
fn finish(state: &AppState, request: Request, mut response: Response, start: Instant) -> Response {
    // The request-id layer's own generator.
    let id = MakeRequestUuid.make_request_id(&request).map(|id| id.header_value().clone());
    let headers = response.headers_mut();
    if let Some(value) = &id {
        headers.insert(X_REQUEST_ID, value.clone());
    }
    let id = id.as_ref().and_then(|v| v.to_str().ok()).unwrap_or("-");
    public_cors(headers);
    embed::count::count_answered(state, request.method(), request.uri(), request.headers(), response.status());
    super::metrics::record_list_hit(state, response.status(), start);
    let client = request.extensions().get::<ClientRequestId>().map(|c| c.0.as_str());
    let span = tracing::info_span!(
        "request",
        method = %request.method(),
        uri = %request.uri().path(),
        request_id = %id,
        client_request_id = client,
    );
    tracing::info!(
        parent: &span,
        latency = format_args!("{} μs", start.elapsed().as_micros()),
        status = response.status().as_u16(),
        "finished processing request"
    );
    response
}

/// The public routes' CORS headers (the `cors` layer in [`crate::app`]:
/// any origin, so they are the same with or without an `Origin`).
fn public_cors(response: &mut HeaderMap) {
    response.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    response
        .insert(header::ACCESS_CONTROL_EXPOSE_HEADERS, HeaderValue::from_static("etag,content-language,x-request-id"));
    response.append(
        header::VARY,
        HeaderValue::from_static("origin, access-control-request-method, access-control-request-headers"),
    );
}
