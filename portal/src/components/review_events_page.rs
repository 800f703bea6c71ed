//! `#/review/events`: partners' events awaiting the district admin's
//! review — submissions, and edits of published events — each with its
//! content (as text) and the decision on it.

use std::rc::Rc;

use linan_shared::{EventDto, EventStatus};
use yew::prelude::*;

use super::{EventActions, EventContent, load_view, status_badge};
use crate::api::events;
use crate::context::use_portal;
use crate::events::{EventStep, Organiser, awaits_review, partner_name};
use crate::hooks::use_load;
use crate::i18n::Key;
use crate::wording;

/// The queue: the admin's events list filtered to what awaits review (the API's
/// list holds the district's events, partners' included; it is short —
/// events ended more than 30 days ago are left out).
#[component]
pub fn ReviewEventsPage() -> Html {
    let portal = use_portal();
    let api = portal.api.clone();
    let list = use_load((), move |()| async move { events::list(&api, Organiser::Admin).await });
    let on_done = {
        let (reload, announce) = (list.reload.clone(), portal.announce.clone());
        Callback::from(move |(step, _): (EventStep, EventDto)| {
            announce.emit(step.done());
            reload.emit(());
            // The decided item leaves the queue: keep keyboard focus in the page.
            crate::dom::focus("#main");
        })
    };
    let reload = list.reload.clone();
    let body = load_view(&portal, &list, |events| {
        let queue: Vec<&EventDto> = events.items.iter().filter(|e| awaits_review(e)).collect();
        if queue.is_empty() {
            return html! { <p class="empty">{ portal.t(Key::ReviewEmpty) }</p> };
        }
        let items = queue.into_iter().map(|e| {
            let heading_id = format!("event-{}-title", e.id);
            // For an edit of a published event, the proposed content comes
            // first and the public one is folded away below it.
            let edit = e.revision.as_ref().filter(|_| awaits_review(e) && e.status != EventStatus::PendingReview);
            let proposed = edit.map_or(&e.event, |r| &r.event);
            let title = proposed.title.get(portal.lang).to_owned();
            html! {
                <article class="card review-item" key={e.id} aria-labelledby={heading_id.clone()}>
                    <h2 id={heading_id}>{ title }</h2>
                    <p>
                        { status_badge(e.status.as_str(), portal.t(wording::event_status(e.status))) }
                        { " " }
                        { e.partner_id.map(|id| portal.fill(Key::EventOfPartner, &[("name", &partner_name(portal.lang, e, id))])) }
                    </p>
                    <p class="muted">{ portal.fill(Key::UpdatedAt, &[("at", &wording::time(&e.updated_at))]) }</p>
                    if edit.is_some() {
                        <p class="note">{ portal.t(Key::EventRevisionOfLive) }</p>
                        <h3>{ portal.t(Key::ProposedVersion) }</h3>
                    }
                    <EventContent event={proposed.clone()} />
                    if edit.is_some() {
                        <details>
                            <summary>{ portal.t(Key::LiveVersion) }</summary>
                            <EventContent event={e.event.clone()} />
                        </details>
                    }
                    <EventActions event={Rc::new(e.clone())} organiser={Organiser::Admin} on_done={on_done.clone()}
                        on_reload={reload.clone()} />
                </article>
            }
        });
        html! { <div class="list">{ for items }</div> }
    });
    html! {
        <>
            <h1>{ portal.t(Key::ReviewEventsTitle) }</h1>
            { body }
        </>
    }
}
