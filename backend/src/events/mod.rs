//! Events of the alliance: organisers ([`organiser`]) write them ([`organise`]) and edit
//! them ([`revise`]), the public
//! reads them ([`public`], also as calendar files: [`ical`]), cardholders register and cancel ([`register`],
//! their list [`holder`]), and organisers run the door ([`door`]).
//!
//! Lifecycle: `draft → pending_review → published → cancelled`. A district
//! admin's own events need no review (publishing is their decision); an
//! approved partner submits, and the district admin (or an alliance admin)
//! publishes or rejects, as with offers. Cancelling needs a reason, which
//! every registrant sees.
//!
//! Capacity is taken like a quota use: a conditional update of the event's
//! `seats_taken` (`< capacity`) inside the registration's transaction, so
//! across replicas the database hands out exactly `capacity` seats. A full
//! event with a waitlist hands out positions from its `waitlist_issued`
//! counter in the same way; a cancelled seat goes to the first in line in
//! the cancellation's transaction. Eligibility is [`crate::eligibility::admits`],
//! the one rule of benefits.

pub mod content;
pub mod door;
pub mod holder;
pub mod ical;
pub mod organise;
pub mod organiser;
pub mod public;
pub mod register;
pub mod revise;

use crate::error::ApiError;

/// 409 `event_full`: no seat left and no waitlist.
pub(crate) fn event_full() -> ApiError {
    ApiError::Refused { code: "event_full", message: "this event is full and takes no waitlist" }
}

/// 409 `registration_closed`: outside the window, started, or cancelled.
pub(crate) fn registration_closed() -> ApiError {
    ApiError::Refused { code: "registration_closed", message: "registration for this event is not open" }
}

/// 409 `already_registered`: the person (with any of their cards) has a place.
pub(crate) fn already_registered() -> ApiError {
    ApiError::Refused {
        code: "already_registered",
        message: "the holder is already registered or waitlisted for this event (with this or another of their cards)",
    }
}

/// 409 `event_limit_reached`: the person's yearly limit for this type of event.
pub(crate) fn limit_reached() -> ApiError {
    ApiError::Refused {
        code: "event_limit_reached",
        message: "the holder has reached this year's limit for events of this type",
    }
}
