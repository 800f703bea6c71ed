//! The counter's input: a code or QR payload (a scanner types it and
//! presses Enter), or a card number with the holder's ID last 4 and birth date.

use linan_shared::CardProof;
use yew::prelude::*;

use super::{FormAlert, TextInput, field_error};
use crate::api::ClientError;
use crate::context::use_portal;
use crate::counter::{ProofDraft, ProofField, error_summary};
use crate::draft::FormError;
use crate::hooks::{use_draft, use_focus_error};
use crate::i18n::Key;

const FORM_ID: &str = "counter-form";

/// Props of [`ProofForm`].
#[derive(Properties, PartialEq)]
pub struct ProofFormProps {
    /// A check is under way.
    pub busy: bool,
    /// Why the last check failed.
    #[prop_or_default]
    pub error: Option<ClientError>,
    /// Check this card.
    pub on_check: Callback<CardProof>,
}

/// One form, so Enter in any field checks; the code field comes first and
/// wins when filled. The page re-creates the form after each successful
/// check, so it is empty for the next customer.
#[component]
pub fn ProofForm(props: &ProofFormProps) -> Html {
    let portal = use_portal();
    let form = use_draft(ProofDraft::default);
    let draft = &form.draft;
    // What was typed, kept as it is typed: a scanner types the payload and
    // Enter in one burst, and the submit must see the last character even if
    // no render happened in between.
    let typed = use_mut_ref(ProofDraft::default);
    let local = use_state(|| None::<FormError>);
    let error = (*local)
        .clone()
        .or_else(|| props.error.as_ref().map(|e| FormError { summary: error_summary(e), ..FormError::from_client(e) }));
    use_focus_error(FORM_ID, error.clone());
    let onsubmit = {
        let (typed, local, on_check, busy) = (typed.clone(), local.clone(), props.on_check.clone(), props.busy);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if busy {
                return;
            }
            let proof = typed.borrow().to_proof();
            match proof {
                Ok(proof) => {
                    local.set(None);
                    on_check.emit(proof);
                }
                Err(e) => local.set(Some(e)),
            }
        })
    };
    let input = |field: ProofField| {
        let (typed, on_change) = (typed.clone(), form.on_change.clone());
        Callback::from(move |value: String| {
            typed.borrow_mut().set(field, value.clone());
            on_change.emit((field, value));
        })
    };
    let error_for = |field: ProofField| field_error(error.as_ref(), field.path());
    html! {
        <form id={FORM_ID} class="stack" {onsubmit} novalidate=true>
            if let Some(e) = &error {
                <FormAlert error={e.clone()} />
            }
            <TextInput id="counter-code" label={portal.t(Key::FieldCounterCode)} hint={portal.t(Key::CounterCodeHint)}
                value={draft.code.clone()} on_input={input(ProofField::Code)} autocomplete="off"
                error={error_for(ProofField::Code)} />
            <fieldset>
                <legend>{ portal.t(Key::CardAlternative) }</legend>
                <div class="pair">
                    <TextInput id="counter-card-number" label={portal.t(Key::FieldCardNumber)} value={draft.card_number.clone()}
                        on_input={input(ProofField::CardNumber)} autocomplete="off" error={error_for(ProofField::CardNumber)} />
                </div>
                <div class="pair">
                    <TextInput id="counter-id-last4" label={portal.t(Key::FieldIdLast4)} value={draft.id_last4.clone()}
                        on_input={input(ProofField::IdLast4)} autocomplete="off" error={error_for(ProofField::IdLast4)} />
                    <TextInput id="counter-birth-date" label={portal.t(Key::FieldBirthDate)} hint={portal.t(Key::BirthDateHint)}
                        value={draft.birth_date.clone()} on_input={input(ProofField::BirthDate)} autocomplete="off"
                        error={error_for(ProofField::BirthDate)} />
                </div>
            </fieldset>
            <div class="buttons">
                <button type="submit" class="primary" disabled={props.busy}>
                    { portal.t(if props.busy { Key::Busy } else { Key::CheckButton }) }
                </button>
            </div>
        </form>
    }
}
