//! Operations: `/healthz` (alive), `/readyz` (can serve: database reachable),
//! `/metrics` (Prometheus text format).

use axum::{
    Json, Router,
    extract::State,
    http::{StatusCode, header::CONTENT_TYPE},
    response::{IntoResponse, Response},
    routing::get,
};
use linan_shared::HealthDto;

use crate::{http::metrics::record_pool, state::AppState};

/// The operational routes.
pub fn router() -> Router<AppState> {
    Router::new().route("/healthz", get(healthz)).route("/readyz", get(readyz)).route("/metrics", get(metrics))
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
/// database pool gauges.
#[utoipa::path(get, path = "/metrics", tag = "operations",
    responses((status = 200, description = "Prometheus text exposition format", content_type = "text/plain")))]
pub async fn metrics(State(state): State<AppState>) -> Response {
    record_pool(&state);
    ([(CONTENT_TYPE, "text/plain; version=0.0.4")], state.metrics.render()).into_response()
}
