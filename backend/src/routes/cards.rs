//! `/api/v1/admin/cards/*`: the card registry. An import is uploaded as the
//! CSV file itself (`text/csv`), up to [`IMPORT_LIMIT_BYTES`] — larger
//! registries go through `linan cards import`.

use std::sync::Arc;

use axum::{
    Json, Router,
    body::Bytes,
    extract::{DefaultBodyLimit, State, rejection::BytesRejection},
    http::{HeaderMap, header},
    routing::post,
};
use linan_shared::{ErrorBody, ImportReport};

use crate::{
    auth::{Actor, policy},
    cards::{self, IdKey, ImportOptions, NoProgress},
    error::ApiError,
    http::query::QueryOf,
    state::AppState,
};

/// Largest upload (about 600,000 rows).
pub const IMPORT_LIMIT_BYTES: usize = 64 * 1024 * 1024;

/// The card registry routes.
pub fn router() -> Router<AppState> {
    Router::new().route("/api/v1/admin/cards/import", post(import).layer(DefaultBodyLimit::max(IMPORT_LIMIT_BYTES)))
}

/// `?dry_run=` of the import.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// Check and count only; nothing is written (default `false`).
    #[serde(default)]
    pub dry_run: bool,
}

/// Imports cards from a CSV file (header `card_number,scheme,tier,holder_name,
/// national_id,valid_from,valid_until,status`). All or nothing: any rejected
/// row (each is reported with its line and reason) means nothing is written.
/// Re-importing a file changes nothing; a changed row updates its card.
/// District admins may import only their district's schemes.
#[utoipa::path(post, path = "/api/v1/admin/cards/import", tag = "admin", params(ImportQuery),
    request_body(content = String, content_type = "text/csv", description = "The CSV file"),
    responses((status = 200, description = "The report; nothing was written if `rejected` is not empty", body = ImportReport),
        (status = 400, description = "Not text/csv, too large, or holding a NUL byte", body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn import(
    State(state): State<AppState>,
    actor: Actor,
    QueryOf(q): QueryOf<ImportQuery>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<ImportReport>, ApiError> {
    let scope = policy::admin_scope(&actor)?;
    let csv = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(';').next().is_some_and(|t| t.trim().eq_ignore_ascii_case("text/csv")));
    if !csv {
        return Err(ApiError::invalid("content-type", "send the file itself as text/csv"));
    }
    let body = body.map_err(|e| ApiError::invalid("body", e.body_text()))?;
    if body.contains(&0) {
        return Err(ApiError::invalid("body", crate::http::nul::MESSAGE));
    }
    let key = IdKey::from_config(&state.config).map_err(|e| ApiError::Internal(e.to_string()))?;
    let reference = state.catalogue.reference(&state.db).await?;
    let options = ImportOptions { now: actor.now, dry_run: q.dry_run, district_id: scope };
    let source = std::io::Cursor::new(body);
    let report =
        cards::import(&state.db, &key, &reference, source, options, Some((&actor).into()), Arc::new(NoProgress))
            .await?;
    Ok(Json(report))
}
