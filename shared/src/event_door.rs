//! The door of an event: who is registered (names and card tier — never
//! ID data), the check-in, and the figures.

use crate::{RegistrationStatus, SchemeCode, TierCode};

/// One registrant, as the organiser's door list shows them.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DoorEntry {
    /// The registration's id.
    pub registration_id: i64,
    /// The holder's name as printed on the card.
    pub holder_name: String,
    /// The card's scheme.
    pub scheme: SchemeCode,
    /// The card's tier.
    pub tier: TierCode,
    /// Registered or waitlisted (cancelled ones are not listed).
    pub status: RegistrationStatus,
    /// Place in line, while waitlisted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<u32>,
    /// When checked in at the door, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked_in_at: Option<String>,
}

/// An event's figures at the door.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DoorFigures {
    /// Holders with a seat.
    pub registered: u32,
    /// Holders in line.
    pub waitlisted: u32,
    /// Holders with a seat who were checked in.
    pub checked_in: u32,
    /// Holders with a seat not checked in, once the event has ended (0 before).
    pub no_shows: u32,
}

/// The door list of an event: its figures and registrants (seated first,
/// then the line in order).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DoorList {
    /// The figures.
    pub figures: DoorFigures,
    /// The registrants.
    pub items: Vec<DoorEntry>,
}
