//! The lifecycle steps of one event for its organiser or reviewer: submit,
//! publish, send back, cancel. Sending back and cancelling need a reason,
//! typed above the buttons (registrants or the partner read it).

use std::rc::Rc;

use linan_shared::{Decision, EventDto};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{FormAlert, TextArea};
use crate::api::events;
use crate::context::use_portal;
use crate::draft::FormError;
use crate::events::{EventStep, Organiser};
use crate::i18n::Key;

/// Props of [`EventActions`].
#[derive(Properties, PartialEq)]
pub struct EventActionsProps {
    /// The event.
    pub event: Rc<EventDto>,
    /// Who acts (the API prefix, and which steps are offered).
    pub organiser: Organiser,
    /// The API did it; the event as it is now.
    pub on_done: Callback<(EventStep, EventDto)>,
    /// Reload (after a stale or wrong-state answer).
    pub on_reload: Callback<()>,
}

/// A `<fieldset>` naming the event, a reason field when a step needs one,
/// and a button per step the state allows.
#[component]
pub fn EventActions(props: &EventActionsProps) -> Html {
    let portal = use_portal();
    let reason = use_state(String::new);
    let missing = use_state(|| false);
    let busy = use_state(|| false);
    let error = use_state(|| None::<FormError>);
    let event = &props.event;
    let steps = EventStep::available(props.organiser, event);
    if steps.is_empty() {
        return Html::default();
    }
    let id = format!("event-{}", event.id);
    let reason_id = AttrValue::from(format!("{id}-reason"));
    let button = |step: EventStep| {
        let (reason, missing, busy_flag, error) = (reason.clone(), missing.clone(), busy.clone(), error.clone());
        let (api, organiser, on_done, reason_id) =
            (portal.api.clone(), props.organiser, props.on_done.clone(), reason_id.clone());
        let (event_id, version) = (event.id, event.version);
        let onclick = Callback::from(move |_: MouseEvent| {
            let text = Some(reason.trim().to_owned()).filter(|r| !r.is_empty());
            if step.needs_reason() && text.is_none() {
                missing.set(true);
                crate::dom::focus(&format!("#{reason_id}"));
                return;
            }
            missing.set(false);
            busy_flag.set(true);
            error.set(None);
            let (api, on_done, busy, error) = (api.clone(), on_done.clone(), busy_flag.clone(), error.clone());
            let decision = Decision { version, reason: text.filter(|_| step.needs_reason()) };
            spawn_local(async move {
                let result = events::act(&api, organiser, event_id, step, &decision).await;
                busy.set(false);
                match result {
                    Ok(now) => on_done.emit((step, now)),
                    Err(e) => error.set(Some(FormError::from_client(&e))),
                }
            });
        });
        let class = if step.needs_reason() { "secondary" } else { "primary" };
        html! { <button type="button" {class} {onclick} disabled={*busy}>{ portal.t(step.label()) }</button> }
    };
    let needs_reason = steps.iter().any(|s| s.needs_reason());
    let local = (*missing).then(|| FormError::local(&reason_id, Key::EventHintReason));
    let reason_error = local.or_else(|| (*error).clone().filter(|e| e.is_for("reason")));
    let title = event.event.title.get(portal.lang).to_owned();
    html! {
        <fieldset class="decision" id={id}>
            <legend>{ portal.fill(Key::EventActionsFor, &[("name", &title)]) }</legend>
            if let Some(e) = &*error {
                <FormAlert error={e.clone()} on_reload={props.on_reload.clone()} />
            }
            if needs_reason {
                <TextArea
                    id={reason_id.clone()}
                    label={portal.t(Key::EventFieldReason)}
                    value={AttrValue::from((*reason).clone())}
                    on_input={let reason = reason.clone(); Callback::from(move |v| reason.set(v))}
                    error={reason_error}
                    rows={2}
                />
            }
            <div class="buttons">{ for steps.iter().map(|&step| button(step)) }</div>
        </fieldset>
    }
}
