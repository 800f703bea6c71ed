//! The offer form: creates a draft, or saves new content for an existing
//! offer (for a live offer, an edit that waits for review).

use std::rc::Rc;

use linan_shared::{BenefitStatus, OfferDto, OfferWrite};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{FormAlert, OfferFields};
use crate::api::merchant;
use crate::context::use_portal;
use crate::dom::date_in_days;
use crate::draft::{FormError, OfferDraft};
use crate::hooks::{use_draft, use_focus_error};
use crate::i18n::Key;

const FORM_ID: &str = "offer-form";

/// Props of [`OfferEditor`].
#[derive(Properties, PartialEq)]
pub struct OfferEditorProps {
    /// The offer edited; `None` for a new one.
    #[prop_or_default]
    pub offer: Option<Rc<OfferDto>>,
    /// The API accepted the form.
    pub on_saved: Callback<OfferDto>,
    /// Reload the offer (after someone else changed it).
    #[prop_or_default]
    pub on_reload: Option<Callback<()>>,
}

/// A `<form>` with the error summary on top and one submit button. An
/// existing offer's form starts from its pending or refused edit, if any,
/// else from its current content.
#[component]
pub fn OfferEditor(props: &OfferEditorProps) -> Html {
    let portal = use_portal();
    let offer = props.offer.clone();
    let form = use_draft(|| match &offer {
        Some(o) => OfferDraft::from_input(o.revision.as_ref().map_or(&o.offer, |r| &r.offer)),
        None => OfferDraft::new(&date_in_days(0), &date_in_days(365)),
    });
    let error = use_state(|| None::<FormError>);
    let busy = use_state(|| false);
    use_focus_error(FORM_ID, (*error).clone());

    let onsubmit = {
        let (draft, error, busy) = (form.draft.clone(), error.clone(), busy.clone());
        let (api, offer, on_saved) = (portal.api.clone(), props.offer.clone(), props.on_saved.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let input = match draft.to_input() {
                Ok(input) => input,
                Err(e) => return error.set(Some(e)),
            };
            let (api, offer, on_saved, error, busy) =
                (api.clone(), offer.clone(), on_saved.clone(), error.clone(), busy.clone());
            busy.set(true);
            error.set(None);
            spawn_local(async move {
                let result = match &offer {
                    Some(o) => {
                        merchant::update_offer(&api, o.id, &OfferWrite { version: o.version, offer: input }).await
                    }
                    None => merchant::create_offer(&api, &input).await,
                };
                busy.set(false);
                match result {
                    Ok(saved) => on_saved.emit(saved),
                    Err(e) => error.set(Some(FormError::from_client(&e))),
                }
            });
        })
    };
    let live =
        props.offer.as_ref().is_some_and(|o| matches!(o.status, BenefitStatus::Published | BenefitStatus::Paused));
    let from_revision = props.offer.as_ref().is_some_and(|o| o.revision.is_some());
    let submit = if props.offer.is_some() { Key::SaveChanges } else { Key::CreateDraft };
    html! {
        <form id={FORM_ID} class="stack" {onsubmit} novalidate=true aria-busy={busy.then_some("true")}>
            if live {
                <p class="note">{ portal.t(Key::LiveEditNote) }</p>
            }
            if from_revision {
                <p class="note">{ portal.t(Key::EditFromRevision) }</p>
            }
            if let Some(e) = &*error {
                <FormAlert error={e.clone()} on_reload={props.on_reload.clone()} />
            }
            <OfferFields draft={form.draft.clone()} on_change={form.on_change.clone()} error={(*error).clone()} />
            <div class="buttons">
                <button type="submit" class="primary" disabled={*busy}>
                    { portal.t(if *busy { Key::Busy } else { submit }) }
                </button>
            </div>
        </form>
    }
}
