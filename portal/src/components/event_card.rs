//! One event in an organiser's list: its title (a link, as text), state,
//! type, dates, seats, reasons, and the door.

use linan_shared::{EventDto, EventStatus};
use yew::prelude::*;

use super::status_badge;
use crate::context::Portal;
use crate::events::cst_shown;
use crate::i18n::Key;
use crate::route::Route;
use crate::wording;

/// A list item for `event`.
pub fn event_card(portal: &Portal, event: &EventDto) -> Html {
    let content = &event.event;
    let title = content.title.get(portal.lang).to_owned();
    let when = portal
        .fill(Key::EventWhen, &[("from", &cst_shown(&content.starts_at)), ("until", &cst_shown(&content.ends_at))]);
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
                { " " }{ portal.t(wording::event_type(content.event_type)) }
            </p>
            <p class="muted">{ when }</p>
            <p class="seats">{ seats }</p>
            if let Some(reason) = &event.review_reason {
                <p class="reason">{ portal.fill(Key::EventReviewReason, &[("reason", reason)]) }</p>
            }
            if let Some(reason) = &event.cancel_reason {
                <p class="reason">{ portal.fill(Key::EventCancelReason, &[("reason", reason)]) }</p>
            }
            if has_door {
                <p><a href={Route::EventDoor(event.id).href()}>{ portal.t(Key::EventDoorLink) }</a></p>
            }
        </li>
    }
}
