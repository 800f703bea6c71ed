//! One event in an organiser's list: its title (a link, as text), state,
//! type, dates, seats, reasons, and the door.

use linan_shared::{EventDto, EventStatus, china_time};
use yew::prelude::*;

use super::status_badge;
use crate::context::Portal;
use crate::i18n::Key;
use crate::route::Route;
use crate::wording;

/// Why the event was sent back or cancelled, when it was (as text).
pub fn event_reasons(portal: &Portal, event: &EventDto) -> Html {
    let reasons = [(Key::EventReviewReason, &event.review_reason), (Key::EventCancelReason, &event.cancel_reason)];
    reasons
        .into_iter()
        .filter_map(|(key, reason)| reason.as_ref().map(|r| (key, r)))
        .map(|(key, reason)| html! { <p class="reason">{ portal.fill(key, &[("reason", reason)]) }</p> })
        .collect()
}

/// A list item for `event`.
pub fn event_card(portal: &Portal, event: &EventDto) -> Html {
    let content = &event.event;
    let title = content.title.get(portal.lang).to_owned();
    let when = portal
        .fill(Key::EventWhen, &[("from", &china_time(&content.starts_at)), ("until", &china_time(&content.ends_at))]);
    let seats = portal.fill(
        Key::EventSeats,
        &[("taken", &event.seats_taken.to_string()), ("capacity", &content.capacity.to_string())],
    );
    let has_door = matches!(event.status, EventStatus::Published | EventStatus::Cancelled);
    html! {
        <li class="card event" key={event.id} data-id={event.id.to_string()}>
            <h2><a href={Route::Event(event.id).href()}>{ title }</a></h2>
            <p class="badges">
                { status_badge(event.status.as_str(), portal.t(wording::event_status(event.status))) }
                if let Some(revision) = &event.revision {
                    { " " }{ status_badge(revision.status.as_str(), portal.t(wording::revision_status(revision.status))) }
                }
                { " " }{ portal.t(wording::event_type(content.event_type)) }
            </p>
            <p class="muted">{ when }</p>
            <p class="seats">{ seats }</p>
            { event_reasons(portal, event) }
            if has_door {
                <p><a href={Route::EventDoor(event.id).href()}>{ portal.t(Key::EventDoorLink) }</a></p>
            }
        </li>
    }
}
