//! A state shown as a small labelled badge.

use yew::prelude::*;

/// A badge with a stable class per state (`badge-published`), so the colour
/// follows the state and never carries the meaning alone: the text does.
pub fn status_badge(code: &str, text: &str) -> Html {
    html! { <span class={classes!("badge", format!("badge-{code}"))}>{ text.to_owned() }</span> }
}
