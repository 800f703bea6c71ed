//! What an organiser writes: an event's content, venue, times, capacity
//! and eligibility (a cancellation's reason is a [`crate::Decision`]).

use crate::{
    DistrictCode, EligibilityRule, EventStatus, EventType, GeoPoint, LocalizedText, MAX_ELIGIBILITY_RULES,
    MAX_LONG_TEXT_CHARS, MAX_SUMMARY_CHARS, MAX_TITLE_CHARS, RevisionStatus,
    input::{FieldError, check_text, field_error},
};

/// Most seats one event may have.
pub const MAX_CAPACITY: u32 = 100_000;
/// Longest online link, in characters.
pub const MAX_URL_CHARS: usize = 500;

/// Where an event takes place, as written: an address with a map point, an
/// online link, or both.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VenueInput {
    /// The address in each language (required unless online).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<LocalizedText>,
    /// The map point of the address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<GeoPoint>,
    /// An `https://` link for an online event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online_url: Option<String>,
}

/// An event as its organiser writes it. Times are RFC 3339 with an offset
/// (`2026-12-12T14:00:00+08:00`); the server checks their order.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventInput {
    /// The organising district. A partner's event is always its partner's
    /// district; a district admin writes their own district's.
    pub district: DistrictCode,
    /// What kind of event.
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// Title (zh-CN required).
    pub title: LocalizedText,
    /// One-line summary.
    pub summary: LocalizedText,
    /// Description.
    pub description: LocalizedText,
    /// Agenda.
    pub agenda: LocalizedText,
    /// Where.
    pub venue: VenueInput,
    /// Start.
    #[cfg_attr(feature = "openapi", schema(format = DateTime))]
    pub starts_at: String,
    /// End (after the start).
    #[cfg_attr(feature = "openapi", schema(format = DateTime))]
    pub ends_at: String,
    /// Registration opens.
    #[cfg_attr(feature = "openapi", schema(format = DateTime))]
    pub registration_opens_at: String,
    /// Registration closes (after it opens, no later than the start).
    #[cfg_attr(feature = "openapi", schema(format = DateTime))]
    pub registration_closes_at: String,
    /// Seats, 1–100000.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100000))]
    pub capacity: u32,
    /// Whether a full event takes a waitlist.
    pub waitlist: bool,
    /// Cards it is open to (empty: every valid card).
    #[serde(default)]
    pub eligibility: Vec<EligibilityRule>,
    /// At most this many registrations per person per year for events of
    /// this type, across the person's cards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_person_yearly: Option<u32>,
}

impl EventInput {
    /// Checks what can be checked without the reference data or a clock
    /// (texts, venue, capacity, rules); the server parses the times.
    pub fn validate(&self) -> Result<(), FieldError> {
        check_text("title", &self.title, MAX_TITLE_CHARS)?;
        check_text("summary", &self.summary, MAX_SUMMARY_CHARS)?;
        check_text("description", &self.description, MAX_LONG_TEXT_CHARS)?;
        check_text("agenda", &self.agenda, MAX_LONG_TEXT_CHARS)?;
        match (&self.venue.address, &self.venue.online_url) {
            (None, None) => return Err(field_error("venue.address", "is required unless the event is online")),
            (Some(address), _) => check_text("venue.address", address, MAX_SUMMARY_CHARS)?,
            _ => {}
        }
        if self.venue.address.is_some() != self.venue.location.is_some() {
            return Err(field_error("venue.location", "goes with an address (and an address needs one)"));
        }
        if let Some(url) = &self.venue.online_url
            && (!url.starts_with("https://")
                || url.chars().count() > MAX_URL_CHARS
                || url.chars().any(char::is_whitespace))
        {
            return Err(field_error("venue.online_url", "an https:// link of at most 500 characters"));
        }
        if !(1..=MAX_CAPACITY).contains(&self.capacity) {
            return Err(field_error("capacity", "from 1 to 100000"));
        }
        if self.per_person_yearly == Some(0) {
            return Err(field_error("per_person_yearly", "must be above 0"));
        }
        if self.eligibility.len() > MAX_ELIGIBILITY_RULES {
            return Err(field_error("eligibility", format!("at most {MAX_ELIGIBILITY_RULES} rules")));
        }
        for (i, rule) in self.eligibility.iter().enumerate() {
            if self.eligibility[..i].iter().any(|r| r.scheme == rule.scheme) {
                return Err(field_error(format!("eligibility[{i}].scheme"), "is listed twice"));
            }
        }
        Ok(())
    }
}

/// An event as its organiser and reviewers see it: what was written, where
/// it is in its lifecycle, and how full it is.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventDto {
    /// Event id.
    pub id: i64,
    /// The partner running it; absent for a district's own event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_id: Option<i64>,
    /// That partner's name, for its reviewers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_name: Option<LocalizedText>,
    /// Lifecycle state.
    pub status: EventStatus,
    /// Version for optimistic concurrency.
    pub version: i32,
    /// The content.
    pub event: EventInput,
    /// Seats taken.
    pub seats_taken: u32,
    /// Why it was cancelled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancel_reason: Option<String>,
    /// Why the last submission was rejected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_reason: Option<String>,
    /// A partner's edit of its published event, waiting for review (or
    /// refused); the live content above stays public until it is approved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<EventRevisionDto>,
    /// Last change, RFC 3339.
    pub updated_at: String,
}

/// An edit of a partner's published event, waiting for its district admin
/// or refused with a reason.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventRevisionDto {
    /// Review state of the edit.
    pub status: RevisionStatus,
    /// The edited event.
    pub event: EventInput,
    /// Why it was refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// When it was proposed or decided, RFC 3339.
    pub updated_at: String,
}

/// An organiser's edit: the content, at the version the organiser read.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventWrite {
    /// The version the edit is based on (409 `stale_version` otherwise).
    pub version: i32,
    /// The whole content as it should read.
    pub event: EventInput,
}

/// An organiser's or reviewer's events, soonest first.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventList {
    /// The events.
    pub items: Vec<EventDto>,
}
