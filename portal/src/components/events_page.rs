//! `#/events`: the organiser's events — a partner's own, or an admin's
//! district's (partners' included) — with state, dates and seats.

use yew::prelude::*;

use super::{event_card, load_view};
use crate::api::events;
use crate::context::use_portal;
use crate::events::Organiser;
use crate::hooks::use_load;
use crate::i18n::Key;
use crate::route::Route;

/// A "new event" link and one card per event, soonest first (the API's order).
#[component]
pub fn EventsPage() -> Html {
    let portal = use_portal();
    let organiser = portal.account().map_or(Organiser::Partner, |a| Organiser::of(a.role));
    let api = portal.api.clone();
    let list = use_load(organiser, move |organiser| async move { events::list(&api, organiser).await });
    let body = load_view(&portal, &list, |list| {
        if list.items.is_empty() {
            return html! { <p class="empty">{ portal.t(Key::EventsEmpty) }</p> };
        }
        html! { <ul class="list events">{ for list.items.iter().map(|e| event_card(&portal, e)) }</ul> }
    });
    html! {
        <>
            <div class="title-row">
                <h1>{ portal.t(Key::EventsTitle) }</h1>
                <a class="button primary" href={Route::NewEvent.href()}>{ portal.t(Key::NewEvent) }</a>
            </div>
            { body }
        </>
    }
}
