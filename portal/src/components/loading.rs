//! The "loading" line and the three-way rendering of a [`Load`].

use yew::prelude::*;

use super::ErrorBox;
use crate::context::Portal;
use crate::hooks::{Load, LoadHandle};
use crate::i18n::Key;

/// A polite status line while waiting.
pub fn loading(portal: &Portal) -> Html {
    html! { <p class="loading" role="status">{ portal.t(Key::Loading) }</p> }
}

/// Renders a load: the loading line, the error with a retry, or `ready(value)`.
pub fn load_view<T>(portal: &Portal, load: &LoadHandle<T>, ready: impl FnOnce(&std::rc::Rc<T>) -> Html) -> Html {
    match &load.state {
        Load::Loading => loading(portal),
        Load::Failed(error) => html! { <ErrorBox error={error.clone()} on_retry={load.reload.clone()} /> },
        Load::Ready(value) => ready(value),
    }
}
