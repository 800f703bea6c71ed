//! Nothing matches.

use linan_shared::Lang;
use yew::prelude::*;

use crate::i18n::{Key, t};

/// Props of [`empty_state`].
#[derive(Properties, PartialEq)]
pub struct EmptyStateProps {
    /// UI language.
    pub lang: Lang,
}

/// Says that no benefit matches the filters.
pub fn empty_state(props: &EmptyStateProps) -> Html {
    html! { <p class="lw-empty">{ t(props.lang, Key::Empty) }</p> }
}
