//! The "load more" button under the list.

use linan_shared::Lang;
use yew::prelude::*;

use super::aria_bool;
use crate::i18n::{Key, t};

/// Props of [`load_more`].
#[derive(Properties, PartialEq)]
pub struct LoadMoreProps {
    /// UI language.
    pub lang: Lang,
    /// The next page is on its way.
    pub loading: bool,
    /// Pressed.
    pub on_click: Callback<()>,
}

/// While loading it stays focusable (`aria-disabled`, not `disabled`), so
/// keyboard focus is not thrown back to the top of the page.
pub fn load_more(props: &LoadMoreProps) -> Html {
    let lang = props.lang;
    let (loading, on_click) = (props.loading, props.on_click.clone());
    html! {
        <button
            type="button"
            class="lw-more"
            aria-disabled={aria_bool(loading)}
            onclick={move |_| if !loading { on_click.emit(()) }}
        >
            { if loading { t(lang, Key::LoadingMore) } else { t(lang, Key::LoadMore) } }
        </button>
    }
}
