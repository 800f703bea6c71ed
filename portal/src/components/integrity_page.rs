//! `#/integrity`: the integrity list — an admin puts a hold on a card, or on
//! its holder (all their cards), with a reason, or lifts one; below, the holds
//! in force with their deciding district and whether this admin may lift each.

use linan_shared::{CardNumber, FieldError, ReasonRequest};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{Choice, FormAlert, HoldsList, SelectInput, TextArea, TextInput, field_error};
use crate::actions::IntegrityAction;
use crate::api::{ClientError, admin};
use crate::context::use_portal;
use crate::draft::FormError;
use crate::hooks::use_focus_error;
use crate::i18n::Key;

const FORM_ID: &str = "integrity-form";

/// What the API said to an integrity action, in the admin's words: a card
/// outside the district reads as missing, a repeated action as "already".
fn refusal(error: &ClientError) -> FormError {
    let summary = match error.code() {
        Some("not_found") => Key::IntegrityNotFound,
        Some("invalid_state") => Key::IntegrityAlready,
        Some("hold_not_yours") => Key::IntegrityNotYours,
        _ => error.summary(),
    };
    FormError { summary, ..FormError::from_client(error) }
}

/// The form (card number, action, reason) and the last result.
#[component]
pub fn IntegrityPage() -> Html {
    let portal = use_portal();
    let number = use_state(String::new);
    let action = use_state(|| IntegrityAction::SuspendCard);
    let reason = use_state(String::new);
    let error = use_state(|| None::<FormError>);
    let done = use_state(|| None::<(IntegrityAction, String)>);
    let busy = use_state(|| false);
    let generation = use_state(|| 0_u32);
    use_focus_error(FORM_ID, (*error).clone());
    let onsubmit = {
        let (api, number, action, reason) = (portal.api.clone(), number.clone(), *action, reason.clone());
        let (error, done, busy, generation) = (error.clone(), done.clone(), busy.clone(), generation.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let why = Some(reason.trim().to_owned()).filter(|r| !r.is_empty());
            if number.trim().is_empty() {
                return error.set(Some(FormError::local("number", Key::HintRequired)));
            }
            let card = match CardNumber::parse(&number) {
                Ok(card) => card.into_string(),
                Err(e) => {
                    let field = FieldError { field: "number".into(), message: e.to_string() };
                    return error.set(Some(FormError::from_field(&field)));
                }
            };
            if action.needs_reason() && why.is_none() {
                return error.set(Some(FormError::local("reason", Key::HintSuspendReason)));
            }
            let (api, error, done, busy, generation) =
                (api.clone(), error.clone(), done.clone(), busy.clone(), generation.clone());
            busy.set(true);
            error.set(None);
            done.set(None);
            spawn_local(async move {
                let result = admin::integrity(&api, &card, action, &ReasonRequest { reason: why }).await;
                busy.set(false);
                match result {
                    Ok(_) => {
                        done.set(Some((action, card)));
                        generation.set(*generation + 1);
                    }
                    Err(e) => error.set(Some(refusal(&e))),
                }
            });
        })
    };
    let choices: Vec<Choice> =
        IntegrityAction::ALL.iter().map(|a| Choice::new(a.segment(), portal.t(a.label()))).collect();
    let on_action = {
        let action = action.clone();
        Callback::from(move |segment: String| {
            if let Some(a) = IntegrityAction::parse(&segment) {
                action.set(a);
            }
        })
    };
    let on_lifted = {
        let (done, error) = (done.clone(), error.clone());
        Callback::from(move |()| {
            done.set(None);
            error.set(None);
        })
    };
    let current = (*error).clone();
    html! {
        <>
            <h1>{ portal.t(Key::IntegrityTitle) }</h1>
            <p class="muted">{ portal.t(Key::IntegrityIntro) }</p>
            <form id={FORM_ID} class="stack narrow" {onsubmit} novalidate=true>
                if let Some(e) = &current {
                    <FormAlert error={e.clone()} />
                }
                <TextInput id="integrity-number" label={portal.t(Key::FieldCardNumber)} value={(*number).clone()}
                    on_input={Callback::from({ let number = number.clone(); move |v| number.set(v) })}
                    required=true autocomplete="off" error={field_error(current.as_ref(), "number")} />
                <SelectInput id="integrity-action" label={portal.t(Key::FieldIntegrityAction)} value={action.segment()}
                    {choices} on_change={on_action} required=true />
                <TextArea id="integrity-reason" label={portal.t(Key::FieldIntegrityReason)} value={AttrValue::from((*reason).clone())}
                    on_input={Callback::from({ let reason = reason.clone(); move |v| reason.set(v) })}
                    error={field_error(current.as_ref(), "reason")} rows={2} />
                <div class="buttons">
                    <button type="submit" class="primary" disabled={*busy}>
                        { portal.t(if *busy { Key::Busy } else { Key::IntegritySubmit }) }
                    </button>
                </div>
            </form>
            if let Some((action, card)) = &*done {
                <div class="card integrity-done" role="status">
                    <p>{ portal.fill(Key::IntegrityDone, &[("action", portal.t(action.label())), ("card", card)]) }</p>
                </div>
            }
            <HoldsList generation={*generation} on_lifted={on_lifted} />
        </>
    }
}
