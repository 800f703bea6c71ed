//! After a refused submit, focus goes to the first field marked invalid (or
//! to the form's error summary), so a keyboard user lands where to act.

use yew::prelude::*;

use crate::dom::focus;
use crate::draft::FormError;

/// Moves focus when `error` becomes set, within the form with id `form_id`.
#[hook]
pub fn use_focus_error(form_id: &'static str, error: Option<FormError>) {
    use_effect_with(error, move |error| {
        if error.is_some() && !focus(&format!("#{form_id} [aria-invalid=\"true\"]")) {
            focus(&format!("#{form_id} .form-alert"));
        }
    });
}
