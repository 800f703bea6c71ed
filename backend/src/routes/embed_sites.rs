//! `/api/v1/admin/embed-sites`: the embed-site registry (district admins
//! their district's sites, alliance admins all) and each site's figures.

use axum::{Json, Router, extract::State, http::StatusCode, routing::get};
use linan_shared::{EmbedFigures, EmbedSiteDto, EmbedSiteInput, EmbedSiteList, EmbedSiteWrite, ErrorBody};

use crate::{
    auth::Actor,
    calendar::from_naive,
    embed::{figures, sites},
    error::ApiError,
    http::{body::JsonBody, path::PathId, query::QueryPairs},
    state::AppState,
};

/// The registry routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/admin/embed-sites", get(list).post(create))
        .route("/api/v1/admin/embed-sites/{id}", get(one).put(update))
        .route("/api/v1/admin/embed-sites/{id}/figures", get(site_figures))
}

/// The sites the admin may see (their district's; an alliance admin: all), by name.
#[utoipa::path(get, path = "/api/v1/admin/embed-sites", tag = "admin",
    responses((status = 200, body = EmbedSiteList), (status = 401, body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody)))]
pub async fn list(State(state): State<AppState>, actor: Actor) -> Result<Json<EmbedSiteList>, ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(sites::list(&state.db, &reference, &actor).await?))
}

/// Registers a site (a district admin: of their own district).
#[utoipa::path(post, path = "/api/v1/admin/embed-sites", tag = "admin", request_body = EmbedSiteInput,
    responses((status = 201, body = EmbedSiteDto), (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, description = "Not an admin, or another district", body = ErrorBody),
        (status = 409, description = "An origin belongs to another site", body = ErrorBody),
        (status = 422, description = "A field is invalid (e.g. an origin with a path)", body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    JsonBody(input): JsonBody<EmbedSiteInput>,
) -> Result<(StatusCode, Json<EmbedSiteDto>), ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    let site = sites::create(&state.db, &reference, &actor, &input).await?;
    Ok((StatusCode::CREATED, Json(site)))
}

/// One site.
#[utoipa::path(get, path = "/api/v1/admin/embed-sites/{id}", tag = "admin", params(("id" = i64, Path)),
    responses((status = 200, body = EmbedSiteDto), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, description = "No such site in the admin's district", body = ErrorBody)))]
pub async fn one(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
) -> Result<Json<EmbedSiteDto>, ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(sites::get(&state.db, &reference, &actor, id).await?))
}

/// Replaces a site's content for the version read (deactivate: `active: false`).
#[utoipa::path(put, path = "/api/v1/admin/embed-sites/{id}", tag = "admin", params(("id" = i64, Path)),
    request_body = EmbedSiteWrite,
    responses((status = 200, body = EmbedSiteDto), (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "Stale version, or an origin belongs to another site", body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
    JsonBody(write): JsonBody<EmbedSiteWrite>,
) -> Result<Json<EmbedSiteDto>, ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(sites::update(&state.db, &reference, &actor, id, &write).await?))
}

/// A site's figures per day (China Standard Time) for the last `days`, today included.
#[utoipa::path(get, path = "/api/v1/admin/embed-sites/{id}/figures", tag = "admin",
    params(("id" = i64, Path), ("days" = Option<u32>, Query, minimum = 1, maximum = 366,
        description = "How many days back, 1–366 (default 30).")),
    responses((status = 200, body = EmbedFigures), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn site_figures(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId,
    pairs: QueryPairs,
) -> Result<Json<EmbedFigures>, ApiError> {
    let days = pairs.days()?;
    sites::check_visible(&state.db, &actor, id).await?;
    let to = crate::calendar::day_of(actor.now);
    let from = to - chrono::Days::new(u64::from(days - 1));
    Ok(Json(figures::read(&state.db, id, from_naive(from), from_naive(to)).await?))
}
