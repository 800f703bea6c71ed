//! Events of the alliance (研修班, 沙龙, 赛事, 招聘会 …): their types and
//! states, the public list and detail, and a cardholder's registrations.
//! What an organiser writes is [`crate::EventInput`].
//!
//! Times cross the boundary as RFC 3339 strings; the server answers them in
//! China Standard Time (`+08:00`), the alliance's calendar.

use crate::{DistrictCode, EligibilityRule, GeoPoint};

/// Declares a closed enum stored and sent as its snake_case code, with
/// `ALL` and `as_str`, so the serde name, the stored value and the code
/// cannot disagree.
macro_rules! coded_enum {
    ($(#[doc = $doc:tt])* $name:ident { $($(#[doc = $vdoc:tt])* $variant:ident = $code:tt,)* }) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[cfg_attr(feature = "orm", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
        #[cfg_attr(feature = "orm", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::None)"))]
        pub enum $name {
            $(
                $(#[doc = $vdoc])*
                #[serde(rename = $code)]
                #[cfg_attr(feature = "orm", sea_orm(string_value = $code))]
                $variant,
            )*
        }

        impl $name {
            /// Every value.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The stored and sent code.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)*
                }
            }

            /// The value of a code, if it is one.
            pub fn parse(code: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.as_str() == code)
            }
        }
    };
}

coded_enum! {
    /// What kind of event: the alliance's exchange, co-training and joint
    /// recruitment pillars. A closed list.
    EventType {
        /// 研修班: a training class.
        TrainingClass = "training_class",
        /// 联谊沙龙: a networking salon.
        Salon = "salon",
        /// 文体赛事: a cultural or sports match.
        Match = "match",
        /// 论坛、峰会: a forum or summit.
        Forum = "forum",
        /// 项目洽谈会、投资对接: a matchmaking or investment day.
        Matchmaking = "matchmaking",
        /// 实习见习: a youth internship day.
        InternshipDay = "internship_day",
        /// 人才招聘会: a talent job fair.
        JobFair = "job_fair",
    }
}

coded_enum! {
    /// Where an event is in its lifecycle: `draft → pending_review →
    /// published → cancelled`. A district's own events are published by its
    /// admins without review; a partner's go through the review queue.
    EventStatus {
        /// Being written; seen only by its organiser.
        Draft = "draft",
        /// Submitted by a partner, waiting for the district admin.
        PendingReview = "pending_review",
        /// Public; cardholders may register while the window is open.
        Published = "published",
        /// Called off, with a reason every registrant sees.
        Cancelled = "cancelled",
    }
}

coded_enum! {
    /// Where one person's registration for an event stands.
    RegistrationStatus {
        /// Has a seat.
        Registered = "registered",
        /// On the waitlist; a cancelled seat goes to the first in line.
        Waitlisted = "waitlisted",
        /// Cancelled by the holder.
        Cancelled = "cancelled",
    }
}

/// Where an event takes place: an address with a map point, or online.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Venue {
    /// The address in the requested language (empty for an online-only event).
    pub address: String,
    /// The map point, if the event has a place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<GeoPoint>,
    /// The link of an online event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online_url: Option<String>,
}

/// An event in a list: what a card in the widget shows.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventSummary {
    /// Event id, for `/api/v1/events/{id}`.
    pub id: i64,
    /// What kind of event.
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// `published` or `cancelled` (the public never sees other states).
    pub status: EventStatus,
    /// The organising district.
    pub district: DistrictCode,
    /// The organiser's name: the district's, or the partner's.
    pub organiser: String,
    /// Title in the requested language (zh-CN fallback).
    pub title: String,
    /// One-line summary in the requested language.
    pub summary: String,
    /// Start, RFC 3339 in China Standard Time.
    pub starts_at: String,
    /// End, RFC 3339 in China Standard Time.
    pub ends_at: String,
    /// Where.
    pub venue: Venue,
    /// Seats in all.
    pub capacity: u32,
    /// Seats not taken.
    pub seats_left: u32,
    /// Whether a full event takes a waitlist.
    pub waitlist: bool,
    /// Whether registration is open now (published, inside the window, before the start).
    pub registration_open: bool,
    /// Cards it is open to (empty: every valid card of every scheme).
    pub eligibility: Vec<EligibilityRule>,
}

/// An event in full, for its detail page.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventDetail {
    /// Everything the list shows.
    #[serde(flatten)]
    pub summary: EventSummary,
    /// Longer description in the requested language.
    pub description: String,
    /// The agenda in the requested language.
    pub agenda: String,
    /// Registration opens, RFC 3339.
    pub registration_opens_at: String,
    /// Registration closes, RFC 3339.
    pub registration_closes_at: String,
    /// At most this many registrations per person per year for events of
    /// this type, counted across the person's cards (`None`: no such limit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_person_yearly: Option<u32>,
    /// Why it was cancelled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancel_reason: Option<String>,
}

/// A page of events, soonest first.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventPage {
    /// The events of this page.
    pub items: Vec<EventSummary>,
    /// Pass as `cursor` for the next page; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

/// One person's registration for an event, as the holder sees it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegistrationDto {
    /// The event.
    pub event_id: i64,
    /// Its title in the requested language.
    pub title: String,
    /// Its start, RFC 3339.
    pub starts_at: String,
    /// Whether the event still takes place (`cancelled`: see `cancel_reason`).
    pub event_status: EventStatus,
    /// Why the event was cancelled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancel_reason: Option<String>,
    /// Registered, waitlisted or cancelled.
    pub status: RegistrationStatus,
    /// Place on the waitlist (1 is next), while waitlisted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<u32>,
    /// The card it was made with.
    pub card_number: String,
    /// When, RFC 3339.
    pub registered_at: String,
    /// When the holder was checked in at the door.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked_in_at: Option<String>,
}

/// A holder's registrations over all their cards, soonest event first.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegistrationList {
    /// The registrations.
    pub items: Vec<RegistrationDto>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_through_serde() {
        for &t in EventType::ALL {
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.as_str()));
            assert_eq!(EventType::parse(t.as_str()), Some(t));
        }
        assert_eq!(EventType::ALL.len(), 7);
        assert_eq!(EventStatus::parse("pending_review"), Some(EventStatus::PendingReview));
        assert_eq!(RegistrationStatus::parse("waitlisted"), Some(RegistrationStatus::Waitlisted));
        assert_eq!(EventType::parse("party"), None);
    }
}
