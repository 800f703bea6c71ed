//! A reviewer's decision on one partner or offer: a reason and one button
//! per possible verdict.

use yew::prelude::*;

use super::{FormAlert, TextArea};
use crate::actions::Verdict;
use crate::context::use_portal;
use crate::draft::FormError;
use crate::i18n::Key;

/// Props of [`DecisionForm`].
#[derive(Properties, PartialEq)]
pub struct DecisionFormProps {
    /// Unique id prefix on the page (e.g. `partner-12`).
    pub id: AttrValue,
    /// What is decided on (its name, shown in the legend).
    pub name: AttrValue,
    /// The verdicts offered.
    pub verdicts: &'static [Verdict],
    /// A verdict was chosen, with the reason typed (trimmed; `None` when blank).
    pub on_decide: Callback<(Verdict, Option<String>)>,
    /// A decision is being sent.
    #[prop_or_default]
    pub busy: bool,
    /// The last decision's error.
    #[prop_or_default]
    pub error: Option<FormError>,
    /// Reload the queue (after a stale or wrong-state answer).
    pub on_reload: Callback<()>,
}

/// A `<fieldset>` naming what is decided on; a reject or suspend without a
/// reason is stopped here with a hint on the reason field.
#[component]
pub fn DecisionForm(props: &DecisionFormProps) -> Html {
    let portal = use_portal();
    let reason = use_state(String::new);
    let missing = use_state(|| false);
    let reason_id = AttrValue::from(format!("{}-reason", props.id));
    let button = |verdict: Verdict| {
        let (reason, missing, on_decide) = (reason.clone(), missing.clone(), props.on_decide.clone());
        let reason_id = reason_id.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let text = Some(reason.trim().to_owned()).filter(|r| !r.is_empty());
            if verdict.needs_reason() && text.is_none() {
                missing.set(true);
                crate::dom::focus(&format!("#{reason_id}"));
                return;
            }
            missing.set(false);
            on_decide.emit((verdict, text));
        });
        let class = if verdict.needs_reason() { "secondary" } else { "primary" };
        html! { <button type="button" {class} {onclick} disabled={props.busy}>{ portal.t(verdict.label()) }</button> }
    };
    let buttons: Html = props.verdicts.iter().map(|&verdict| button(verdict)).collect();
    let local = (*missing).then(|| FormError::local(&reason_id, Key::HintReason));
    let field_error = local.or_else(|| props.error.clone().filter(|e| e.is_for("reason")));
    html! {
        <fieldset class="decision" id={props.id.clone()}>
            <legend>{ portal.fill(Key::DecisionFor, &[("name", &props.name)]) }</legend>
            if let Some(error) = &props.error {
                <FormAlert error={error.clone()} on_reload={props.on_reload.clone()} />
            }
            <TextArea
                id={reason_id.clone()}
                label={portal.t(Key::FieldReason)}
                value={AttrValue::from((*reason).clone())}
                on_input={Callback::from(move |v| reason.set(v))}
                error={field_error}
                rows={2}
            />
            <div class="buttons">{ buttons }</div>
        </fieldset>
    }
}
