//! What the widget's two dialogs (a benefit's detail, a counter code) share:
//! focus moves to their back button when one opens, Escape closes it, and
//! the bar holding that button.

use linan_shared::Lang;
use yew::prelude::*;

use crate::dom::focus;
use crate::i18n::{DetailKey, t};

/// The back button's ref, focused once when the dialog mounts, and the
/// dialog's `keydown` handler (Escape closes).
#[hook]
pub fn use_dialog(on_close: &Callback<()>) -> (NodeRef, Callback<KeyboardEvent>) {
    let close = use_node_ref();
    {
        let close = close.clone();
        use_effect_with((), move |_| focus(&close));
    }
    let on_close = on_close.clone();
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Escape" {
            e.prevent_default();
            on_close.emit(());
        }
    });
    (close, onkeydown)
}

/// The bar with the back button.
pub fn dialog_bar(lang: Lang, close: &NodeRef, on_close: &Callback<()>) -> Html {
    let on_close = on_close.clone();
    html! {
        <div class="lw-detail-bar">
            <button type="button" class="lw-close" ref={close.clone()} onclick={move |_| on_close.emit(())}>
                <span class="lw-back-icon" aria-hidden="true"></span>
                { t(lang, DetailKey::Back) }
            </button>
        </div>
    }
}
