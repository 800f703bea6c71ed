//! The front of the stack: a cached catalogue page answered before the
//! router and the middleware a cached body does not need.
//!
//! Every district site and every cardholder reads `GET /api/v1/benefits`;
//! most of those reads are answered from the replica's response cache. A hit
//! needs no router, no timeout, no compression layer and no per-route span:
//! what it costs is what every request shares. So this service, in front of
//! the layers and the router ([`crate::app::router`]), finds a list
//! request's cache key ([`super::list_keys`]: the route's own reading, kept
//! under the raw query), and when the cache holds the answer
//! ([`cached::from_cache`]) writes it with what the layers would
//! have added — a fresh request id, the access-log line at `info`, the public
//! CORS layer's headers ([`cors::add_public`]), the request metrics and the
//! embed site's figures — and returns. Anything else (a miss, a bad
//! parameter, another route) goes down the full stack unchanged. The
//! equivalence is tested header by header in `tests/tests/api/front.rs`.

use std::time::Instant;

use std::{
    convert::Infallible,
    pin::Pin,
    sync::Arc,
    task::{Context, Poll},
};

use axum::{
    extract::Request,
    http::{HeaderMap, Method},
    response::Response,
};
use tower::{Service, ServiceExt};
use tower_http::request_id::{MakeRequestId, MakeRequestUuid};

use super::{
    cached, cors,
    request_id::{ClientRequestId, X_REQUEST_ID, take_client_id},
};
use crate::{embed, state::AppState};

/// The one route answered here.
const LIST: &str = "/api/v1/benefits";

/// The application's service behind the front (the router with its
/// layers): a cached list page is answered here, everything else is passed
/// to a copy of `inner`.
///
/// The server clones the front for every request; `inner` is shared, so a
/// hit costs two reference counts, and only a miss copies the stack.
pub struct Front<S> {
    state: AppState,
    inner: Arc<S>,
}

impl<S> Clone for Front<S> {
    fn clone(&self) -> Self {
        Front { state: self.state.clone(), inner: Arc::clone(&self.inner) }
    }
}

impl<S> Front<S> {
    /// `inner` (the full router with its layers) behind the front.
    pub fn new(state: AppState, inner: S) -> Self {
        Front { state, inner: Arc::new(inner) }
    }
}

impl<S> Service<Request> for Front<S>
where
    S: Service<Request, Response = Response, Error = Infallible> + Clone + Send + 'static,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

    /// Always ready: a miss waits for its own copy of the stack (`oneshot`).
    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request) -> Self::Future {
        if request.method() == Method::GET && request.uri().path() == LIST {
            let start = Instant::now();
            if let Some(response) = hit(&self.state, request.uri().query(), request.headers()) {
                let response = finish(&self.state, take_client_id(request), response, start);
                return Box::pin(std::future::ready(Ok(response)));
            }
        }
        Box::pin(S::clone(&self.inner).oneshot(request))
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
