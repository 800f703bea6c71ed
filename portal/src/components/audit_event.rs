//! One entry of the audit log: what happened, to what, by whom, when, and
//! the state before and after (JSON, shown as text).

use std::rc::Rc;

use linan_shared::AuditEventDto;
use yew::prelude::*;

use crate::context::use_portal;
use crate::i18n::Key;
use crate::wording;

/// Props of [`AuditEvent`].
#[derive(Properties, PartialEq)]
pub struct AuditEventProps {
    /// The event.
    pub event: Rc<AuditEventDto>,
}

/// A list item; before/after fold away in `<details>`.
#[component]
pub fn AuditEvent(props: &AuditEventProps) -> Html {
    let portal = use_portal();
    let event = &props.event;
    let entity = wording::audit_entity(&event.entity).map_or_else(|| event.entity.clone(), |k| portal.t(k).to_owned());
    let actor = match (&event.actor_email, event.actor_role) {
        (Some(email), Some(role)) => format!("{email} ({})", portal.t(wording::role(role))),
        (Some(email), None) => email.clone(),
        (None, _) => portal.t(Key::AuditSystem).to_owned(),
    };
    let json = |label: Key, value: &Option<serde_json::Value>| {
        value.as_ref().map(|v| {
            let text = serde_json::to_string_pretty(v).unwrap_or_default();
            html! {
                <details>
                    <summary>{ portal.t(label) }</summary>
                    <pre>{ text }</pre>
                </details>
            }
        })
    };
    html! {
        <li class="card audit-event">
            <p>
                <strong>{ portal.t(wording::audit_action(event.action)) }</strong>{ " " }
                <code>{ event.action.as_str() }</code>{ " · " }<time datetime={event.at.clone()}>{ wording::time(&event.at) }</time>
            </p>
            <p>{ portal.fill(Key::AuditRecord, &[("entity", &entity), ("id", &event.entity_id.to_string())]) }</p>
            <p>{ portal.fill(Key::AuditBy, &[("actor", &actor)]) }</p>
            if let Some(id) = &event.request_id {
                <p class="muted">{ portal.fill(Key::AuditRequest, &[("id", id)]) }</p>
            }
            { json(Key::AuditBefore, &event.before) }
            { json(Key::AuditAfter, &event.after) }
        </li>
    }
}
