//! A labelled multi-line input with its hint and error.

use yew::prelude::*;

use super::{FieldNote, textarea_value};
use crate::context::use_portal;
use crate::draft::FormError;
use crate::i18n::Key;

/// Props of [`TextArea`].
#[derive(Properties, PartialEq)]
pub struct TextAreaProps {
    /// Element id (unique on the page).
    pub id: AttrValue,
    /// The label's text.
    pub label: AttrValue,
    /// Current value.
    pub value: AttrValue,
    /// The new value on every input.
    pub on_input: Callback<String>,
    /// Whether it must be filled (marked in the label).
    #[prop_or_default]
    pub required: bool,
    /// The error for this field, if any.
    #[prop_or_default]
    pub error: Option<FormError>,
    /// The language of what is typed here, when it is not the UI's.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    /// Visible lines.
    #[prop_or(4)]
    pub rows: u32,
}

/// `<label>` + `<textarea>`, like [`super::TextInput`].
#[component]
pub fn TextArea(props: &TextAreaProps) -> Html {
    let portal = use_portal();
    let id = &props.id;
    let error_id = format!("{id}-error");
    let oninput = props.on_input.reform(|e: InputEvent| textarea_value(&e));
    html! {
        <div class="field">
            <label for={id.clone()}>
                { props.label.clone() }
                if props.required { <span class="mark">{ portal.t(Key::RequiredMark) }</span> }
            </label>
            <textarea
                id={id.clone()}
                value={props.value.clone()}
                {oninput}
                rows={props.rows.to_string()}
                required={props.required}
                lang={props.lang.clone()}
                aria-invalid={props.error.is_some().then_some("true")}
                aria-describedby={props.error.is_some().then_some(error_id.clone())}
            />
            if let Some(error) = &props.error {
                <FieldNote id={error_id} error={error.clone()} />
            }
        </div>
    }
}
