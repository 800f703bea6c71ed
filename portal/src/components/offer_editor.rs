//! The offer form: creates a draft, or saves new content for an existing
//! offer (for a live offer, an edit that waits for review).

use std::rc::Rc;

use linan_shared::{BenefitStatus, OfferDto, OfferWrite};
use yew::prelude::*;

use super::{FormAlert, OfferFields};
use crate::api::merchant;
use crate::context::use_portal;
use crate::dom::date_in_days;
use crate::draft::OfferDraft;
use crate::hooks::{SubmitHandle, use_draft, use_submit};
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
    let SubmitHandle { busy, error, onsubmit } = {
        let (draft, api, offer) = (form.draft.clone(), portal.api.clone(), props.offer.clone());
        use_submit(
            FORM_ID,
            move || {
                let input = draft.to_input()?;
                let (api, offer) = (api.clone(), offer.clone());
                Ok(async move {
                    match &offer {
                        Some(o) => {
                            merchant::update_offer(&api, o.id, &OfferWrite { version: o.version, offer: input }).await
                        }
                        None => merchant::create_offer(&api, &input).await,
                    }
                })
            },
            props.on_saved.clone(),
        )
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
            if let Some(e) = &error {
                <FormAlert error={e.clone()} on_reload={props.on_reload.clone()} />
            }
            <OfferFields draft={form.draft.clone()} on_change={form.on_change.clone()} error={error.clone()} />
            <div class="buttons">
                <button type="submit" class="primary" disabled={busy}>
                    { portal.t(if busy { Key::Busy } else { submit }) }
                </button>
            </div>
        </form>
    }
}
