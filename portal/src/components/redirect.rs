//! A page that only sends the visitor elsewhere (the start page of a role).

use yew::prelude::*;

use crate::dom::redirect;
use crate::route::Route;

/// Props of [`Redirect`].
#[derive(Properties, PartialEq)]
pub struct RedirectProps {
    /// Where to go.
    pub to: Route,
}

/// Replaces the history entry with `to` once rendered.
#[component]
pub fn Redirect(props: &RedirectProps) -> Html {
    use_effect_with(props.to, |to| redirect(*to));
    Html::default()
}
