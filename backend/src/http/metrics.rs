//! Prometheus metrics: requests and latency by route and status, and the
//! database pool.

use std::time::Instant;

use axum::{
    extract::{MatchedPath, Request, State},
    http::StatusCode,
    middleware::Next,
    response::Response,
};
use metrics::{Counter, Histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle, PrometheusRecorder};
use sea_orm::DatabaseBackend;

use crate::state::AppState;

/// Latency histogram buckets, in seconds.
const BUCKETS: &[f64] = &[0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0];

/// The application's metrics registry. Local to one application rather than
/// installed globally, because tests start many applications in one process.
pub struct Metrics {
    recorder: PrometheusRecorder,
    handle: PrometheusHandle,
    /// The handles of a cached list page answered in front of the router
    /// (200, 304), registered once: a hit looks nothing up and allocates nothing.
    list_hits: [(Counter, Histogram); 2],
}

impl Metrics {
    /// A fresh registry.
    pub fn new() -> Self {
        let recorder = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Full("http_request_duration_seconds".to_owned()), BUCKETS)
            .map(PrometheusBuilder::build_recorder)
            .unwrap_or_else(|_| PrometheusBuilder::new().build_recorder());
        let handle = recorder.handle();
        let list_hits = metrics::with_local_recorder(&recorder, || {
            ["200", "304"].map(|status| {
                let labels = [("method", "GET"), ("route", "/api/v1/benefits"), ("status", status)];
                (
                    metrics::counter!("http_requests_total", &labels),
                    metrics::histogram!("http_request_duration_seconds", &labels),
                )
            })
        });
        Metrics { recorder, handle, list_hits }
    }

    fn record(&self, labels: &[(&'static str, String); 3], seconds: f64) {
        metrics::with_local_recorder(&self.recorder, || {
            metrics::counter!("http_requests_total", labels).increment(1);
            metrics::histogram!("http_request_duration_seconds", labels).record(seconds);
        });
    }

    fn pool(&self, size: f64, idle: f64, max: f64) {
        metrics::with_local_recorder(&self.recorder, || {
            metrics::gauge!("db_pool_connections").set(size);
            metrics::gauge!("db_pool_idle_connections").set(idle);
            metrics::gauge!("db_pool_max_connections").set(max);
        });
    }

    /// The Prometheus text exposition.
    pub fn render(&self) -> String {
        self.handle.render()
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Metrics")
    }
}

/// Middleware: counts each request and times it, labelled by the matched
/// route template (never the raw path, which would explode the label set).
pub async fn track(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let start = Instant::now();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".to_owned());
    let method = request.method().to_string();
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    let elapsed = start.elapsed().as_secs_f64();
    let labels = [("method", method), ("route", route), ("status", status)];
    state.metrics.record(&labels, elapsed);
    response
}

/// Records a list page answered from the cache in front of the stack
/// ([`super::front`]) as [`track`] would have: `GET`, the route's template,
/// the status (a hit is a 200 or a 304).
pub fn record_list_hit(state: &AppState, status: StatusCode, start: Instant) {
    let (counter, histogram) = &state.metrics.list_hits[usize::from(status == StatusCode::NOT_MODIFIED)];
    counter.increment(1);
    histogram.record(start.elapsed().as_secs_f64());
}

/// Records the pool gauges; called when `/metrics` is scraped.
pub fn record_pool(state: &AppState) {
    let (size, idle) = match state.db.get_database_backend() {
        DatabaseBackend::Postgres => {
            let pool = state.db.get_postgres_connection_pool();
            (pool.size(), pool.num_idle())
        }
        DatabaseBackend::Sqlite => {
            let pool = state.db.get_sqlite_connection_pool();
            (pool.size(), pool.num_idle())
        }
        _ => (0, 0),
    };
    state.metrics.pool(f64::from(size), idle as f64, f64::from(state.config.db_max_connections));
}
