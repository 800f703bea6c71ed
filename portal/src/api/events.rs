//! `/api/v1/{merchant,admin}/events`: an organiser's events, their
//! lifecycle, and the door (registrants, check-in, the attendee CSV).

use linan_shared::{CardProof, Decision, DoorEntry, DoorList, EventDto, EventInput, EventList, EventWrite};

use super::{Api, ClientError};
use crate::events::{EventStep, Organiser};

/// The organiser's events (ended within 30 days, upcoming, drafts; an
/// admin's include the district's partners' events).
pub async fn list(api: &Api, organiser: Organiser) -> Result<EventList, ClientError> {
    api.get(organiser.base()).await
}

/// One of the organiser's events.
pub async fn one(api: &Api, organiser: Organiser, id: i64) -> Result<EventDto, ClientError> {
    api.get(&format!("{}/{id}", organiser.base())).await
}

/// Saves new content: a draft or a district's own event in place, a
/// partner's published event as an edit waiting for review.
pub async fn update(api: &Api, organiser: Organiser, id: i64, write: &EventWrite) -> Result<EventDto, ClientError> {
    api.put(&format!("{}/{id}", organiser.base()), write).await
}

/// Creates a draft event.
pub async fn create(api: &Api, organiser: Organiser, input: &EventInput) -> Result<EventDto, ClientError> {
    api.post(organiser.base(), input).await
}

/// Submits, publishes, rejects or cancels an event.
pub async fn act(
    api: &Api,
    organiser: Organiser,
    id: i64,
    step: EventStep,
    decision: &Decision,
) -> Result<EventDto, ClientError> {
    api.post(&format!("{}/{id}/{}", organiser.base(), step.segment()), decision).await
}

/// The door list: figures and registrants.
pub async fn door(api: &Api, id: i64) -> Result<DoorList, ClientError> {
    api.get(&format!("/api/v1/merchant/events/{id}/registrations")).await
}

/// Checks a registrant in with their counter code or QR payload.
pub async fn check_in(api: &Api, id: i64, code: &str) -> Result<DoorEntry, ClientError> {
    api.post(&format!("/api/v1/merchant/events/{id}/check-in"), &CardProof::code(code)).await
}

/// Where the attendee list is downloaded from. The session cookie goes
/// with a same-origin link, so a plain `<a download>` is authenticated.
pub fn attendees_csv(id: i64) -> String {
    format!("/api/v1/merchant/events/{id}/attendees.csv")
}
