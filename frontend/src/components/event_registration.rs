//! In "My card" (our origin): the event the widget asked to register for,
//! with its Register button and the outcome — registered, waitlisted with
//! the place in line, or the refusal in words. The outcome is a live
//! region (`role="status"`), so a screen reader says it.

use std::rc::Rc;

use linan_shared::{EventDetail, EventStatus, RegistrationDto, RegistrationStatus};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{aria_bool, venue_line};
use crate::api::{self, ClientError, RegisterError};
use crate::attrs::WidgetConfig;
use crate::event_wording::{availability, outcome, refusal_key, seats, when};
use crate::i18n::{EventKey, Key, t};

/// Props of [`EventRegistration`].
#[derive(Properties, PartialEq)]
pub struct EventRegistrationProps {
    /// Language and the API.
    pub config: WidgetConfig,
    /// The session's token.
    pub token: AttrValue,
    /// The event.
    pub id: i64,
    /// A registration was made: "My events" reloads.
    pub on_registered: Callback<()>,
    /// Show the counter code (the door scans it) for this event.
    pub on_code: Callback<(i64, AttrValue)>,
    /// The server no longer knows the session.
    pub on_ended: Callback<ClientError>,
}

#[derive(Debug, Clone, PartialEq)]
enum Step {
    /// Waiting for the holder.
    Ready,
    /// Sent.
    Sending,
    /// Registered or waitlisted.
    Done(Rc<RegistrationDto>),
    /// Refused or failed: the message.
    Refused(&'static str),
}

/// The panel.
#[component]
pub fn EventRegistration(props: &EventRegistrationProps) -> Html {
    let lang = props.config.lang;
    let event = use_state_eq(|| None::<Result<Rc<EventDetail>, ClientError>>);
    let step = use_state_eq(|| Step::Ready);
    {
        let (event, config) = (event.clone(), props.config.clone());
        use_effect_with(props.id, move |id| {
            let id = *id;
            spawn_local(async move { event.set(Some(api::event(&config, id).await.map(Rc::new))) });
        });
    }
    let onclick = {
        let (step, config, token, id) = (step.clone(), props.config.clone(), props.token.clone(), props.id);
        let (on_registered, on_ended) = (props.on_registered.clone(), props.on_ended.clone());
        Callback::from(move |_: MouseEvent| {
            if *step == Step::Sending {
                return;
            }
            step.set(Step::Sending);
            let (step, config, token) = (step.clone(), config.clone(), token.clone());
            let (on_registered, on_ended) = (on_registered.clone(), on_ended.clone());
            spawn_local(async move {
                match api::registration(&config, &token, id, "POST").await {
                    Ok(registration) => {
                        step.set(Step::Done(Rc::new(registration)));
                        on_registered.emit(());
                    }
                    Err(RegisterError::Failed(ClientError::Unauthorized)) => on_ended.emit(ClientError::Unauthorized),
                    Err(RegisterError::Refused(code)) => {
                        step.set(Step::Refused(t(lang, refusal_key(&code).unwrap_or(EventKey::RegistrationClosed))));
                    }
                    Err(RegisterError::Failed(error)) => step.set(Step::Refused(error.text(lang))),
                }
            });
        })
    };
    let body = match &*event {
        None => html! { <p class="lw-count">{ t(lang, Key::Loading) }</p> },
        Some(Err(error)) => html! { <p class="lw-error-text">{ error.text(lang) }</p> },
        Some(Ok(d)) => {
            let s = &d.summary;
            let (state, status) = availability(s);
            let can = s.registration_open && s.status == EventStatus::Published;
            let sending = *step == Step::Sending;
            let done = matches!(&*step, Step::Done(_));
            html! {
                <>
                    <p class="lw-title lw-requested-title">{ &s.title }</p>
                    <p class="lw-when"><time datetime={s.starts_at.clone()}>{ when(&s.starts_at, &s.ends_at) }</time></p>
                    <p class="lw-partner">{ venue_line(lang, s) }</p>
                    <p class="lw-meta">
                        <span class="lw-status" data-status={status}>{ t(lang, state) }</span>
                        if status != "cancelled" {
                            <span class="lw-cat">{ seats(lang, s) }</span>
                        }
                    </p>
                    if can && !done {
                        <div class="lw-actions">
                            <button type="button" class="lw-event-action lw-register-btn" aria-disabled={aria_bool(sending)} {onclick}>
                                { t(lang, if sending { EventKey::Registering } else { EventKey::Register }) }
                            </button>
                        </div>
                    }
                </>
            }
        }
    };
    let (message, show_code) = match &*step {
        Step::Ready | Step::Sending => (String::new(), None),
        Step::Done(r) => {
            let title = AttrValue::from(r.title.clone());
            (outcome(lang, r), (r.status == RegistrationStatus::Registered).then_some((r.event_id, title)))
        }
        Step::Refused(text) => ((*text).to_owned(), None),
    };
    let data_outcome = match &*step {
        Step::Done(r) => r.status.as_str(),
        Step::Refused(_) => "refused",
        _ => "",
    };
    html! {
        <section class="lw-requested" aria-labelledby="lw-requested-heading">
            <h2 class="lw-card-heading lw-requested-heading" id="lw-requested-heading" tabindex="-1">
                { t(lang, EventKey::RequestedEvent) }
            </h2>
            { body }
            <p class="lw-outcome" role="status" data-outcome={data_outcome}>{ message }</p>
            if let Some((id, title)) = show_code {
                <button type="button" class="lw-event-secondary lw-show-code"
                    onclick={props.on_code.reform(move |_: MouseEvent| (id, title.clone()))}>
                    { t(lang, EventKey::ShowMyCode) }
                </button>
            }
        </section>
    }
}
