//! The public event list's query (`GET /api/v1/events`, and `events.ics`
//! with the same filters).

use crate::{Date, DistrictCode, EventType, Lang, SchemeCode, TierCode};

/// Filters and paging of the public event list. Serde reads it from the
/// query string (a parameter given twice is refused, unknown ones are
/// ignored as hosts add cache-busters) and writes it back as the cache key,
/// so both agree on every name.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct EventQuery {
    /// Only events organised in this district.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<DistrictCode>,
    /// Only events of this type.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub event_type: Option<EventType>,
    /// Only events starting on or after this day (China Standard Time);
    /// without it, events that have not ended yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// Only events starting on or before this day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    /// Search terms, space-separated, all must match (the catalogue's rule).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    /// With `tier`: only events a card of this scheme and tier may register for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<SchemeCode>,
    /// The card's tier; goes with `scheme`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<TierCode>,
    /// Text language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    /// `next_cursor` of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Page size, 1–100 (default 20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}
