//! `#/login` (and any page that needs a session while signed out): email
//! and password.

use linan_shared::LoginRequest;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{FormAlert, TextInput, field_error};
use crate::api::auth;
use crate::context::use_portal;
use crate::draft::FormError;
use crate::hooks::use_focus_error;
use crate::i18n::Key;
use crate::route::Route;

const FORM_ID: &str = "login-form";

/// The sign-in form. On success the root learns the session; the page asked
/// for (the current fragment) then renders, or the start page for `#/login`.
#[component]
pub fn LoginPage() -> Html {
    let portal = use_portal();
    let email = use_state(String::new);
    let password = use_state(String::new);
    let error = use_state(|| None::<FormError>);
    let busy = use_state(|| false);
    use_focus_error(FORM_ID, (*error).clone());
    let onsubmit = {
        let (api, signed_in) = (portal.api.clone(), portal.signed_in.clone());
        let (email, password, error, busy) = (email.clone(), password.clone(), error.clone(), busy.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            for (field, value) in [("email", &*email), ("password", &*password)] {
                if value.trim().is_empty() {
                    return error.set(Some(FormError::local(field, Key::HintRequired)));
                }
            }
            let request = LoginRequest { email: email.trim().to_owned(), password: (*password).clone(), bearer: false };
            let (api, signed_in, error, busy) = (api.clone(), signed_in.clone(), error.clone(), busy.clone());
            busy.set(true);
            spawn_local(async move {
                let result = auth::login(&api, &request).await;
                busy.set(false);
                match result {
                    Ok(session) => signed_in.emit(session),
                    Err(e) => error.set(Some(FormError::from_client(&e))),
                }
            });
        })
    };
    let error_for = |field: &str| field_error((*error).as_ref(), field);
    html! {
        <>
            <h1>{ portal.t(Key::LoginTitle) }</h1>
            <form id={FORM_ID} class="stack narrow" {onsubmit} novalidate=true>
                if let Some(e) = &*error {
                    <FormAlert error={e.clone()} />
                }
                <TextInput id="login-email" kind="email" label={portal.t(Key::FieldEmail)} value={(*email).clone()}
                    on_input={Callback::from({ let s = email.clone(); move |v| s.set(v) })}
                    required=true autocomplete="username" error={error_for("email")} />
                <TextInput id="login-password" kind="password" label={portal.t(Key::FieldPassword)} value={(*password).clone()}
                    on_input={Callback::from({ let s = password.clone(); move |v| s.set(v) })}
                    required=true autocomplete="current-password" error={error_for("password")} />
                <div class="buttons">
                    <button type="submit" class="primary" disabled={*busy}>{ portal.t(if *busy { Key::Busy } else { Key::LoginButton }) }</button>
                </div>
            </form>
            <p>{ portal.t(Key::NoAccount) }{ " " }<a href={Route::Signup.href()}>{ portal.t(Key::SignupLink) }</a></p>
        </>
    }
}
