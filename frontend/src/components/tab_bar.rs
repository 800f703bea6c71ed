//! Switching between top-level views (rendered only when there are several).

use linan_shared::Lang;
use yew::prelude::*;

use super::View;
use crate::i18n::{Key, t};

/// Props of [`tab_bar`].
#[derive(Properties, PartialEq)]
pub struct TabBarProps {
    /// The views offered.
    pub views: &'static [View],
    /// The view shown.
    pub current: View,
    /// UI language.
    pub lang: Lang,
    /// A view was chosen.
    pub on_select: Callback<View>,
}

/// A row of buttons, the current one marked with `aria-current`. Plain
/// buttons rather than an ARIA tablist: no arrow-key contract to keep.
pub fn tab_bar(props: &TabBarProps) -> Html {
    let lang = props.lang;
    html! {
        <nav class="lw-tabs" aria-label={t(lang, Key::ViewsLabel)}>
            { for props.views.iter().map(|&view| {
                let on_select = props.on_select.clone();
                let current = (view == props.current).then_some("page");
                html! {
                    <button type="button" class="lw-tab" aria-current={current} onclick={move |_| on_select.emit(view)}>
                        { t(lang, view.label()) }
                    </button>
                }
            }) }
        </nav>
    }
}
