//! "My events" in "My card": the holder's registrations over all their
//! cards — status and place in line, the organiser's cancellation and its
//! reason, the check-in — with "Cancel registration" (confirmed first, in
//! place: two buttons, no browser dialog) and "Show my code" (the counter
//! code the door scans).

use std::rc::Rc;

use linan_shared::{EventStatus, Lang, RegistrationDto, RegistrationList, RegistrationStatus, fill};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::{self, ClientError, RegisterError};
use crate::attrs::WidgetConfig;
use crate::event_wording::status;
use crate::i18n::{EventKey, Key, t};
use linan_shared::china_time;

/// Props of [`MyEvents`].
#[derive(Properties, PartialEq)]
pub struct MyEventsProps {
    /// Language and the API.
    pub config: WidgetConfig,
    /// The session's token.
    pub token: AttrValue,
    /// Bumped when a registration was made elsewhere: load again.
    pub version: u32,
    /// Show the counter code for an event.
    pub on_code: Callback<(i64, AttrValue)>,
    /// The server no longer knows the session.
    pub on_ended: Callback<ClientError>,
}

/// The section.
#[component]
pub fn MyEvents(props: &MyEventsProps) -> Html {
    let lang = props.config.lang;
    let list = use_state_eq(|| None::<Result<Rc<RegistrationList>, ClientError>>);
    let reloads = use_state_eq(|| 0u32);
    let confirming = use_state_eq(|| None::<i64>);
    let live = use_state_eq(String::new);
    {
        let (list, config, token, on_ended) =
            (list.clone(), props.config.clone(), props.token.clone(), props.on_ended.clone());
        use_effect_with((props.version, *reloads), move |_| {
            spawn_local(async move {
                match api::my_events(&config, &token).await {
                    Err(ClientError::Unauthorized) => on_ended.emit(ClientError::Unauthorized),
                    answer => list.set(Some(answer.map(Rc::new))),
                }
            });
        });
    }
    let on_cancel = {
        let (config, token, reloads, confirming, live) =
            (props.config.clone(), props.token.clone(), reloads.clone(), confirming.clone(), live.clone());
        Callback::from(move |id: i64| {
            let (config, token, reloads, live) = (config.clone(), token.clone(), reloads.clone(), live.clone());
            confirming.set(None);
            spawn_local(async move {
                live.set(match api::registration(&config, &token, id, "DELETE").await {
                    Ok(_) => t(lang, EventKey::CancelDone).to_owned(),
                    Err(RegisterError::Refused(_)) => t(lang, Key::ErrorServer).to_owned(),
                    Err(RegisterError::Failed(e)) => e.text(lang).to_owned(),
                });
                reloads.set(reloads.wrapping_add(1));
            });
        })
    };
    let body = match &*list {
        None => html! { <p class="lw-count">{ t(lang, Key::Loading) }</p> },
        Some(Err(e)) => html! { <p class="lw-error-text">{ e.text(lang) }</p> },
        Some(Ok(list)) if list.items.is_empty() => {
            html! { <p class="lw-empty">{ t(lang, EventKey::MyEventsEmpty) }</p> }
        }
        Some(Ok(list)) => html! {
            <ul role="list" class="lw-my-events-list">
                { for list.items.iter().map(|r| item(lang, r, *confirming, &confirming.setter(), &on_cancel, &props.on_code)) }
            </ul>
        },
    };
    html! {
        <section class="lw-my-events" aria-labelledby="lw-my-events-heading">
            <h2 class="lw-card-heading" id="lw-my-events-heading">{ t(lang, EventKey::MyEvents) }</h2>
            <p class="lw-outcome lw-cancel-outcome" role="status">{ (*live).clone() }</p>
            { body }
        </section>
    }
}

fn item(
    lang: Lang,
    r: &RegistrationDto,
    confirming: Option<i64>,
    set_confirming: &UseStateSetter<Option<i64>>,
    on_cancel: &Callback<i64>,
    on_code: &Callback<(i64, AttrValue)>,
) -> Html {
    let id = r.event_id;
    let live = r.status != RegistrationStatus::Cancelled && r.event_status != EventStatus::Cancelled;
    let title = AttrValue::from(r.title.clone());
    let show_code = live && r.status == RegistrationStatus::Registered && r.checked_in_at.is_none();
    let actions = if !live {
        Html::default()
    } else if confirming == Some(id) {
        let (yes, no) = (on_cancel.reform(move |_: MouseEvent| id), set_confirming.clone());
        html! {
            <div class="lw-actions" role="group" aria-label={t(lang, EventKey::ConfirmCancel)}>
                <p class="lw-confirm">{ t(lang, EventKey::ConfirmCancel) }</p>
                <button type="button" class="lw-event-action lw-confirm-yes" onclick={yes}>{ t(lang, EventKey::ConfirmYes) }</button>
                <button type="button" class="lw-event-secondary lw-confirm-no" onclick={move |_| no.set(None)}>{ t(lang, EventKey::ConfirmNo) }</button>
            </div>
        }
    } else {
        let ask = set_confirming.clone();
        html! {
            <div class="lw-actions">
                if show_code {
                    <button type="button" class="lw-event-action lw-show-code"
                        onclick={on_code.reform(move |_: MouseEvent| (id, title.clone()))}>
                        { t(lang, EventKey::ShowMyCode) }
                    </button>
                }
                <button type="button" class="lw-event-secondary lw-cancel" onclick={move |_| ask.set(Some(id))}>
                    { t(lang, EventKey::CancelRegistration) }
                </button>
            </div>
        }
    };
    html! {
        <li key={id} class="lw-my-event" role="listitem" data-id={id.to_string()} data-status={r.status.as_str()}>
            <p class="lw-title">{ &r.title }</p>
            <p class="lw-when"><time datetime={r.starts_at.clone()}>{ china_time(&r.starts_at) }</time></p>
            <p class="lw-reg-status">{ status(lang, r) }</p>
            if let (EventStatus::Cancelled, reason) = (r.event_status, &r.cancel_reason) {
                <p class="lw-cancel-reason">
                    { fill(t(lang, EventKey::EventCancelledBy), &[("reason", reason.as_deref().unwrap_or(""))]) }
                </p>
            }
            if let Some(at) = &r.checked_in_at {
                <p class="lw-partner lw-checked-in">{ fill(t(lang, EventKey::CheckedIn), &[("time", &china_time(at))]) }</p>
            }
            { actions }
        </li>
    }
}
