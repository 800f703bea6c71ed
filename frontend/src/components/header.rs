//! The brand line at the top of the widget.

use yew::prelude::*;

use crate::i18n::BRAND;

/// "Linan Talent Home · 荔南人才之家". A paragraph, not a heading: the host
/// page owns its heading outline.
pub fn header() -> Html {
    html! {
        <header class="lw-header">
            <p class="lw-brand">{ BRAND }</p>
        </header>
    }
}
