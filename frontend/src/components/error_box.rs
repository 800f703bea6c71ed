//! A failed request: what went wrong, in words, and a retry button.

use linan_shared::Lang;
use yew::prelude::*;

use crate::api::ClientError;
use crate::i18n::{Key, t};

/// Props of [`error_box`].
#[derive(Properties, PartialEq)]
pub struct ErrorBoxProps {
    /// UI language.
    pub lang: Lang,
    /// What failed.
    pub error: ClientError,
    /// Try again.
    pub on_retry: Callback<()>,
}

/// `role="alert"`: announced as soon as it appears.
pub fn error_box(props: &ErrorBoxProps) -> Html {
    let lang = props.lang;
    let on_retry = props.on_retry.clone();
    html! {
        <div class="lw-error" role="alert">
            <p class="lw-error-text">{ props.error.text(lang) }</p>
            <button type="button" class="lw-retry" onclick={move |_| on_retry.emit(())}>{ t(lang, Key::Retry) }</button>
        </div>
    }
}
