//! The explanation under a field the form or the API refused.

use yew::prelude::*;

use crate::context::use_portal;
use crate::draft::FormError;

/// Props of [`FieldNote`].
#[derive(Properties, PartialEq)]
pub struct FieldNoteProps {
    /// The element id (the field points at it with `aria-describedby`).
    pub id: AttrValue,
    /// The error, already known to be about this field.
    pub error: FormError,
}

/// The form's own localized hint, or "not accepted:" with the API's words
/// (English, so marked `lang="en"`).
#[component]
pub fn FieldNote(props: &FieldNoteProps) -> Html {
    let portal = use_portal();
    let error = &props.error;
    html! {
        <p class="field-error" id={props.id.clone()}>
            if let Some(hint) = error.hint {
                { portal.t(hint) }
            } else {
                { portal.t(crate::i18n::Key::FieldRefused) }
                if let Some(detail) = &error.detail {
                    { " " }<span lang="en">{ detail.clone() }</span>
                }
            }
        </p>
    }
}
