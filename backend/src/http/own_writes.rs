//! A replica answers with its own writes at once. Every replica learns of a
//! catalogue change by polling the version row (within
//! `LINAN_VERSION_POLL_MS`); the replica that made the change need not wait
//! for its next poll — an organiser who cancels an event and opens the
//! public page, or a cardholder who registers and looks at the seats left,
//! sees the change on the next request. So after a successful write this
//! layer reads the version row once (one cheap query) as the poller would.

use axum::{
    extract::{Request, State},
    http::Method,
    middleware::Next,
    response::Response,
};

use crate::state::AppState;

/// Middleware: after a successful `POST`, `PUT`, `PATCH` or `DELETE`,
/// re-reads the catalogue version.
pub async fn own_writes(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let writes = matches!(*request.method(), Method::POST | Method::PUT | Method::PATCH | Method::DELETE);
    let response = next.run(request).await;
    if writes
        && response.status().is_success()
        && let Err(e) = state.catalogue.refresh(&state.db).await
    {
        // The poller will catch up; the write itself succeeded.
        tracing::warn!(error = %e, "could not re-read the catalogue version after a write");
    }
    response
}
