//! "My card": the cardholder signs in with card number and second factor,
//! sees what the card reaches in both districts and why, shows a counter
//! code, reads their own redemptions, registers for the event the widget
//! asked for ([`super::EventRegistration`]), manages their registrations
//! ([`super::MyEvents`]), shows the code the door scans, and signs out.
//!
//! The session comes from the root (which keeps the token in memory only);
//! this view holds the rest ([`crate::card_state`]) and manages focus: to the
//! list heading after sign-in, back to a benefit (its title) when its code
//! closes, to the card number field after signing out.

use std::rc::Rc;

use linan_shared::{CardNumber, CardSessionDto, Lang, fill};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{
    CardBenefitItemProps, CounterCode, ErrorBoxProps, EventRegistration, LoadingProps, MyEvents, RedemptionListProps,
    card_benefit_item, error_box, loading, redemption_list,
};
use crate::api::{self, ClientError};
use crate::attrs::WidgetConfig;
use crate::card_state::{CardAction, CardView, Overview, SignIn};
use crate::dom::{focus_lost, focus_within};
use crate::eligibility::card_name;
use crate::hooks::Reference;
use crate::i18n::{CardKey, EventKey, Key, t};
use crate::state::Status;
use crate::wording::count;

/// Props of [`MyCardView`].
#[derive(Properties, PartialEq)]
pub struct MyCardViewProps {
    /// The widget's configuration.
    pub config: WidgetConfig,
    /// Scheme names for the card and the recognition reasons.
    pub reference: Reference,
    /// The cardholder's session, if signed in.
    pub session: Option<Rc<CardSessionDto>>,
    /// Signed in (`Some`) or out (`None`).
    pub on_session: Callback<Option<Rc<CardSessionDto>>>,
    /// Reports the root's `data-state`.
    pub on_status: Callback<Status>,
    /// The event the widget asked to register for, and the how-many-th
    /// request it is (a new request shows the event again).
    #[prop_or_default]
    pub event: Option<(i64, u32)>,
}

/// Where focus goes after the next render.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Focus {
    Heading,
    Item(i64),
    Form,
    /// Back to "Show my code" of an event.
    EventCode(i64),
}

/// The view.
#[component]
pub fn MyCardView(props: &MyCardViewProps) -> Html {
    let MyCardViewProps { config, reference, session, on_session, on_status, event } = props;
    let lang = config.lang;
    let view = use_reducer_eq(CardView::default);
    let ids = use_mut_ref(|| 0u32);
    let focus_next = use_mut_ref(|| None::<Focus>);
    let root = use_node_ref();
    let (number, last4, birth) = (use_node_ref(), use_node_ref(), use_node_ref());
    let token = session.as_ref().map(|s| AttrValue::from(s.token.clone()));
    let signed_in = token.is_some();
    // Registrations made here reload "My events"; an event's counter code.
    let events_version = use_state_eq(|| 0u32);
    let event_code = use_state_eq(|| None::<(i64, AttrValue)>);

    {
        let on_status = on_status.clone();
        use_effect_with(view.status(signed_in), move |status| on_status.emit(*status));
    }
    {
        let (dispatch, config, on_session, ids) = (view.dispatcher(), config.clone(), on_session.clone(), ids.clone());
        use_effect_with((token.clone(), lang, config.api.clone(), view.attempt), move |(token, ..)| {
            let Some(token) = token.clone() else { return };
            let request = {
                let mut id = ids.borrow_mut();
                *id = id.wrapping_add(1);
                *id
            };
            dispatch.dispatch(CardAction::Reload(request));
            // Both requests start now and run in parallel.
            let (benefits, history) = (api::card_benefits(&config, &token), api::card_history(&config, &token));
            spawn_local(async move {
                let (benefits, history) = api::card_overview(benefits, history).await;
                if benefits == Err(ClientError::Unauthorized) {
                    dispatch.dispatch(CardAction::Ended(ClientError::Unauthorized));
                    on_session.emit(None);
                } else {
                    dispatch.dispatch(CardAction::Loaded(request, benefits, history));
                }
            });
        });
    }
    {
        let (root, focus_next, refocus) = (root.clone(), focus_next.clone(), use_mut_ref(|| None::<i64>));
        let code_open = event_code.is_some();
        use_effect_with((signed_in, view.open, view.overview.clone(), code_open), move |(_, open, _, code_open)| {
            // While a code is open the list is hidden; keep the target for later.
            if open.is_some() || *code_open {
                return;
            }
            // A closed code reloads the overview; if that refresh re-renders
            // or moves the item, the browser drops its focus. Put it back once,
            // unless the user has moved on.
            let again = refocus.borrow_mut().take().filter(|_| focus_lost()).map(Focus::Item);
            let target = focus_next.borrow_mut().take();
            if let Some(Focus::Item(id)) = target {
                *refocus.borrow_mut() = Some(id);
            }
            let selector = match target.or(again) {
                // The event asked for comes first, if any; then the card's benefits.
                Some(Focus::Heading) => "#lw-requested-heading, #lw-card-heading".to_owned(),
                Some(Focus::Item(id)) => format!(".lw-card-item[data-id=\"{id}\"] .lw-title"),
                Some(Focus::Form) => ".lw-input".to_owned(),
                Some(Focus::EventCode(id)) => {
                    format!(".lw-requested .lw-show-code, .lw-my-event[data-id=\"{id}\"] .lw-show-code")
                }
                None => return,
            };
            focus_within(&root, &selector);
        });
    }

    let on_ended = {
        let (dispatch, on_session) = (view.dispatcher(), on_session.clone());
        Callback::from(move |error: ClientError| {
            dispatch.dispatch(CardAction::Ended(error));
            on_session.emit(None);
        })
    };
    let content = match (session, token) {
        (Some(session), Some(token)) => {
            let on_sign_out = {
                let (dispatch, on_session, config, token, focus_next) =
                    (view.dispatcher(), on_session.clone(), config.clone(), token.clone(), focus_next.clone());
                Callback::from(move |_: MouseEvent| {
                    let (config, token) = (config.clone(), token.clone());
                    spawn_local(async move { api::card_sign_out(&config, &token).await });
                    *focus_next.borrow_mut() = Some(Focus::Form);
                    dispatch.dispatch(CardAction::SignedOut);
                    on_session.emit(None);
                })
            };
            let on_code = {
                let (dispatch, focus_next) = (view.dispatcher(), focus_next.clone());
                Callback::from(move |id: i64| {
                    *focus_next.borrow_mut() = Some(Focus::Item(id));
                    dispatch.dispatch(CardAction::Open(id));
                })
            };
            let on_event_code = {
                let (event_code, focus_next) = (event_code.setter(), focus_next.clone());
                Callback::from(move |(id, title): (i64, AttrValue)| {
                    *focus_next.borrow_mut() = Some(Focus::EventCode(id));
                    event_code.set(Some((id, title)));
                })
            };
            let requested = event.map(|(id, n)| {
                let events_version = events_version.clone();
                html! {
                    <EventRegistration key={format!("{id}-{n}")} {id} config={config.clone()} token={token.clone()}
                        on_registered={Callback::from(move |()| events_version.set(events_version.wrapping_add(1)))}
                        on_code={on_event_code.clone()} on_ended={on_ended.clone()} />
                }
            });
            let my_events = html! {
                <MyEvents config={config.clone()} token={token.clone()} version={*events_version}
                    on_code={on_event_code} on_ended={on_ended.clone()} />
            };
            let event_code_view = (*event_code).clone().map(|(id, title)| {
                let close = event_code.setter();
                html! {
                    <CounterCode key={format!("event-{id}")} {id} config={config.clone()} token={token.clone()}
                        {title} on_ended={on_ended.clone()} on_close={Callback::from(move |()| close.set(None))} />
                }
            });
            let code = view.open.map(|id| {
                let title = match &view.overview {
                    Overview::Loaded(b, _) => {
                        b.items.iter().find(|i| i.benefit.id == id).map(|i| i.benefit.title.clone())
                    }
                    _ => None,
                };
                html! {
                    <CounterCode key={id} {id} config={config.clone()} token={token.clone()}
                        title={title.unwrap_or_default()} on_ended={on_ended.clone()}
                        on_close={view.dispatcher().to_callback().reform(|()| CardAction::Close)} />
                }
            });
            html! {
                <>
                    <div class="lw-card-main" hidden={view.open.is_some() || event_code.is_some()}>
                        { signed_in_panel(lang, session, reference, &view, on_sign_out, on_code, [requested.unwrap_or_default(), my_events]) }
                    </div>
                    { code }
                    { event_code_view }
                </>
            }
        }
        _ => html! {
            <>
                if event.is_some() {
                    <p class="lw-intro lw-requested-note">{ t(lang, EventKey::RegisterHelp) }</p>
                }
                { sign_in_form(
                    lang,
                    &view.sign_in,
                    [&number, &last4, &birth],
                    on_submit(config, &view, on_session, &focus_next, [&number, &last4, &birth]),
                ) }
            </>
        },
    };
    html! { <div class="lw-mycard" ref={root}>{ content }</div> }
}

/// The form's submit: checks the card, and on success hands the session up.
fn on_submit(
    config: &WidgetConfig,
    view: &UseReducerHandle<CardView>,
    on_session: &Callback<Option<Rc<CardSessionDto>>>,
    focus_next: &Rc<std::cell::RefCell<Option<Focus>>>,
    inputs: [&NodeRef; 3],
) -> Callback<SubmitEvent> {
    let pending = view.sign_in == SignIn::Pending;
    let (dispatch, config, on_session, focus_next) =
        (view.dispatcher(), config.clone(), on_session.clone(), focus_next.clone());
    let inputs = inputs.map(NodeRef::clone);
    Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        let value = |n: &NodeRef| n.cast::<HtmlInputElement>().map(|i| i.value().trim().to_owned()).unwrap_or_default();
        let [number, last4, birth] = inputs.each_ref().map(value);
        if pending || number.is_empty() || last4.is_empty() || birth.is_empty() {
            return;
        }
        dispatch.dispatch(CardAction::SignInStarted);
        let (dispatch, config, on_session, focus_next) =
            (dispatch.clone(), config.clone(), on_session.clone(), focus_next.clone());
        // Sent in the one normal form; a malformed number goes as typed, for the API's own 422.
        let number = CardNumber::parse(&number).map(CardNumber::into_string).unwrap_or(number);
        spawn_local(async move {
            match api::card_sign_in(&config, &number, &last4, &birth).await {
                Ok(session) => {
                    *focus_next.borrow_mut() = Some(Focus::Heading);
                    dispatch.dispatch(CardAction::SignedIn);
                    on_session.emit(Some(Rc::new(session)));
                }
                Err(error) => dispatch.dispatch(CardAction::SignInFailed(error)),
            }
        });
    })
}

/// Card number and second factor (ID last 4, birth date). The inputs are uncontrolled (the browser
/// owns their text, so IMEs composing a name are never disturbed) and read
/// on submit; the labels wrap them, so each input is named by its label.
fn sign_in_form(
    lang: Lang,
    state: &SignIn,
    [number, last4, birth]: [&NodeRef; 3],
    onsubmit: Callback<SubmitEvent>,
) -> Html {
    let pending = *state == SignIn::Pending;
    let (error, status) = match state {
        SignIn::Failed(ClientError::Unauthorized) => (Some(t(lang, CardKey::ErrorCredentials)), ""),
        SignIn::Failed(ClientError::BadRequest { .. }) => (Some(t(lang, CardKey::ErrorFactorShape)), ""),
        SignIn::Failed(e) | SignIn::Ended(e) => (Some(e.text(lang)), ""),
        SignIn::Pending => (None, t(lang, CardKey::SigningIn)),
        SignIn::SignedOut => (None, t(lang, CardKey::SignedOut)),
        SignIn::Idle => (None, ""),
    };
    html! {
        <>
            <form class="lw-signin" {onsubmit}>
                <p class="lw-intro">{ t(lang, CardKey::SignInIntro) }</p>
                <label class="lw-field">
                    <span class="lw-label">{ t(lang, CardKey::CardNumber) }</span>
                    <input class="lw-input" ref={number} name="card_number" type="text" required=true
                        autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="32" />
                </label>
                <label class="lw-field">
                    <span class="lw-label">{ t(lang, CardKey::IdLast4) }</span>
                    <input class="lw-input" ref={last4} name="id_last4" type="text" required=true
                        autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="4" />
                </label>
                <label class="lw-field">
                    <span class="lw-label">{ t(lang, CardKey::BirthDate) }</span>
                    <input class="lw-input" ref={birth} name="birth_date" type="text" inputmode="numeric" required=true
                        autocomplete="off" spellcheck="false" maxlength="10" />
                </label>
                <button type="submit" class="lw-submit" aria-disabled={pending.then_some("true")}>
                    { t(lang, if pending { CardKey::SigningIn } else { CardKey::SignIn }) }
                </button>
            </form>
            <p class="lw-count" aria-live="polite">{ status }</p>
            if let Some(text) = error {
                <div class="lw-error" role="alert"><p class="lw-error-text">{ text }</p></div>
            }
        </>
    }
}

/// The card, the event asked for, the holder's events, the benefits the
/// card reaches, the history.
fn signed_in_panel(
    lang: Lang,
    session: &CardSessionDto,
    reference: &Reference,
    view: &UseReducerHandle<CardView>,
    on_sign_out: Callback<MouseEvent>,
    on_code: Callback<i64>,
    [requested, my_events]: [Html; 2],
) -> Html {
    let card = &session.card;
    let (scheme, tier) = card_name(reference.schemes.as_deref(), lang, &card.scheme, &card.tier);
    let retry = view.dispatcher().to_callback().reform(|()| CardAction::Retry);
    let (live, body, history) = match &view.overview {
        Overview::Loading => (t(lang, Key::Loading).to_owned(), loading(&LoadingProps { lang, announce: false }), None),
        Overview::Failed(error) => {
            (String::new(), error_box(&ErrorBoxProps { lang, error: error.clone(), on_retry: retry }), None)
        }
        Overview::Loaded(benefits, history) => {
            let body = if benefits.items.is_empty() {
                html! { <p class="lw-empty">{ t(lang, CardKey::CardEmpty) }</p> }
            } else {
                html! {
                    <ul class="lw-list lw-card-list" role="list" aria-labelledby="lw-card-heading">
                        { for benefits.items.iter().map(|item| {
                            let district = reference.districts.iter().find(|d| d.code == item.benefit.district);
                            card_benefit_item(&CardBenefitItemProps {
                                lang,
                                item: Rc::new(item.clone()),
                                schemes: reference.schemes.clone(),
                                district: district.map(|d| AttrValue::from(d.name.get(lang).to_owned())),
                                on_code: on_code.clone(),
                            })
                        }) }
                    </ul>
                }
            };
            (count(lang, benefits.items.len(), false), body, history.clone())
        }
    };
    html! {
        <>
            <div class="lw-card-bar">
                <div class="lw-card-id">
                    <p class="lw-card-name">{ scheme }{ " " }{ tier }</p>
                    <p class="lw-partner">
                        <span class="lw-card-number">{ &card.number }</span>{ " · " }{ &card.holder_name }{ " · " }
                        { fill(t(lang, CardKey::ValidUntil), &[("date", &card.valid_until)]) }
                    </p>
                </div>
                <button type="button" class="lw-signout" onclick={on_sign_out}>{ t(lang, CardKey::SignOut) }</button>
            </div>
            // Events first: a short list, above a card's many benefits.
            { requested }
            { my_events }
            <h2 class="lw-card-heading" id="lw-card-heading" tabindex="-1">{ t(lang, CardKey::MyBenefits) }</h2>
            <p class="lw-count" aria-live="polite">{ live }</p>
            { body }
            { redemption_list(&RedemptionListProps { lang, list: history }) }
        </>
    }
}
