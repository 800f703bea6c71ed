//! The event form: creates a draft of the organiser's district, or saves
//! new content for an event (for a partner's published event, an edit that
//! waits for the district admin's review).

use std::rc::Rc;

use linan_shared::{EventDto, EventStatus, EventWrite};
use yew::prelude::*;

use super::{EventFields, FormAlert};
use crate::api::events;
use crate::context::use_portal;
use crate::draft::EventDraft;
use crate::events::Organiser;
use crate::hooks::{SubmitHandle, use_draft, use_submit};
use crate::i18n::Key;

const FORM_ID: &str = "event-form";

/// Props of [`EventEditor`].
#[derive(Properties, PartialEq)]
pub struct EventEditorProps {
    /// Who writes it (the API prefix).
    pub organiser: Organiser,
    /// The event edited; `None` for a new one.
    #[prop_or_default]
    pub event: Option<Rc<EventDto>>,
    /// The values the form starts from.
    pub initial: EventDraft,
    /// Whether the district is chosen in the form (alliance admins).
    #[prop_or_default]
    pub choose_district: bool,
    /// The API accepted the form.
    pub on_saved: Callback<EventDto>,
    /// Reload the event (after someone else changed it).
    #[prop_or_default]
    pub on_reload: Option<Callback<()>>,
}

/// A `<form>` with the error summary on top (a refused field is focused
/// and marked where it is) and one submit button.
#[component]
pub fn EventEditor(props: &EventEditorProps) -> Html {
    let portal = use_portal();
    let initial = props.initial.clone();
    let form = use_draft(move || initial);
    let SubmitHandle { busy, error, onsubmit } = {
        let (draft, api, organiser, event) =
            (form.draft.clone(), portal.api.clone(), props.organiser, props.event.clone());
        use_submit(
            FORM_ID,
            move || {
                let input = draft.to_input()?;
                let (api, event) = (api.clone(), event.clone());
                Ok(async move {
                    match &event {
                        Some(e) => {
                            let write = EventWrite { version: e.version, event: input };
                            events::update(&api, organiser, e.id, &write).await
                        }
                        None => events::create(&api, organiser, &input).await,
                    }
                })
            },
            props.on_saved.clone(),
        )
    };
    let edit_waits = props
        .event
        .as_ref()
        .is_some_and(|e| props.organiser == Organiser::Partner && e.status == EventStatus::Published);
    let from_revision = props.event.as_ref().is_some_and(|e| e.revision.is_some());
    let submit = if props.event.is_some() { Key::SaveChanges } else { Key::CreateDraft };
    html! {
        <form id={FORM_ID} class="stack" {onsubmit} novalidate=true aria-busy={busy.then_some("true")}>
            if edit_waits {
                <p class="note">{ portal.t(Key::EventLiveEditNote) }</p>
            }
            if from_revision {
                <p class="note">{ portal.t(Key::EditFromRevision) }</p>
            }
            if let Some(e) = &error {
                <FormAlert error={e.clone()} on_reload={props.on_reload.clone()} />
            }
            <EventFields draft={form.draft.clone()} on_change={form.on_change.clone()}
                choose_district={props.choose_district} error={error.clone()} />
            <div class="buttons">
                <button type="submit" class="primary" disabled={busy}>
                    { portal.t(if busy { Key::Busy } else { submit }) }
                </button>
            </div>
        </form>
    }
}
