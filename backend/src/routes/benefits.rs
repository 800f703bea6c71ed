//! `GET /api/v1/benefits` and `GET /api/v1/benefits/{id}`.

use axum::{Router, extract::State, http::HeaderMap, response::Response, routing::get};
use linan_shared::{BenefitDetail, BenefitPage, BenefitQuery, ErrorBody};

use crate::{
    calendar::to_naive,
    catalogue::{benefit_detail, list_benefits},
    error::ApiError,
    http::{
        cached::{CacheKey, cached_body, cached_json},
        lang::{AskedLang, response_lang},
        path::PathId,
        query::QueryPairs,
    },
    state::AppState,
};

/// The catalogue's benefit routes.
pub fn router() -> Router<AppState> {
    Router::new().route("/api/v1/benefits", get(list)).route("/api/v1/benefits/{id}", get(detail))
}

/// List public benefits: filter, search, sort and paginate.
#[utoipa::path(
    get,
    path = "/api/v1/benefits",
    tag = "catalogue",
    params(
        ("district" = Option<linan_shared::DistrictCode>, Query, description = "Only benefits of partners in this district, e.g. `nanhai`."),
        ("category" = Option<linan_shared::CategoryCode>, Query, description = "Only this category, e.g. `scenic_discount`."),
        ("partner" = Option<i64>, Query, description = "Only this partner's benefits."),
        ("scheme" = Option<linan_shared::SchemeCode>, Query, description = "With `tier`: only benefits a card of this scheme and tier reaches, directly or through the recognition table."),
        ("tier" = Option<linan_shared::TierCode>, Query, description = "The card's tier; required with `scheme`."),
        ("valid_on" = Option<String>, Query, format = Date, description = "Valid on this day (YYYY-MM-DD, today or later) instead of today."),
        ("q" = Option<String>, Query, max_length = 100, description = "Search terms, space-separated, all must match (Chinese of any length, English case-insensitive); at most 100 characters."),
        ("near" = Option<String>, Query, description = "`lat,lon`: adds `distance_km`; needed by `radius_km` and `sort=nearest`."),
        ("radius_km" = Option<f64>, Query, exclusive_minimum = 0, maximum = 500, description = "Only within this many kilometres of `near` (0 < r ≤ 500)."),
        ("sort" = Option<linan_shared::SortOrder>, Query, description = "Order: `newest` (default), `nearest`, `ending_soon`, `relevance` (default with `q`)."),
        ("cursor" = Option<String>, Query, min_length = 1, max_length = 512, description = "`next_cursor` of the previous page."),
        ("limit" = Option<u32>, Query, minimum = 1, maximum = 100, description = "Page size, default 20."),
        ("lang" = Option<linan_shared::Lang>, Query, description = "Text language; otherwise `Accept-Language`, then zh-CN."),
        ("If-None-Match" = Option<String>, Header, description = "An ETag from a previous answer; 304 if unchanged."),
        ("Accept-Language" = Option<String>, Header, description = "Preferred languages when `lang` is absent."),
    ),
    responses(
        (status = 200, description = "A page of benefits", body = BenefitPage),
        (status = 304, description = "Not modified since the ETag in If-None-Match"),
        (status = 400, description = "A parameter is invalid; `error.param` names it", body = ErrorBody),
        (status = 503, description = "Database busy or unreachable; retry (Retry-After)", body = ErrorBody),
    )
)]
pub async fn list(State(state): State<AppState>, headers: HeaderMap, pairs: QueryPairs) -> Result<Response, ApiError> {
    let ListRequest { query, lang, day, key } = ListRequest::read(&state, &headers, &pairs)?;
    cached_body(&state, &headers, key, "application/json", || async {
        let reference = state.catalogue.reference(&state.db).await?;
        let model = state.catalogue.read_model();
        Ok(list_benefits(&state.db, &reference, model.as_deref(), &query, lang, day).await?.into())
    })
    .await
}

/// A list request as the list reads it: the query, the answer's language
/// and day, and the cache key they make. Also read by
/// [`crate::http::front`], which answers a cached page before the middleware.
pub struct ListRequest {
    /// The parsed query.
    pub query: BenefitQuery,
    /// The answer's language (`lang`, else `Accept-Language`).
    pub lang: linan_shared::Lang,
    /// The day the validity windows are judged on.
    pub day: chrono::NaiveDate,
    /// The response cache's key.
    pub key: CacheKey,
}

impl ListRequest {
    /// Reads `pairs` and `headers`; 400 for a bad parameter.
    pub fn read(state: &AppState, headers: &HeaderMap, pairs: &QueryPairs) -> Result<Self, ApiError> {
        let query = BenefitQuery::from_pairs(pairs.iter())?;
        let today = state.clock.today();
        let day = match query.valid_on.map(to_naive) {
            Some(day) if day < today => return Err(ApiError::invalid("valid_on", "must be today or later")),
            Some(day) => day,
            None => today,
        };
        let lang = response_lang(query.lang, headers);
        let canonical = BenefitQuery { lang: None, ..query.clone() };
        let key = CacheKey::new(state, "benefits", &canonical.to_query_string(), day, Some(lang));
        Ok(ListRequest { query, lang, day, key })
    }
}

/// One public benefit in full, including terms.
#[utoipa::path(
    get,
    path = "/api/v1/benefits/{id}",
    tag = "catalogue",
    params(
        ("id" = i64, Path, description = "Benefit id."),
        ("lang" = Option<linan_shared::Lang>, Query, description = "Text language; otherwise `Accept-Language`, then zh-CN."),
        ("If-None-Match" = Option<String>, Header, description = "An ETag from a previous answer; 304 if unchanged."),
    ),
    responses(
        (status = 200, description = "The benefit", body = BenefitDetail),
        (status = 304, description = "Not modified since the ETag in If-None-Match"),
        (status = 400, description = "Malformed id or language", body = ErrorBody),
        (status = 503, description = "Database busy or unreachable; retry (Retry-After)", body = ErrorBody),
        (status = 404, description = "No such public benefit", body = ErrorBody),
    )
)]
pub async fn detail(
    State(state): State<AppState>,
    PathId(id): PathId,
    headers: HeaderMap,
    AskedLang(lang): AskedLang,
) -> Result<Response, ApiError> {
    let day = state.clock.today();
    let key = CacheKey::new(&state, "benefit", &id.to_string(), day, Some(lang));
    cached_json(&state, &headers, key, || async {
        let reference = state.catalogue.reference(&state.db).await?;
        benefit_detail(&state.db, &reference, id, lang, day).await
    })
    .await
}
