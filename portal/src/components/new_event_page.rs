//! `#/events/new`: a new event, saved as a draft of the organiser's
//! district (a partner's: its partner's; a district admin's: theirs; an
//! alliance admin chooses).

use linan_shared::{EventDto, Role};
use yew::prelude::*;

use super::{EventEditor, load_view};
use crate::api::{ClientError, merchant};
use crate::context::use_portal;
use crate::dom::{date_in_days, navigate};
use crate::draft::EventDraft;
use crate::events::Organiser;
use crate::hooks::use_load;
use crate::i18n::Key;
use crate::route::Route;

/// The empty form (starting in two weeks); once saved, the event's own page.
#[component]
pub fn NewEventPage() -> Html {
    let portal = use_portal();
    let account = portal.account().cloned();
    let role = account.as_ref().map_or(Role::Merchant, |a| a.role);
    let organiser = Organiser::of(role);
    // A partner's event is in its partner's district, which the profile names.
    let api = portal.api.clone();
    let district = use_load(account.as_ref().and_then(|a| a.district.clone()), move |own| async move {
        match (own, organiser) {
            (Some(own), _) => Ok(own.to_string()),
            (None, Organiser::Partner) => merchant::partner(&api).await.map(|p| p.profile.district.to_string()),
            (None, Organiser::Admin) => Ok::<_, ClientError>(String::new()),
        }
    });
    let on_saved = {
        let announce = portal.announce.clone();
        Callback::from(move |event: EventDto| {
            announce.emit(Key::DraftCreated);
            navigate(Route::Event(event.id));
        })
    };
    let form = load_view(&portal, &district, |district| {
        let choose_district = role == Role::AllianceAdmin;
        let district = match district.as_str() {
            "" => portal.reference.districts.first().map(|d| d.code.to_string()).unwrap_or_default(),
            own => own.to_owned(),
        };
        let initial = EventDraft::new(&district, &date_in_days(0), &date_in_days(14));
        html! { <EventEditor {organiser} {initial} {choose_district} on_saved={on_saved.clone()} /> }
    });
    html! {
        <>
            <p><a href={Route::Events.href()}>{ portal.t(Key::BackToEvents) }</a></p>
            <h1>{ portal.t(Key::NewEventTitle) }</h1>
            { form }
        </>
    }
}
