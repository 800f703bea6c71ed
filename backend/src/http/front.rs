//! The front of the stack: a cached catalogue page answered before the
//! router and the middleware a cached body does not need.
//!
//! Every district site and every cardholder reads `GET /api/v1/benefits`;
//! most of those reads are answered from the replica's response cache. A hit
//! needs no router, no timeout, no compression layer and no per-route span:
//! what it costs is what every request shares. So this service, in front of
//! the router (axum's `Router::layer` wraps each route after routing, and
//! clones the layered route on every request), finds a list request's cache
//! key ([`super::list_keys`]: the route's own reading, kept under the raw
//! query), and when the cache holds
//! the answer ([`cached::from_cache`]) writes it with what the layers would
//! have added — a fresh request id, the access-log line at `info`, the public
//! CORS layer's headers ([`cors::add_public`]), the request metrics and the
//! embed site's figures — and returns. Anything else (a miss, a bad
//! parameter, another route) goes down the full stack unchanged. The
//! equivalence is tested header by header in `tests/tests/api/front.rs`.

use std::time::Instant;

use std::{
    convert::Infallible,
    pin::Pin,
    task::{Context, Poll},
};

use axum::{
    Router,
    extract::Request,
    http::{HeaderMap, Method},
    response::Response,
};
use tower::Service;
use tower_http::request_id::{MakeRequestId, MakeRequestUuid};

use super::{
    cached, cors,
    request_id::{ClientRequestId, X_REQUEST_ID, take_client_id},
};
use crate::{embed, state::AppState};

/// The one route answered here.
const LIST: &str = "/api/v1/benefits";

/// The application's router behind the front: a cached list page is
/// answered here, everything else is passed to the router.
#[derive(Clone)]
pub struct Front {
    state: AppState,
    inner: Router,
}

impl Front {
    /// `inner` (the full router with its layers) behind the front.
    pub fn new(state: AppState, inner: Router) -> Self {
        Front { state, inner }
    }
}

impl Service<Request> for Front {
    type Response = Response;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Service::<Request>::poll_ready(&mut self.inner, cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        if request.method() == Method::GET && request.uri().path() == LIST {
            let start = Instant::now();
            if let Some(response) = hit(&self.state, request.uri().query(), request.headers()) {
                let response = finish(&self.state, take_client_id(request), response, start);
                return Box::pin(std::future::ready(Ok(response)));
            }
        }
        Box::pin(self.inner.call(request))
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
    let key = state.catalogue.list_keys().key(state, query, headers)?;
    cached::from_cache(state, headers, &key, "application/json")
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
    cors::add_public(headers);
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
