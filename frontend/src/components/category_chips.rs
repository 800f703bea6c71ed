//! The category chips: "all" plus one toggle button per category.

use std::rc::Rc;

use linan_shared::{CategoryCode, CategoryDto, Lang};
use yew::prelude::*;

use super::aria_bool;
use crate::i18n::{Key, t};

/// Props of [`category_chips`].
#[derive(Properties, PartialEq)]
pub struct CategoryChipsProps {
    /// UI language.
    pub lang: Lang,
    /// The categories (from `/api/v1/categories`).
    pub categories: Rc<Vec<CategoryDto>>,
    /// The chosen category; `None` for all.
    pub selected: Option<CategoryCode>,
    /// A chip was pressed.
    pub on_select: Callback<Option<CategoryCode>>,
}

/// A group of `aria-pressed` buttons; exactly one is pressed.
pub fn category_chips(props: &CategoryChipsProps) -> Html {
    let lang = props.lang;
    let chip = |code: Option<CategoryCode>, label: String| {
        let pressed = props.selected == code;
        let data_code = code.as_ref().map_or_else(String::new, ToString::to_string);
        let on_select = props.on_select.clone();
        html! {
            <button
                type="button"
                class="lw-chip"
                aria-pressed={aria_bool(pressed)}
                data-code={data_code}
                onclick={move |_| on_select.emit(code.clone())}
            >
                { label }
            </button>
        }
    };
    html! {
        <div class="lw-chips" role="group" aria-label={t(lang, Key::CategoriesLabel)}>
            { chip(None, t(lang, Key::AllCategories).to_owned()) }
            { for props.categories.iter().map(|c| chip(Some(c.code.clone()), c.name.get(lang).to_owned())) }
        </div>
    }
}
