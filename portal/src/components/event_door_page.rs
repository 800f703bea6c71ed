//! `#/events/{id}/door`: an event's door for its organiser — the figures,
//! the check-in with the holder's code, the registrants (names and card
//! tier, never ID data) and the attendee list as CSV.

use linan_shared::{DoorEntry, DoorList, china_time};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{CheckInForm, load_view};
use crate::api::{ClientError, events};
use crate::context::{Portal, use_portal};
use crate::events::Organiser;
use crate::hooks::use_load;
use crate::i18n::Key;
use crate::route::Route;
use crate::wording;

/// Props of [`EventDoorPage`].
#[derive(Properties, PartialEq)]
pub struct EventDoorPageProps {
    /// The event's id.
    pub id: i64,
}

/// Where the last check-in stands.
#[derive(Clone, PartialEq, Default)]
struct Door {
    /// A check-in is under way.
    busy: bool,
    /// Check-ins done on this page (the form is re-created after each).
    done: u32,
    /// The last one checked in.
    last: Option<DoorEntry>,
    /// Why the last one was refused.
    error: Option<ClientError>,
}

/// The figures and the list reload after each check-in.
#[component]
pub fn EventDoorPage(props: &EventDoorPageProps) -> Html {
    let portal = use_portal();
    let id = props.id;
    let organiser = portal.account().map_or(Organiser::Partner, |a| Organiser::of(a.role));
    let door = use_state(Door::default);
    let api = portal.api.clone();
    let title = use_load(id, move |id| async move { events::one(&api, organiser, id).await.map(|e| e.event.title) });
    let api = portal.api.clone();
    let list = use_load((id, door.done), move |(id, _)| async move { events::door(&api, id).await });
    let on_check_in = {
        let (api, door, announce) = (portal.api.clone(), door.clone(), portal.announce.clone());
        Callback::from(move |code: String| {
            let (api, door, announce) = (api.clone(), door.clone(), announce.clone());
            let before = (*door).clone();
            door.set(Door { busy: true, ..before.clone() });
            spawn_local(async move {
                match events::check_in(&api, id, &code).await {
                    Ok(entry) => {
                        announce.emit(Key::DoorDoneCheckedIn);
                        door.set(Door { busy: false, done: before.done + 1, last: Some(entry), error: None });
                    }
                    Err(e) => door.set(Door { busy: false, error: Some(e), last: None, ..before }),
                }
            });
        })
    };
    let heading = match &title.state {
        crate::hooks::Load::Ready(t) => portal.fill(Key::DoorTitle, &[("title", t.get(portal.lang))]),
        _ => portal.fill(Key::DoorTitle, &[("title", &format!("#{id}"))]),
    };
    let schemes = &portal.reference.schemes;
    let last = door.last.as_ref().map(|entry| {
        let (_, tier) = wording::scheme_tier(portal.lang, &entry.scheme, &entry.tier, schemes);
        portal.fill(Key::DoorCheckedInAs, &[("name", &entry.holder_name), ("tier", &tier)])
    });
    let body = load_view(&portal, &list, |list| door_list(&portal, id, list));
    html! {
        <>
            <p><a href={Route::Event(id).href()}>{ portal.t(Key::BackToEvent) }</a></p>
            <h1>{ heading }</h1>
            <section class="card" aria-labelledby="check-in-title">
                <h2 id="check-in-title">{ portal.t(Key::DoorCheckInTitle) }</h2>
                <p class="muted">{ portal.t(Key::DoorCheckInIntro) }</p>
                <CheckInForm key={door.done} busy={door.busy} error={door.error.clone()} {on_check_in} />
                if let Some(last) = last {
                    <p class="done" id="check-in-result">{ last }</p>
                }
            </section>
            { body }
        </>
    }
}

/// The figures, the CSV link and the registrants' table.
fn door_list(portal: &Portal, id: i64, list: &DoorList) -> Html {
    let figures = list.figures;
    let figure = |key: Key, n: u32, class: &'static str| {
        html! { <div class={classes!("figure", class)}><dt>{ portal.t(key) }</dt><dd>{ n }</dd></div> }
    };
    let schemes = &portal.reference.schemes;
    let rows = list.items.iter().map(|entry| {
        let (scheme, tier) = wording::scheme_tier(portal.lang, &entry.scheme, &entry.tier, schemes);
        html! {
            <tr key={entry.registration_id}>
                <td>{ entry.holder_name.clone() }</td>
                <td>{ format!("{scheme} · {tier}") }</td>
                <td>{ portal.t(wording::registration_status(entry.status)) }</td>
                <td>{ entry.position.map(|p| p.to_string()).unwrap_or_default() }</td>
                <td>{ entry.checked_in_at.as_deref().map_or_else(|| portal.t(Key::DoorNotCheckedIn).to_owned(), china_time) }</td>
            </tr>
        }
    });
    html! {
        <>
            <section aria-labelledby="door-figures-title">
                <h2 id="door-figures-title">{ portal.t(Key::DoorFiguresTitle) }</h2>
                <dl class="door-figures">
                    { figure(Key::DoorRegistered, figures.registered, "registered") }
                    { figure(Key::DoorWaitlisted, figures.waitlisted, "waitlisted") }
                    { figure(Key::DoorCheckedIn, figures.checked_in, "checked-in") }
                    { figure(Key::DoorNoShows, figures.no_shows, "no-shows") }
                </dl>
            </section>
            <section aria-labelledby="door-list-title">
                <div class="title-row">
                    <h2 id="door-list-title">{ portal.t(Key::DoorListTitle) }</h2>
                    // Same origin: the session cookie goes with the link.
                    <a class="button" href={events::attendees_csv(id)} download={format!("event-{id}-attendees.csv")}>
                        { portal.t(Key::DoorCsv) }
                    </a>
                </div>
                if list.items.is_empty() {
                    <p class="empty">{ portal.t(Key::DoorEmpty) }</p>
                } else {
                    <div class="table-wrap">
                        <table class="figures door-list">
                            <thead>
                                <tr>
                                    <th scope="col">{ portal.t(Key::DoorColName) }</th>
                                    <th scope="col">{ portal.t(Key::DoorColCard) }</th>
                                    <th scope="col">{ portal.t(Key::DoorColStatus) }</th>
                                    <th scope="col">{ portal.t(Key::DoorColPlace) }</th>
                                    <th scope="col">{ portal.t(Key::DoorColCheckedIn) }</th>
                                </tr>
                            </thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    </div>
                }
            </section>
        </>
    }
}
