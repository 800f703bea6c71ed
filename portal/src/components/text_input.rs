//! A labelled single-line input with its hint and error.

use yew::prelude::*;

use super::{FieldNote, describedby, input_value};
use crate::context::use_portal;
use crate::draft::FormError;
use crate::i18n::Key;

/// Props of [`TextInput`].
#[derive(Properties, PartialEq)]
pub struct TextInputProps {
    /// Element id (unique on the page).
    pub id: AttrValue,
    /// The label's text.
    pub label: AttrValue,
    /// Current value.
    pub value: AttrValue,
    /// The new value on every input.
    pub on_input: Callback<String>,
    /// `type`: text, email, password, number, date…
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    /// Whether it must be filled (marked in the label).
    #[prop_or_default]
    pub required: bool,
    /// `autocomplete` token.
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    /// `inputmode` (e.g. `decimal`).
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    /// A line of help under the label.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// The error for this field, if any.
    #[prop_or_default]
    pub error: Option<FormError>,
    /// The language of what is typed here, when it is not the UI's.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    /// Read-only display.
    #[prop_or_default]
    pub disabled: bool,
}

/// `<label>` + `<input>`, tied by `for`/`id`, with `aria-invalid` and
/// `aria-describedby` pointing at the hint and the error.
#[component]
pub fn TextInput(props: &TextInputProps) -> Html {
    let portal = use_portal();
    let id = &props.id;
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let oninput = props.on_input.reform(|e: InputEvent| input_value(&e));
    let described = describedby(props.hint.is_some().then_some(&hint_id), props.error.is_some().then_some(&error_id));
    html! {
        <div class="field">
            <label for={id.clone()}>
                { props.label.clone() }
                if props.required { <span class="mark">{ portal.t(Key::RequiredMark) }</span> }
            </label>
            if let Some(hint) = &props.hint {
                <p class="hint" id={hint_id.clone()}>{ hint.clone() }</p>
            }
            <input
                id={id.clone()}
                type={props.kind.clone()}
                value={props.value.clone()}
                {oninput}
                required={props.required}
                disabled={props.disabled}
                autocomplete={props.autocomplete.clone()}
                inputmode={props.inputmode.clone()}
                lang={props.lang.clone()}
                aria-invalid={props.error.is_some().then_some("true")}
                aria-describedby={described}
            />
            if let Some(error) = &props.error {
                <FieldNote id={error_id} error={error.clone()} />
            }
        </div>
    }
}
