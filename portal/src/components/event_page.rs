//! `#/events/{id}`: one event for its organiser — state, reasons, the
//! lifecycle steps, the content, and the door once it is public.

use std::rc::Rc;

use linan_shared::{EventDto, EventStatus};
use yew::prelude::*;

use super::{EventActions, EventContent, EventEditor, event_reasons, load_view, status_badge};
use crate::api::events;
use crate::context::use_portal;
use crate::draft::EventDraft;
use crate::events::{EventStep, Organiser, editable, partner_name};
use crate::hooks::use_load;
use crate::i18n::Key;
use crate::route::Route;
use crate::wording;

/// Props of [`EventPage`].
#[derive(Properties, PartialEq)]
pub struct EventPageProps {
    /// The event's id.
    pub id: i64,
}

/// Loads the event; after a step, shows what the API returned.
#[component]
pub fn EventPage(props: &EventPageProps) -> Html {
    let portal = use_portal();
    let organiser = portal.account().map_or(Organiser::Partner, |a| Organiser::of(a.role));
    let api = portal.api.clone();
    let event = use_load(props.id, move |id| async move { events::one(&api, organiser, id).await });
    let on_done = {
        let (set, announce) = (event.set.clone(), portal.announce.clone());
        Callback::from(move |(step, now): (EventStep, EventDto)| {
            announce.emit(step.done());
            set.emit(now);
        })
    };
    let on_saved = {
        let (set, announce) = (event.set.clone(), portal.announce.clone());
        Callback::from(move |now: EventDto| {
            announce.emit(Key::Saved);
            set.emit(now);
        })
    };
    let body = load_view(&portal, &event, |e: &Rc<EventDto>| {
        let title = e.event.title.get(portal.lang).to_owned();
        let has_door = matches!(e.status, EventStatus::Published | EventStatus::Cancelled);
        let seats = portal.fill(
            Key::EventSeats,
            &[("taken", &e.seats_taken.to_string()), ("capacity", &e.event.capacity.to_string())],
        );
        html! {
            <>
                <h1>{ title }</h1>
                <p class="badges">
                    { status_badge(e.status.as_str(), portal.t(wording::event_status(e.status))) }
                    { " " }{ portal.t(wording::event_type(e.event.event_type)) }
                    { " · " }
                    { match e.partner_id {
                        Some(id) => portal.fill(Key::EventOfPartner, &[("name", &partner_name(portal.lang, e, id))]),
                        None => portal.t(Key::EventOwnDistrict).to_owned(),
                    } }
                </p>
                <p class="seats">{ seats }</p>
                { event_reasons(&portal, e) }
                if has_door {
                    <p><a class="button" href={Route::EventDoor(e.id).href()}>{ portal.t(Key::EventDoorLink) }</a></p>
                }
                if let Some(revision) = &e.revision {
                    <section class="card" aria-labelledby="event-revision-title">
                        <h2 id="event-revision-title">
                            { portal.fill(Key::RevisionTitle, &[("status", portal.t(wording::revision_status(revision.status)))]) }
                        </h2>
                        if let Some(reason) = &revision.reason {
                            <p class="reason">{ portal.fill(Key::RevisionReason, &[("reason", reason)]) }</p>
                        }
                        <details>
                            <summary>{ portal.t(Key::ProposedVersion) }</summary>
                            <EventContent event={revision.event.clone()} />
                        </details>
                    </section>
                }
                <EventActions event={e.clone()} {organiser} on_done={on_done.clone()} on_reload={event.reload.clone()} />
                <section aria-labelledby="event-content-title">
                    <h2 id="event-content-title">{ portal.t(Key::EventContentTitle) }</h2>
                    <EventContent event={e.event.clone()} />
                </section>
                <section aria-labelledby="event-edit-title">
                    <h2 id="event-edit-title">{ portal.t(Key::EventEditTitle) }</h2>
                    if editable(organiser, e) {
                        // A new version starts the form over from what the API holds now.
                        <EventEditor key={e.version} {organiser} event={e.clone()}
                            initial={EventDraft::from_input(e.revision.as_ref().map_or(&e.event, |r| &r.event))}
                            on_saved={on_saved.clone()} on_reload={event.reload.clone()} />
                    } else {
                        <p class="note">{ portal.t(edit_note(organiser, e)) }</p>
                    }
                </section>
            </>
        }
    });
    html! {
        <>
            <p><a href={Route::Events.href()}>{ portal.t(Key::BackToEvents) }</a></p>
            { body }
        </>
    }
}

/// Why `event` takes no edit here.
fn edit_note(organiser: Organiser, event: &EventDto) -> Key {
    match event.status {
        EventStatus::PendingReview => Key::EventEditUnderReview,
        EventStatus::Cancelled => Key::EventEditClosed,
        _ if organiser == Organiser::Admin && event.partner_id.is_some() => Key::EventEditPartners,
        _ => Key::EventEditClosed,
    }
}
