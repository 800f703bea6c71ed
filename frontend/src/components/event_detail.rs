//! The detail of one event: a non-modal dialog that replaces the list, as
//! a benefit's does. Description and agenda are the organiser's plain text
//! (line breaks kept by CSS, never markup); the venue with a map link, the
//! online link, the calendar file, who may register, a cancellation's
//! reason, and "Register", which opens "My card" with the event.

use std::rc::Rc;

use linan_shared::{EventDetail, EventStatus, Lang, fill};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{
    EligibilityTextProps, ErrorBoxProps, LoadingProps, dialog_bar, eligibility_text, error_box, loading, use_dialog,
};
use crate::api::{self, ClientError};
use crate::attrs::WidgetConfig;
use crate::eligibility::event_reach;
use crate::event_wording::{availability, seats, type_key, when};
use crate::hooks::Reference;
use crate::i18n::{DetailKey, EventKey, Key, t};
use crate::links::amap_marker;
use linan_shared::china_time;

/// Props of [`EventDetailView`].
#[derive(Properties, PartialEq)]
pub struct EventDetailViewProps {
    /// The widget's configuration (`my_card`: whether "Register" is offered).
    pub config: WidgetConfig,
    /// The event's id.
    pub id: i64,
    /// Its title, from the list: it shows at once.
    pub title: AttrValue,
    /// Scheme names and the recognition table.
    pub reference: Reference,
    /// Close the detail.
    pub on_close: Callback<()>,
    /// Register for it (in "My card").
    pub on_register: Callback<i64>,
}

#[derive(Debug, Clone, PartialEq)]
enum Load {
    Loading,
    Loaded(Rc<EventDetail>),
    Failed(ClientError),
}

/// `role="dialog"` with `aria-modal="false"`; focus to its back button,
/// Escape closes.
#[component]
pub fn EventDetailView(props: &EventDetailViewProps) -> Html {
    let lang = props.config.lang;
    let load = use_state_eq(|| Load::Loading);
    let attempt = use_state_eq(|| 0u32);
    {
        let (load, config) = (load.clone(), props.config.clone());
        use_effect_with((props.id, *attempt), move |(id, _)| {
            load.set(Load::Loading);
            let id = *id;
            spawn_local(async move {
                load.set(match api::event(&config, id).await {
                    Ok(d) => Load::Loaded(Rc::new(d)),
                    Err(e) => Load::Failed(e),
                });
            });
        });
    }
    let (close, onkeydown) = use_dialog(&props.on_close);
    let title_id = format!("lw-event-title-{}", props.id);
    let (title, body) = match &*load {
        Load::Loading => (props.title.to_string(), loading(&LoadingProps { lang, announce: true })),
        Load::Failed(error) => {
            let attempt = attempt.clone();
            let on_retry = Callback::from(move |()| attempt.set(attempt.wrapping_add(1)));
            (props.title.to_string(), error_box(&ErrorBoxProps { lang, error: error.clone(), on_retry }))
        }
        Load::Loaded(d) => (d.summary.title.clone(), body(props, lang, d)),
    };
    html! {
        <section class="lw-detail lw-event-detail" role="dialog" aria-modal="false" aria-labelledby={title_id.clone()} {onkeydown}>
            { dialog_bar(lang, &close, &props.on_close) }
            <h2 class="lw-detail-title" id={title_id}>{ title }</h2>
            { body }
        </section>
    }
}

fn body(props: &EventDetailViewProps, lang: Lang, d: &EventDetail) -> Html {
    let s = &d.summary;
    let (state, status) = availability(s);
    let config = &props.config;
    let calendar = config.endpoint(&format!("events/{}.ics?lang={}", s.id, lang.tag()));
    let reached = props.reference.schemes.as_deref().map(|schemes| event_reach(&s.eligibility, schemes, &today()));
    let register = (config.my_card && s.registration_open && s.status == EventStatus::Published).then(|| {
        let (on_register, id) = (props.on_register.clone(), s.id);
        html! {
            <div class="lw-register">
                <button type="button" class="lw-submit lw-register-btn" onclick={move |_| on_register.emit(id)}>
                    { t(lang, EventKey::Register) }
                </button>
                <p class="lw-partner">{ t(lang, EventKey::RegisterHelp) }</p>
            </div>
        }
    });
    html! {
        <>
            <p class="lw-detail-partner">
                { fill(t(lang, EventKey::Organiser), &[("name", &s.organiser)]) }
                <span class="lw-cat lw-type">{ t(lang, type_key(s.event_type)) }</span>
            </p>
            <p class="lw-meta">
                <span class="lw-status" data-status={status}>{ t(lang, state) }</span>
                if status != "cancelled" {
                    <span class="lw-cat lw-seats">{ seats(lang, s) }</span>
                }
            </p>
            if let Some(reason) = &d.cancel_reason {
                <p class="lw-error lw-cancel-reason">{ fill(t(lang, EventKey::CancelReason), &[("reason", reason)]) }</p>
            }
            { register }
            <div class="lw-section lw-event-when">
                <h3>{ t(lang, EventKey::When) }</h3>
                <p><time datetime={s.starts_at.clone()}>{ when(&s.starts_at, &s.ends_at) }</time></p>
                <p class="lw-partner">{ fill(t(lang, EventKey::RegistrationWindow), &[
                    ("from", &china_time(&d.registration_opens_at)),
                    ("until", &china_time(&d.registration_closes_at)),
                ]) }</p>
                if let Some(n) = d.per_person_yearly {
                    <p class="lw-partner">{ fill(t(lang, EventKey::PerPersonYearly), &[("n", &n.to_string())]) }</p>
                }
                <a class="lw-map lw-ics" href={calendar} download="">{ t(lang, EventKey::AddToCalendar) }</a>
            </div>
            <div class="lw-section lw-address">
                <h3>{ t(lang, EventKey::Venue) }</h3>
                if !s.venue.address.is_empty() {
                    <p>{ &s.venue.address }</p>
                }
                if let Some(point) = s.venue.location {
                    <a class="lw-map" href={amap_marker(point, &s.venue.address)} target="_blank" rel="noopener noreferrer">
                        { t(lang, DetailKey::OpenMap) }
                        <span class="lw-sr">{ t(lang, DetailKey::NewWindow) }</span>
                    </a>
                }
                if let Some(url) = s.venue.online_url.as_ref().filter(|u| u.starts_with("https://")) {
                    <a class="lw-map lw-online" href={url.clone()} target="_blank" rel="noopener noreferrer">
                        { t(lang, EventKey::OnlineLink) }
                        <span class="lw-sr">{ t(lang, DetailKey::NewWindow) }</span>
                    </a>
                }
            </div>
            <div class="lw-section lw-event-description">
                <h3>{ t(lang, EventKey::Description) }</h3>
                <p class="lw-text">{ &d.description }</p>
            </div>
            if !d.agenda.is_empty() {
                <div class="lw-section lw-agenda">
                    <h3>{ t(lang, EventKey::Agenda) }</h3>
                    <p class="lw-text">{ &d.agenda }</p>
                </div>
            }
            <div class="lw-section lw-eligibility">
                <h3>{ t(lang, EventKey::WhoCanJoin) }</h3>
                if s.eligibility.is_empty() {
                    <p>{ t(lang, EventKey::EveryCard) }</p>
                } else if let Some(reached) = reached {
                    { eligibility_text(&EligibilityTextProps { lang, reached, schemes: props.reference.schemes.clone() }) }
                } else {
                    <p>{ t(lang, Key::Loading) }</p>
                }
            </div>
        </>
    }
}

/// Today in China (`YYYY-MM-DD`), the day recognition rows are valid on.
fn today() -> String {
    let now = js_sys::Date::now() + 8.0 * 3_600_000.0;
    let iso = String::from(js_sys::Date::new(&now.into()).to_iso_string());
    iso.get(..10).unwrap_or_default().to_owned()
}
