//! `#/account`: who is signed in, and changing the password.

use linan_shared::{MIN_PASSWORD_CHARS, PasswordChange};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{FormAlert, TextInput, field_error};
use crate::api::auth;
use crate::context::use_portal;
use crate::draft::FormError;
use crate::hooks::use_focus_error;
use crate::i18n::Key;
use crate::wording;

const FORM_ID: &str = "password-form";

/// The account line and the password form.
#[component]
pub fn AccountPage() -> Html {
    let portal = use_portal();
    let current = use_state(String::new);
    let new = use_state(String::new);
    let error = use_state(|| None::<FormError>);
    let busy = use_state(|| false);
    use_focus_error(FORM_ID, (*error).clone());
    let onsubmit = {
        let (api, announce) = (portal.api.clone(), portal.announce.clone());
        let (current, new, error, busy) = (current.clone(), new.clone(), error.clone(), busy.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            if current.is_empty() {
                return error.set(Some(FormError::local("current", Key::HintRequired)));
            }
            let change = PasswordChange { current: (*current).clone(), new: (*new).clone() };
            if let Err(e) = change.validate() {
                return error.set(Some(FormError::from_field(&e)));
            }
            let (api, announce, current, new, error, busy) =
                (api.clone(), announce.clone(), current.clone(), new.clone(), error.clone(), busy.clone());
            busy.set(true);
            spawn_local(async move {
                let result = auth::change_password(&api, &change).await;
                busy.set(false);
                match result {
                    Ok(()) => {
                        error.set(None);
                        current.set(String::new());
                        new.set(String::new());
                        announce.emit(Key::PasswordChanged);
                    }
                    Err(e) => error.set(Some(FormError::from_client(&e))),
                }
            });
        })
    };
    let account = portal.account().map(|a| (a.email.clone(), portal.t(wording::role(a.role))));
    html! {
        <>
            <h1>{ portal.t(Key::AccountTitle) }</h1>
            if let Some((email, role)) = account {
                <p>{ portal.fill(Key::SignedInAs, &[("email", &email), ("role", role)]) }</p>
            }
            <section aria-labelledby="password-title">
                <h2 id="password-title">{ portal.t(Key::PasswordTitle) }</h2>
                <form id={FORM_ID} class="stack" {onsubmit} novalidate=true>
                    if let Some(e) = &*error {
                        <FormAlert error={e.clone()} />
                    }
                    <TextInput id="password-current" kind="password" label={portal.t(Key::FieldCurrentPassword)}
                        value={(*current).clone()} on_input={Callback::from({ let s = current.clone(); move |v| s.set(v) })}
                        required=true autocomplete="current-password" error={field_error((*error).as_ref(), "current")} />
                    <TextInput id="password-new" kind="password" label={portal.t(Key::FieldNewPassword)}
                        value={(*new).clone()} on_input={Callback::from({ let s = new.clone(); move |v| s.set(v) })}
                        required=true autocomplete="new-password"
                        hint={portal.fill(Key::PasswordHint, &[("n", &MIN_PASSWORD_CHARS.to_string())])}
                        error={field_error((*error).as_ref(), "new")} />
                    <div class="buttons">
                        <button type="submit" class="primary" disabled={*busy}>{ portal.t(Key::ChangePassword) }</button>
                    </div>
                </form>
            </section>
        </>
    }
}
