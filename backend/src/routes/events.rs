//! `GET /api/v1/events` and `GET /api/v1/events/{id}`: the public events,
//! with ETags and the response cache as benefits have them.
//!
//! The cache key names the events version (registrations move seats left)
//! and the minute (registration opens and closes at a time of day), besides
//! the catalogue version, the route and its normalised parameters. The
//! same answers come as iCalendar files (`events.ics`, `{id}.ics`).

use axum::{
    Router,
    body::Bytes,
    extract::{Path, State},
    http::HeaderMap,
    response::Response,
    routing::get,
};
use chrono::{DateTime, Utc};
use linan_shared::{ErrorBody, EventDetail, EventPage, EventQuery};

use crate::{
    error::ApiError,
    events::{ical, public},
    http::{
        cached::{CacheKey, cached_body, cached_json},
        lang::{AskedLang, response_lang},
        query::QueryOf,
    },
    state::AppState,
};

/// The public event routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/events", get(list))
        .route("/api/v1/events.ics", get(list_ics))
        // `{id}.ics` shares the segment (the router takes no suffixes): see [`detail`].
        .route("/api/v1/events/{id}", get(detail))
}

/// Now, to the minute: what an event answer depends on, and its cache key.
fn minute(state: &AppState) -> DateTime<Utc> {
    let now = state.clock.now().timestamp();
    DateTime::from_timestamp(now - now.rem_euclid(60), 0).unwrap_or_default()
}

/// The cache key of an event answer: events version and minute, then `params`.
fn key(state: &AppState, route: &str, params: &str, at: DateTime<Utc>, lang: linan_shared::Lang) -> CacheKey {
    let params = format!("{}|{}|{params}", state.catalogue.events_version(), at.timestamp());
    CacheKey::new(state, route, &params, crate::calendar::day_of(at), Some(lang))
}

/// Upcoming public events (published, and cancelled ones with their reason), soonest first.
#[utoipa::path(get, path = "/api/v1/events", tag = "events",
    params(
        ("district" = Option<linan_shared::DistrictCode>, Query, description = "Only events organised in this district."),
        ("type" = Option<linan_shared::EventType>, Query, description = "Only events of this type."),
        ("from" = Option<String>, Query, format = Date, description = "Only events starting on or after this day (China Standard Time); otherwise events that have not ended."),
        ("to" = Option<String>, Query, format = Date, description = "Only events starting on or before this day."),
        ("q" = Option<String>, Query, max_length = 100, description = "Search terms, space-separated, all must match (Chinese of any length, English case-insensitive)."),
        ("scheme" = Option<linan_shared::SchemeCode>, Query, description = "With `tier`: only events a card of this scheme and tier may register for (directly or through recognition)."),
        ("tier" = Option<linan_shared::TierCode>, Query, description = "The card's tier; required with `scheme`."),
        ("cursor" = Option<String>, Query, min_length = 1, max_length = 512, description = "`next_cursor` of the previous page."),
        ("limit" = Option<u32>, Query, minimum = 1, maximum = 100, description = "Page size, default 20."),
        ("lang" = Option<linan_shared::Lang>, Query, description = "Text language; otherwise `Accept-Language`, then zh-CN."),
        ("If-None-Match" = Option<String>, Header, description = "An ETag from a previous answer; 304 if unchanged."),
    ),
    responses(
        (status = 200, description = "A page of events", body = EventPage),
        (status = 304, description = "Not modified since the ETag in If-None-Match"),
        (status = 400, description = "A parameter is invalid; `error.param` names it", body = ErrorBody),
    ))]
pub async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    QueryOf(query): QueryOf<EventQuery>,
) -> Result<Response, ApiError> {
    let lang = response_lang(query.lang, &headers);
    let canonical = EventQuery { lang: None, ..query.clone() };
    let params = serde_urlencoded::to_string(&canonical).map_err(|e| ApiError::Internal(e.to_string()))?;
    let at = minute(&state);
    cached_json(&state, &headers, key(&state, "events", &params, at, lang), || async {
        let reference = state.catalogue.reference(&state.db).await?;
        public::list(&state.db, &reference, &query, lang, at).await
    })
    .await
}

/// One public event in full (a cancelled one with its reason).
#[utoipa::path(get, path = "/api/v1/events/{id}", tag = "events",
    params(
        ("id" = i64, Path, description = "Event id."),
        ("lang" = Option<linan_shared::Lang>, Query, description = "Text language; otherwise `Accept-Language`, then zh-CN."),
        ("If-None-Match" = Option<String>, Header, description = "An ETag from a previous answer; 304 if unchanged."),
    ),
    responses(
        (status = 200, description = "The event", body = EventDetail),
        (status = 304, description = "Not modified since the ETag in If-None-Match"),
        (status = 400, description = "Malformed id or language", body = ErrorBody),
        (status = 404, description = "No such public event", body = ErrorBody),
    ))]
pub async fn detail(
    State(state): State<AppState>,
    Path(raw): Path<String>,
    headers: HeaderMap,
    AskedLang(lang): AskedLang,
) -> Result<Response, ApiError> {
    let (id, ics) = match raw.strip_suffix(".ics") {
        Some(id) => (id, true),
        None => (raw.as_str(), false),
    };
    let id = id
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| ApiError::invalid("id", "must be a positive integer id"))?;
    let at = minute(&state);
    if ics {
        return cached_body(
            &state,
            &headers,
            key(&state, "event.ics", &id.to_string(), at, lang),
            CALENDAR,
            || async {
                let reference = state.catalogue.reference(&state.db).await?;
                let detail = public::detail(&state.db, &reference, id, lang, at).await?;
                Ok(Bytes::from(ical::of_one(&detail, lang, at)))
            },
        )
        .await;
    }
    cached_json(&state, &headers, key(&state, "event", &id.to_string(), at, lang), || async {
        let reference = state.catalogue.reference(&state.db).await?;
        public::detail(&state.db, &reference, id, lang, at).await
    })
    .await
}

/// The content type of the calendar files.
const CALENDAR: &str = "text/calendar; charset=utf-8";

/// The list's events (its first page, at most `limit`, default 20, up to 100) as an iCalendar file.
#[utoipa::path(get, path = "/api/v1/events.ics", tag = "events",
    params(
        ("district" = Option<linan_shared::DistrictCode>, Query, description = "Only events organised in this district."),
        ("type" = Option<linan_shared::EventType>, Query, description = "Only events of this type."),
        ("from" = Option<String>, Query, format = Date, description = "Only events starting on or after this day."),
        ("to" = Option<String>, Query, format = Date, description = "Only events starting on or before this day."),
        ("q" = Option<String>, Query, max_length = 100, description = "Search terms, as for the list."),
        ("scheme" = Option<linan_shared::SchemeCode>, Query, description = "With `tier`: only events a card of this scheme and tier may register for."),
        ("tier" = Option<linan_shared::TierCode>, Query, description = "The card's tier; required with `scheme`."),
        ("limit" = Option<u32>, Query, minimum = 1, maximum = 100, description = "How many events, default 20."),
        ("lang" = Option<linan_shared::Lang>, Query, description = "Text language."),
        ("If-None-Match" = Option<String>, Header, description = "An ETag from a previous answer; 304 if unchanged."),
    ),
    responses(
        (status = 200, description = "RFC 5545 calendar; times in UTC", content_type = "text/calendar"),
        (status = 304, description = "Not modified since the ETag in If-None-Match"),
        (status = 400, description = "A parameter is invalid; `error.param` names it", body = ErrorBody),
    ))]
pub async fn list_ics(
    State(state): State<AppState>,
    headers: HeaderMap,
    QueryOf(query): QueryOf<EventQuery>,
) -> Result<Response, ApiError> {
    let lang = response_lang(query.lang, &headers);
    let query = EventQuery { cursor: None, ..query };
    let canonical = EventQuery { lang: None, ..query.clone() };
    let params = serde_urlencoded::to_string(&canonical).map_err(|e| ApiError::Internal(e.to_string()))?;
    let at = minute(&state);
    cached_body(&state, &headers, key(&state, "events.ics", &params, at, lang), CALENDAR, || async {
        let reference = state.catalogue.reference(&state.db).await?;
        let page = public::list(&state.db, &reference, &query, lang, at).await?;
        Ok(Bytes::from(ical::of_list(&page.items, lang, at)))
    })
    .await
}

/// One public event as an iCalendar file (answered by the `{id}` route).
#[utoipa::path(get, path = "/api/v1/events/{id}.ics", tag = "events",
    params(
        ("id" = i64, Path, description = "Event id."),
        ("lang" = Option<linan_shared::Lang>, Query, description = "Text language."),
        ("If-None-Match" = Option<String>, Header, description = "An ETag from a previous answer; 304 if unchanged."),
    ),
    responses(
        (status = 200, description = "RFC 5545 calendar of the event; times in UTC", content_type = "text/calendar"),
        (status = 304, description = "Not modified since the ETag in If-None-Match"),
        (status = 400, description = "Malformed id or language", body = ErrorBody),
        (status = 404, description = "No such public event", body = ErrorBody),
    ))]
#[allow(dead_code)] // documentation only: `detail` answers the path
fn detail_ics() {}
