//! The search box.
//!
//! Uncontrolled on purpose: the browser owns the text, so a re-render can
//! never disturb an input method (IME) halfway through composing 医院 from
//! pinyin. Keystrokes inside a composition are not searched; the finished
//! word is, on `compositionend` (which Yew has no listener attribute for, so
//! it is attached by hand).

use linan_shared::{Lang, MAX_QUERY_CHARS};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{Key, t};

/// Props of [`SearchBox`].
#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    /// UI language.
    pub lang: Lang,
    /// The text changed (debounced by the receiver).
    pub on_input: Callback<String>,
    /// Enter was pressed: search now.
    pub on_commit: Callback<String>,
}

/// A `role="search"` form with one `type="search"` input.
#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let lang = props.lang;
    let input = use_node_ref();
    {
        let input = input.clone();
        use_effect_with(props.on_input.clone(), move |on_input| {
            let element = input.cast::<HtmlInputElement>();
            let listener = element.clone().map(|el| {
                let on_input = on_input.clone();
                Closure::<dyn Fn()>::new(move || on_input.emit(el.value()))
            });
            if let (Some(el), Some(l)) = (&element, &listener) {
                // Failing to listen only costs the IME shortcut; plain input events still search.
                let _ = el.add_event_listener_with_callback("compositionend", l.as_ref().unchecked_ref());
            }
            move || {
                if let (Some(el), Some(l)) = (element, listener) {
                    let _ = el.remove_event_listener_with_callback("compositionend", l.as_ref().unchecked_ref());
                }
            }
        });
    }
    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            if !e.is_composing() {
                let el: HtmlInputElement = e.target_unchecked_into();
                on_input.emit(el.value());
            }
        })
    };
    let onsubmit = {
        let (input, on_commit) = (input.clone(), props.on_commit.clone());
        Callback::from(move |e: SubmitEvent| {
            // The widget lives inside someone else's page: never navigate it.
            e.prevent_default();
            if let Some(el) = input.cast::<HtmlInputElement>() {
                on_commit.emit(el.value());
            }
        })
    };
    html! {
        <form class="lw-search-form" role="search" {onsubmit}>
            <input
                ref={input}
                type="search"
                class="lw-search"
                aria-label={t(lang, Key::SearchLabel)}
                placeholder={t(lang, Key::SearchPlaceholder)}
                maxlength={MAX_QUERY_CHARS.to_string()}
                autocomplete="off"
                spellcheck="false"
                enterkeyhint="search"
                {oninput}
            />
        </form>
    }
}
