//! The event form: creates a draft of the organiser's district.

use linan_shared::EventDto;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{EventFields, FormAlert};
use crate::api::events;
use crate::context::use_portal;
use crate::draft::{EventDraft, FormError};
use crate::events::Organiser;
use crate::hooks::{use_draft, use_focus_error};
use crate::i18n::Key;

const FORM_ID: &str = "event-form";

/// Props of [`EventEditor`].
#[derive(Properties, PartialEq)]
pub struct EventEditorProps {
    /// Who writes it (the API prefix).
    pub organiser: Organiser,
    /// The values the form starts from.
    pub initial: EventDraft,
    /// Whether the district is chosen in the form (alliance admins).
    #[prop_or_default]
    pub choose_district: bool,
    /// The API accepted the form.
    pub on_saved: Callback<EventDto>,
}

/// A `<form>` with the error summary on top (a refused field is focused
/// and marked where it is) and one submit button.
#[component]
pub fn EventEditor(props: &EventEditorProps) -> Html {
    let portal = use_portal();
    let initial = props.initial.clone();
    let form = use_draft(move || initial);
    let error = use_state(|| None::<FormError>);
    let busy = use_state(|| false);
    use_focus_error(FORM_ID, (*error).clone());

    let onsubmit = {
        let (draft, error, busy) = (form.draft.clone(), error.clone(), busy.clone());
        let (api, organiser, on_saved) = (portal.api.clone(), props.organiser, props.on_saved.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let input = match draft.to_input() {
                Ok(input) => input,
                Err(e) => return error.set(Some(e)),
            };
            let (api, on_saved, error, busy) = (api.clone(), on_saved.clone(), error.clone(), busy.clone());
            busy.set(true);
            error.set(None);
            spawn_local(async move {
                let result = events::create(&api, organiser, &input).await;
                busy.set(false);
                match result {
                    Ok(saved) => on_saved.emit(saved),
                    Err(e) => error.set(Some(FormError::from_client(&e))),
                }
            });
        })
    };
    html! {
        <form id={FORM_ID} class="stack" {onsubmit} novalidate=true aria-busy={busy.then_some("true")}>
            if let Some(e) = &*error {
                <FormAlert error={e.clone()} />
            }
            <EventFields draft={form.draft.clone()} on_change={form.on_change.clone()}
                choose_district={props.choose_district} error={(*error).clone()} />
            <div class="buttons">
                <button type="submit" class="primary" disabled={*busy}>
                    { portal.t(if *busy { Key::Busy } else { Key::CreateDraft }) }
                </button>
            </div>
        </form>
    }
}
