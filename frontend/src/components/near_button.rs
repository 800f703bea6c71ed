//! The "near me" toggle.

use linan_shared::Lang;
use yew::prelude::*;

use super::aria_bool;
use crate::hooks::GeoState;
use crate::i18n::{Key, t};

/// Props of [`near_button`].
#[derive(Properties, PartialEq)]
pub struct NearButtonProps {
    /// UI language.
    pub lang: Lang,
    /// Where "near me" is.
    pub state: GeoState,
    /// Pressed.
    pub on_press: Callback<()>,
}

/// A toggle button; pressed while the list is sorted by distance.
pub fn near_button(props: &NearButtonProps) -> Html {
    let lang = props.lang;
    let locating = props.state == GeoState::Locating;
    let label = if locating { t(lang, Key::Locating) } else { t(lang, Key::NearMe) };
    let on_press = props.on_press.clone();
    html! {
        <button
            type="button"
            class="lw-near"
            aria-pressed={aria_bool(matches!(props.state, GeoState::On(_)))}
            aria-busy={aria_bool(locating)}
            onclick={move |_| on_press.emit(())}
        >
            <span class="lw-near-icon" aria-hidden="true"></span>
            { label }
        </button>
    }
}
