//! Operations: `/healthz` (alive), `/readyz` (can serve: database reachable),
//! `/metrics` (Prometheus text format).
//!
//! `/metrics` tells an attacker the routes, the load and the pool, so in
//! production mode it is served only to a scraper that proves itself with
//! `LINAN_METRICS_TOKEN` (a bearer token, compared in constant time) or on
//! the separate `LINAN_METRICS_BIND` listener, and the public listener then
//! has no `/metrics` at all. Outside production it is open as before, unless
//! a token is set, which is then required wherever `/metrics` is served.

use axum::{
    Json, Router,
    extract::State,
    http::{StatusCode, header::CONTENT_TYPE, request::Parts},
    response::{IntoResponse, Response},
    routing::get,
};
use linan_shared::{ErrorBody, HealthDto};

use crate::{
    auth::{bearer, secret},
    config::Config,
    error::ApiError,
    http::metrics::record_pool,
    state::AppState,
};

/// The operational routes of the public listener: `/metrics` only when no
/// separate metrics listener is configured.
pub fn router(config: &Config) -> Router<AppState> {
    let router = Router::new().route("/healthz", get(healthz)).route("/readyz", get(readyz));
    if config.metrics_bind.is_some() { router } else { router.route("/metrics", get(metrics)) }
}

/// The whole router of the separate `LINAN_METRICS_BIND` listener.
pub fn metrics_listener_router(state: AppState) -> Router {
    Router::new().route("/metrics", get(private_metrics)).with_state(state)
}

/// Liveness: the process answers.
#[utoipa::path(get, path = "/healthz", tag = "operations",
    responses((status = 200, description = "Alive", body = HealthDto)))]
pub async fn healthz() -> Json<HealthDto> {
    Json(HealthDto { status: "ok".to_owned(), catalogue_version: None })
}

/// Readiness: the database answers.
#[utoipa::path(get, path = "/readyz", tag = "operations",
    responses((status = 200, description = "Ready to serve", body = HealthDto),
              (status = 503, description = "Database unreachable", body = HealthDto)))]
pub async fn readyz(State(state): State<AppState>) -> Response {
    match state.db.ping().await {
        Ok(()) => Json(HealthDto { status: "ready".to_owned(), catalogue_version: Some(state.catalogue.version()) })
            .into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(HealthDto { status: "unavailable".to_owned(), catalogue_version: None }),
            )
                .into_response()
        }
    }
}

/// Prometheus metrics: `http_requests_total` and
/// `http_request_duration_seconds` by method, route and status, and the
/// database pool gauges. With `LINAN_METRICS_TOKEN` set it needs
/// `Authorization: Bearer <token>`; in production mode without a token it is
/// not served here.
#[utoipa::path(get, path = "/metrics", tag = "operations",
    responses((status = 200, description = "Prometheus text exposition format", content_type = "text/plain"),
        (status = 401, description = "The metrics token is required and was not given", body = ErrorBody),
        (status = 404, description = "Not served here (production mode without a token)", body = ErrorBody)))]
pub async fn metrics(State(state): State<AppState>, parts: Parts) -> Result<Response, ApiError> {
    let open_without_token = !state.config.production;
    serve_metrics(&state, &parts, open_without_token)
}

/// `/metrics` on the separate listener: open unless a token is set.
async fn private_metrics(State(state): State<AppState>, parts: Parts) -> Result<Response, ApiError> {
    serve_metrics(&state, &parts, true)
}

fn serve_metrics(state: &AppState, parts: &Parts, open_without_token: bool) -> Result<Response, ApiError> {
    match &state.config.metrics_token {
        Some(token) => {
            // Digests first: equal lengths, so the comparison's time says nothing.
            let given = bearer(parts).unwrap_or_default();
            if !secret::same(&secret::digest(given), &secret::digest(token.expose())) {
                return Err(ApiError::Unauthenticated);
            }
        }
        None if open_without_token => {}
        None => return Err(ApiError::NotFound("route")),
    }
    record_pool(state);
    Ok(([(CONTENT_TYPE, "text/plain; version=0.0.4")], state.metrics.render()).into_response())
}
