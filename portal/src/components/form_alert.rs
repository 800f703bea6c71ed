//! The error summary at the top of a form.

use yew::prelude::*;

use crate::context::use_portal;
use crate::draft::FormError;
use crate::i18n::Key;

/// Props of [`FormAlert`].
#[derive(Properties, PartialEq)]
pub struct FormAlertProps {
    /// What went wrong.
    pub error: FormError,
    /// Reloads the thing edited (offered when someone else changed it).
    #[prop_or_default]
    pub on_reload: Option<Callback<()>>,
}

/// `role="alert"`, announced when it appears; focusable so that focus can
/// land on it when no single field is at fault. Shows the field path and the
/// API's words (English) when a field was refused.
#[component]
pub fn FormAlert(props: &FormAlertProps) -> Html {
    let portal = use_portal();
    let error = &props.error;
    html! {
        <div class="form-alert" role="alert" tabindex="-1">
            <p>{ portal.t(error.summary) }</p>
            if let (Some(param), Some(detail)) = (&error.param, &error.detail) {
                <p class="detail" lang="en"><code>{ param.clone() }</code>{ ": " }{ detail.clone() }</p>
            }
            if let (true, Some(reload)) = (error.is_stale() || error.summary == Key::ErrInvalidState, &props.on_reload) {
                <button type="button" onclick={reload.reform(|_| ())}>{ portal.t(Key::Reload) }</button>
            }
        </div>
    }
}
