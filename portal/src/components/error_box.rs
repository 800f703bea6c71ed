//! A page or list that could not be loaded: what went wrong, and a retry.

use yew::prelude::*;

use crate::api::ClientError;
use crate::context::use_portal;
use crate::i18n::Key;
use crate::route::Route;

/// Props of [`ErrorBox`].
#[derive(Properties, PartialEq)]
pub struct ErrorBoxProps {
    /// What failed.
    pub error: ClientError,
    /// Try again.
    pub on_retry: Callback<()>,
}

/// `role="alert"` with the localized reason and a retry button (a sign-in
/// link when the session has ended).
#[component]
pub fn ErrorBox(props: &ErrorBoxProps) -> Html {
    let portal = use_portal();
    html! {
        <div class="error-box" role="alert">
            <p>{ portal.t(props.error.summary()) }</p>
            if props.error.is_unauthenticated() {
                <a href={Route::Login.href()}>{ portal.t(Key::NavLogin) }</a>
            } else {
                <button type="button" onclick={props.on_retry.reform(|_| ())}>{ portal.t(Key::Retry) }</button>
            }
        </div>
    }
}
