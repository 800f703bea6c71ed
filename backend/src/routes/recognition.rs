//! `/api/v1/admin/recognitions`: the alliance admins' edits of the
//! mutual-recognition table (read it at `GET /api/v1/card-schemes`).

use axum::{
    Json, Router,
    extract::State,
    http::StatusCode,
    routing::{post, put},
};
use linan_shared::{ErrorBody, RecognitionDto, RecognitionInput};

use crate::{
    auth::Actor,
    error::ApiError,
    http::{body::JsonBody, path::PathId},
    recognition,
    state::AppState,
};

/// The recognition routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/admin/recognitions", post(create))
        .route("/api/v1/admin/recognitions/{id}", put(update).delete(remove))
}

/// Adds a recognition row.
#[utoipa::path(post, path = "/api/v1/admin/recognitions", tag = "admin", request_body = RecognitionInput,
    responses((status = 201, body = RecognitionDto), (status = 401, body = ErrorBody),
        (status = 403, description = "Not an alliance admin", body = ErrorBody),
        (status = 409, description = "The row exists", body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    JsonBody(input): JsonBody<RecognitionInput>,
) -> Result<(StatusCode, Json<RecognitionDto>), ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    Ok((StatusCode::CREATED, Json(recognition::create(&state.db, &reference, &actor, &input).await?)))
}

/// Replaces a recognition row (its tiers or its window).
#[utoipa::path(put, path = "/api/v1/admin/recognitions/{id}", tag = "admin", params(("id" = i64, Path)), request_body = RecognitionInput,
    responses((status = 200, body = RecognitionDto), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
    JsonBody(input): JsonBody<RecognitionInput>,
) -> Result<Json<RecognitionDto>, ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(recognition::update(&state.db, &reference, &actor, id, &input).await?))
}

/// Removes a recognition row.
#[utoipa::path(delete, path = "/api/v1/admin/recognitions/{id}", tag = "admin", params(("id" = i64, Path)),
    responses((status = 204, description = "Removed"), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn remove(State(state): State<AppState>, actor: Actor, PathId(id): PathId) -> Result<StatusCode, ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    recognition::delete(&state.db, &reference, &actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
