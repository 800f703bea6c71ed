//! Pages that only say something: not found, not allowed.

use yew::prelude::*;

use crate::context::Portal;
use crate::i18n::Key;

/// A heading and a sentence.
pub fn message_page(portal: &Portal, title: Key, text: Key) -> Html {
    html! {
        <>
            <h1>{ portal.t(title) }</h1>
            <p>{ portal.t(text) }</p>
        </>
    }
}
