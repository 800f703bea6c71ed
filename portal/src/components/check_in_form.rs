//! The door's input: the holder's counter code or QR payload (a scanner
//! types it and presses Enter), as at the counter — the door takes no card
//! number.

use yew::prelude::*;

use super::{FormAlert, TextInput, field_error};
use crate::api::ClientError;
use crate::context::use_portal;
use crate::draft::FormError;
use crate::events::check_in_summary;
use crate::hooks::use_focus_error;
use crate::i18n::Key;

const FORM_ID: &str = "check-in-form";

/// Props of [`CheckInForm`].
#[derive(Properties, PartialEq)]
pub struct CheckInFormProps {
    /// A check-in is under way.
    pub busy: bool,
    /// Why the last check-in was refused.
    #[prop_or_default]
    pub error: Option<ClientError>,
    /// Check in with this code.
    pub on_check_in: Callback<String>,
}

/// One labelled input and a button. The page re-creates the form after each
/// check-in, so it is empty for the next person.
#[component]
pub fn CheckInForm(props: &CheckInFormProps) -> Html {
    let portal = use_portal();
    let code = use_state(String::new);
    // What was typed, kept as it is typed: a scanner types the payload and
    // Enter in one burst, and the submit must see the last character even if
    // no render happened in between.
    let typed = use_mut_ref(String::new);
    let local = use_state(|| None::<FormError>);
    let error = (*local).clone().or_else(|| {
        props.error.as_ref().map(|e| FormError { summary: check_in_summary(e), ..FormError::from_client(e) })
    });
    use_focus_error(FORM_ID, error.clone());
    let onsubmit = {
        let (typed, local, on_check_in, busy) = (typed.clone(), local.clone(), props.on_check_in.clone(), props.busy);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if busy {
                return;
            }
            let code = typed.borrow().trim().to_owned();
            if code.is_empty() {
                return local.set(Some(FormError::local("code", Key::HintRequired)));
            }
            local.set(None);
            on_check_in.emit(code);
        })
    };
    let on_input = {
        let (typed, code) = (typed.clone(), code.clone());
        Callback::from(move |value: String| {
            typed.borrow_mut().clone_from(&value);
            code.set(value);
        })
    };
    html! {
        <form id={FORM_ID} class="stack" {onsubmit} novalidate=true>
            if let Some(e) = &error {
                <FormAlert error={e.clone()} />
            }
            <TextInput id="check-in-code" label={portal.t(Key::FieldCounterCode)} hint={portal.t(Key::CounterCodeHint)}
                value={AttrValue::from((*code).clone())} {on_input} autocomplete="off" required=true
                error={field_error(error.as_ref(), "code")} />
            <div class="buttons">
                <button type="submit" class="primary" disabled={props.busy}>
                    { portal.t(if props.busy { Key::Busy } else { Key::DoorCheckInButton }) }
                </button>
            </div>
        </form>
    }
}
