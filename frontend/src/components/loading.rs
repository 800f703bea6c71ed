//! The loading indicator.

use linan_shared::Lang;
use yew::prelude::*;

use crate::i18n::{Key, t};

/// Props of [`loading`].
#[derive(Properties, PartialEq)]
pub struct LoadingProps {
    /// UI language.
    pub lang: Lang,
    /// Announce it (`role="status"`). Off in the list, whose live count
    /// already says "Loading…"; on in the detail view.
    #[prop_or_default]
    pub announce: bool,
}

/// A spinner and "Loading…".
pub fn loading(props: &LoadingProps) -> Html {
    let (role, hidden) = if props.announce { (Some("status"), None) } else { (None, Some("true")) };
    html! {
        <p class="lw-loading" {role} aria-hidden={hidden}>
            <span class="lw-spinner"></span>
            { t(props.lang, Key::Loading) }
        </p>
    }
}
