//! A labelled menu with its error.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::{FieldNote, describedby, select_value};
use crate::context::use_portal;
use crate::draft::FormError;
use crate::i18n::Key;

/// One entry of a menu.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// The value sent.
    pub value: AttrValue,
    /// What is shown.
    pub label: AttrValue,
}

impl Choice {
    /// An entry.
    pub fn new(value: impl Into<AttrValue>, label: impl Into<AttrValue>) -> Self {
        Choice { value: value.into(), label: label.into() }
    }
}

/// Props of [`SelectInput`].
#[derive(Properties, PartialEq)]
pub struct SelectInputProps {
    /// Element id (unique on the page).
    pub id: AttrValue,
    /// The label's text.
    pub label: AttrValue,
    /// The selected value.
    pub value: AttrValue,
    /// The entries.
    pub choices: Vec<Choice>,
    /// The new value when the choice changes.
    pub on_change: Callback<String>,
    /// Whether it must be chosen (marked in the label; adds a "Choose…" entry).
    #[prop_or_default]
    pub required: bool,
    /// A line of help under the label.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// The error for this field, if any.
    #[prop_or_default]
    pub error: Option<FormError>,
    /// Shown but not changeable.
    #[prop_or_default]
    pub disabled: bool,
}

/// `<label>` + `<select>`; a required menu with nothing chosen yet shows "Choose…".
///
/// `selected` is only an attribute, which a menu the person already used no
/// longer follows; so the options are keyed by value (a re-render never turns
/// one option into another) and the menu's `value` is set after each render.
#[component]
pub fn SelectInput(props: &SelectInputProps) -> Html {
    let portal = use_portal();
    let node = use_node_ref();
    {
        let (node, value) = (node.clone(), props.value.clone());
        use_effect(move || {
            if let Some(select) = node.cast::<HtmlSelectElement>()
                && select.value() != value.as_str()
            {
                select.set_value(&value);
            }
        });
    }
    let id = &props.id;
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let onchange = props.on_change.reform(|e: Event| select_value(&e));
    let described = describedby(props.hint.is_some().then_some(&hint_id), props.error.is_some().then_some(&error_id));
    let unchosen = !props.choices.iter().any(|c| c.value == props.value);
    html! {
        <div class="field">
            <label for={id.clone()}>
                { props.label.clone() }
                if props.required { <span class="mark">{ portal.t(Key::RequiredMark) }</span> }
            </label>
            if let Some(hint) = &props.hint {
                <p class="hint" id={hint_id.clone()}>{ hint.clone() }</p>
            }
            <select
                ref={node}
                id={id.clone()}
                {onchange}
                required={props.required}
                disabled={props.disabled}
                aria-invalid={props.error.is_some().then_some("true")}
                aria-describedby={described}
            >
                if unchosen {
                    <option key="" value="" selected=true>{ portal.t(Key::ChooseOne) }</option>
                }
                { for props.choices.iter().map(|c| html! {
                    <option key={c.value.to_string()} value={c.value.clone()} selected={c.value == props.value}>{ c.label.clone() }</option>
                }) }
            </select>
            if let Some(error) = &props.error {
                <FieldNote id={error_id} error={error.clone()} />
            }
        </div>
    }
}
