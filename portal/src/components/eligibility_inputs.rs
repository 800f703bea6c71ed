//! The cards something is open to: one menu per card scheme with its
//! lowest qualifying tier (or "not open"). Offers and events share it.

use yew::prelude::*;

use super::{Choice, FieldNote, SelectInput, field_error};
use crate::context::use_portal;
use crate::draft::FormError;
use crate::i18n::Key;

/// Props of [`EligibilityInputs`].
#[derive(Properties, PartialEq)]
pub struct EligibilityInputsProps {
    /// Prefix of the ids: the menus are `{id}-tier-{scheme}`.
    pub id: AttrValue,
    /// The explanation under the legend.
    pub hint: AttrValue,
    /// The tier chosen for a scheme code (empty: not open to it).
    pub tiers: Vec<(String, String)>,
    /// A scheme's menu changed: (scheme code, tier code or empty).
    pub on_change: Callback<(String, String)>,
    /// The form's error (shown when it is about `eligibility`).
    #[prop_or_default]
    pub error: Option<FormError>,
}

/// A `<fieldset>` described by its hint, menus from the reference lists in
/// the UI language.
#[component]
pub fn EligibilityInputs(props: &EligibilityInputsProps) -> Html {
    let portal = use_portal();
    let lang = portal.lang;
    let hint_id = format!("{}-eligibility-hint", props.id);
    let menus = portal.reference.schemes.iter().map(|scheme| {
        let code = scheme.code.to_string();
        let value = props.tiers.iter().find(|(s, _)| *s == code).map(|(_, t)| t.clone()).unwrap_or_default();
        let choices: Vec<Choice> =
            std::iter::once(Choice::new("", portal.t(Key::TierNone)))
                .chain(scheme.tiers.iter().map(|t| {
                    Choice::new(t.code.to_string(), portal.fill(Key::TierOrAbove, &[("tier", t.name.get(lang))]))
                }))
                .collect();
        let on_change = props.on_change.reform({
            let code = code.clone();
            move |tier| (code.clone(), tier)
        });
        html! {
            <SelectInput
                id={format!("{}-tier-{code}", props.id)}
                label={scheme.name.get(lang).to_owned()}
                value={AttrValue::from(value)}
                {choices}
                {on_change}
            />
        }
    });
    let error = field_error(props.error.as_ref(), "eligibility");
    html! {
        <fieldset aria-describedby={hint_id.clone()}>
            <legend>{ portal.t(Key::EligibilityLegend) }</legend>
            <p class="hint" id={hint_id}>{ props.hint.clone() }</p>
            { for menus }
            if let Some(error) = error {
                <FieldNote id={format!("{}-eligibility-error", props.id)} {error} />
            }
        </fieldset>
    }
}
