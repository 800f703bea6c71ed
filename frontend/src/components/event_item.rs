//! One event in the list: a card whose title is the button that opens it,
//! with when, where, its type, where registration stands and seats left.

use std::rc::Rc;

use linan_shared::{EventSummary, Lang};
use yew::prelude::*;

use crate::event_wording::{availability, seats, type_key, when};
use crate::i18n::{EventKey, t};

/// Props of [`event_item`].
#[derive(Properties, PartialEq)]
pub struct EventItemProps {
    /// UI language.
    pub lang: Lang,
    /// The event.
    pub event: Rc<EventSummary>,
    /// Open its detail.
    pub on_open: Callback<i64>,
}

/// Only the title is inside the button (a short accessible name); CSS
/// stretches its hit area over the card, as for a benefit.
pub fn event_item(props: &EventItemProps) -> Html {
    let (e, lang) = (&props.event, props.lang);
    let onclick = {
        let (on_open, id) = (props.on_open.clone(), e.id);
        Callback::from(move |_: MouseEvent| on_open.emit(id))
    };
    let (state, status) = availability(e);
    html! {
        <li key={e.id} class="lw-item lw-event" role="listitem" data-id={e.id.to_string()} data-type={e.event_type.as_str()}>
            <button type="button" class="lw-open" {onclick}>
                <span class="lw-title">{ &e.title }</span>
            </button>
            <p class="lw-when"><time datetime={e.starts_at.clone()}>{ when(&e.starts_at, &e.ends_at) }</time></p>
            <p class="lw-partner lw-venue">{ venue_line(lang, e) }</p>
            <p class="lw-summary">{ &e.summary }</p>
            <p class="lw-meta">
                <span class="lw-cat lw-type">{ t(lang, type_key(e.event_type)) }</span>
                <span class="lw-status" data-status={status}>{ t(lang, state) }</span>
                if status != "cancelled" {
                    <span class="lw-cat lw-seats">{ seats(lang, e) }</span>
                }
            </p>
        </li>
    }
}

/// The address, or "Online" for an event without one.
pub fn venue_line(lang: Lang, e: &EventSummary) -> String {
    if e.venue.address.is_empty() { t(lang, EventKey::Online).to_owned() } else { e.venue.address.clone() }
}
