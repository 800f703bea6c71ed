//! `#/signup`: a merchant account, registering a new partner (which starts
//! pending review) or joining one with an invitation code.

use linan_shared::{MIN_PASSWORD_CHARS, SignupRequest};
use yew::prelude::*;

use super::{FormAlert, PartnerFields, TextInput, field_error};
use crate::api::auth;
use crate::context::use_portal;
use crate::draft::{FormError, PartnerDraft};
use crate::hooks::{SubmitHandle, use_draft, use_submit};
use crate::i18n::Key;
use crate::route::Route;

const FORM_ID: &str = "signup-form";

/// The sign-up form: account, then either the partner's details or a code.
#[component]
pub fn SignupPage() -> Html {
    let portal = use_portal();
    let email = use_state(String::new);
    let password = use_state(String::new);
    let with_invite = use_state(|| false);
    let invite = use_state(String::new);
    let partner = use_draft(PartnerDraft::new);
    let SubmitHandle { busy, error, onsubmit } = {
        let (api, draft) = (portal.api.clone(), partner.draft.clone());
        let (email, password, with_invite, invite) =
            (email.clone(), password.clone(), with_invite.clone(), invite.clone());
        use_submit(
            FORM_ID,
            move || {
                let (partner, invite) = if *with_invite {
                    if invite.trim().is_empty() {
                        return Err(FormError::local("invite", Key::HintRequired));
                    }
                    (None, Some(invite.trim().to_owned()))
                } else {
                    (Some(draft.to_input()?), None)
                };
                let request = SignupRequest {
                    email: email.trim().to_owned(),
                    password: (*password).clone(),
                    partner,
                    invite,
                    bearer: false,
                };
                request.validate().map_err(|e| FormError::from_field(&e))?;
                let api = api.clone();
                Ok(async move { auth::signup(&api, &request).await })
            },
            portal.signed_in.clone(),
        )
    };
    let error_for = |field: &str| field_error(error.as_ref(), field);
    let choose = |invite: bool| {
        let with_invite = with_invite.clone();
        Callback::from(move |_: Event| with_invite.set(invite))
    };
    html! {
        <>
            <h1>{ portal.t(Key::SignupTitle) }</h1>
            <p>{ portal.t(Key::SignupIntro) }</p>
            <form id={FORM_ID} class="stack" {onsubmit} novalidate=true>
                if let Some(e) = &error {
                    <FormAlert error={e.clone()} />
                }
                <fieldset>
                    <legend>{ portal.t(Key::AccountSection) }</legend>
                    <TextInput id="signup-email" kind="email" label={portal.t(Key::FieldEmail)} value={(*email).clone()}
                        on_input={Callback::from({ let s = email.clone(); move |v| s.set(v) })}
                        required=true autocomplete="username" error={error_for("email")} />
                    <TextInput id="signup-password" kind="password" label={portal.t(Key::FieldPassword)} value={(*password).clone()}
                        on_input={Callback::from({ let s = password.clone(); move |v| s.set(v) })}
                        required=true autocomplete="new-password"
                        hint={portal.fill(Key::PasswordHint, &[("n", &MIN_PASSWORD_CHARS.to_string())])}
                        error={error_for("password")} />
                </fieldset>
                <fieldset class="choice">
                    <legend>{ portal.t(Key::JoinLegend) }</legend>
                    <label>
                        <input type="radio" name="signup-mode" value="new" checked={!*with_invite} onchange={choose(false)} />
                        { portal.t(Key::JoinNew) }
                    </label>
                    <label>
                        <input type="radio" name="signup-mode" value="invite" checked={*with_invite} onchange={choose(true)} />
                        { portal.t(Key::JoinInvite) }
                    </label>
                </fieldset>
                if *with_invite {
                    <TextInput id="signup-invite" label={portal.t(Key::FieldInvite)} value={(*invite).clone()}
                        on_input={Callback::from({ let s = invite.clone(); move |v| s.set(v) })}
                        required=true autocomplete="off" error={error_for("invite")} />
                } else {
                    <fieldset>
                        <legend>{ portal.t(Key::PartnerSection) }</legend>
                        <PartnerFields draft={partner.draft.clone()} on_change={partner.on_change.clone()} error={error.clone()} />
                    </fieldset>
                }
                <div class="buttons">
                    <button type="submit" class="primary" disabled={busy}>{ portal.t(if busy { Key::Busy } else { Key::SignupButton }) }</button>
                </div>
            </form>
            <p>{ portal.t(Key::HaveAccount) }{ " " }<a href={Route::Login.href()}>{ portal.t(Key::LoginLink) }</a></p>
        </>
    }
}
