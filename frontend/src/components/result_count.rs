//! The live region that tells screen-reader users what the list now holds.

use linan_shared::Lang;
use yew::prelude::*;

use crate::i18n::{Key, t};
use crate::state::Status;
use crate::wording::count;

/// Props of [`result_count`].
#[derive(Properties, PartialEq)]
pub struct ResultCountProps {
    /// UI language.
    pub lang: Lang,
    /// The catalogue's state.
    pub status: Status,
    /// How many benefits are shown.
    pub shown: usize,
    /// Whether another page exists.
    pub has_more: bool,
}

/// `aria-live="polite"`: announced after the visitor stops typing, without
/// interrupting. Empty on error: the error box (`role="alert"`) speaks then.
pub fn result_count(props: &ResultCountProps) -> Html {
    let text = match props.status {
        Status::Loading => t(props.lang, Key::Loading).to_owned(),
        Status::Error => String::new(),
        Status::Ready | Status::Empty => count(props.lang, props.shown, props.has_more),
    };
    html! { <p class="lw-count" aria-live="polite">{ text }</p> }
}
