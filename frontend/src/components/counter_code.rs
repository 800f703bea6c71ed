//! The counter code for one benefit: the QR, its numeric form, and a
//! countdown; a new code once it expires (or at any time).
//!
//! A non-modal dialog that replaces the list, like the catalogue's detail:
//! focus moves to its close button; Escape or the button closes it, and the
//! view then returns focus to the benefit (its title: the code button may
//! be disabled by then, once the code was used).

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use linan_shared::{CounterCodeDto, fill};
use wasm_bindgen_futures::spawn_local;
use yew::platform::time::sleep;
use yew::prelude::*;

use super::{ErrorBoxProps, LoadingProps, QrCodeProps, dialog_bar, error_box, loading, qr_code, use_dialog};
use crate::api::{self, ClientError};
use crate::attrs::WidgetConfig;
use crate::card_wording::{clock, seconds_left};
use crate::i18n::{CardKey, t};

/// Props of [`CounterCode`].
#[derive(Properties, PartialEq)]
pub struct CounterCodeProps {
    /// The widget's configuration.
    pub config: WidgetConfig,
    /// The cardholder's session token.
    pub token: AttrValue,
    /// The benefit's id (names the dialog's title).
    pub id: i64,
    /// The benefit's title.
    pub title: AttrValue,
    /// Close the code.
    pub on_close: Callback<()>,
    /// The server no longer knows the session.
    pub on_ended: Callback<ClientError>,
}

/// Where the code is.
#[derive(Debug, Clone, PartialEq)]
enum Code {
    /// On its way.
    Loading,
    /// Here, fetched at this time (ms since the epoch).
    Shown(Rc<CounterCodeDto>, f64),
    /// Refused (card suspended…) or failed.
    Failed(ClientError),
}

/// The dialog's state in one reducer (each hook state type costs wasm).
#[derive(Debug, Clone, PartialEq)]
struct Dialog {
    code: Code,
    /// Bumped for a new code.
    attempt: u32,
    /// The countdown's clock (ms since the epoch).
    now: f64,
}

enum DialogAction {
    Start,
    Done(Result<Rc<CounterCodeDto>, ClientError>),
    Tick(f64),
    Again,
}

impl Reducible for Dialog {
    type Action = DialogAction;

    fn reduce(self: Rc<Self>, action: DialogAction) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        match action {
            DialogAction::Start => next.code = Code::Loading,
            DialogAction::Done(Ok(dto)) => {
                next.now = js_sys::Date::now();
                next.code = Code::Shown(dto, next.now);
            }
            DialogAction::Done(Err(error)) => next.code = Code::Failed(error),
            DialogAction::Tick(now) => next.now = now,
            DialogAction::Again => next.attempt = next.attempt.wrapping_add(1),
        }
        Rc::new(next)
    }
}

/// The counter code dialog.
#[component]
pub fn CounterCode(props: &CounterCodeProps) -> Html {
    let lang = props.config.lang;
    let dialog = use_reducer(|| Dialog { code: Code::Loading, attempt: 0, now: 0.0 });
    let (close, onkeydown) = use_dialog(&props.on_close);
    {
        let (dispatch, config, token, on_ended) =
            (dialog.dispatcher(), props.config.clone(), props.token.clone(), props.on_ended.clone());
        use_effect_with(dialog.attempt, move |_| {
            dispatch.dispatch(DialogAction::Start);
            spawn_local(async move {
                match api::card_code(&config, &token).await {
                    Err(ClientError::Unauthorized) => on_ended.emit(ClientError::Unauthorized),
                    result => dispatch.dispatch(DialogAction::Done(result.map(Rc::new))),
                }
            });
        });
    }
    // The countdown ticks while a code is shown, and stops at zero or when
    // the dialog closes.
    let shown = match &dialog.code {
        Code::Shown(dto, at) => Some((dto.valid_secs, *at)),
        _ => None,
    };
    {
        let dispatch = dialog.dispatcher();
        use_effect_with(shown.map(|(secs, at)| (secs, at.to_bits())), move |shown| {
            let alive = Rc::new(Cell::new(true));
            if let Some((secs, at)) = *shown {
                let alive = alive.clone();
                spawn_local(async move {
                    while alive.get() {
                        sleep(Duration::from_millis(250)).await;
                        let now = js_sys::Date::now();
                        if alive.get() {
                            dispatch.dispatch(DialogAction::Tick(now));
                        }
                        if seconds_left(secs, f64::from_bits(at), now) == 0 {
                            break;
                        }
                    }
                });
            }
            move || alive.set(false)
        });
    }
    let retry = dialog.dispatcher().to_callback().reform(|()| DialogAction::Again);
    let new_code = retry.reform(|_: MouseEvent| ());
    let left = shown.map(|(secs, at)| seconds_left(secs, at, dialog.now));
    let body = match &dialog.code {
        Code::Loading => loading(&LoadingProps { lang, announce: true }),
        Code::Failed(error) => error_box(&ErrorBoxProps { lang, error: error.clone(), on_retry: retry }),
        Code::Shown(dto, _) => {
            let left = left.unwrap_or(0);
            html! {
                <div class="lw-code-body" data-expired={(left == 0).then_some("true")}>
                    <p class="lw-code-help">{ t(lang, CardKey::CodeHelp) }</p>
                    { qr_code(&QrCodeProps { lang, payload: AttrValue::from(dto.qr.clone()) }) }
                    <p class="lw-code-label">{ t(lang, CardKey::NumericCode) }</p>
                    <p class="lw-code" data-counter-code={dto.code.clone()}>{ &dto.code }</p>
                    <p class="lw-countdown" role="timer" data-seconds-left={left.to_string()}>
                        if left > 0 { { fill(t(lang, CardKey::CodeLeft), &[("t", &clock(left))]) } }
                    </p>
                </div>
            }
        }
    };
    let title_id = format!("lw-code-title-{}", props.id);
    html! {
        <section class="lw-detail lw-code-view" role="dialog" aria-modal="false" aria-labelledby={title_id.clone()} {onkeydown}>
            { dialog_bar(lang, &close, &props.on_close) }
            <h2 class="lw-detail-title" id={title_id}>{ t(lang, CardKey::CodeTitle) }</h2>
            <p class="lw-detail-partner">{ &props.title }</p>
            { body }
            // Said once when the code runs out, not every second.
            <p class="lw-count" aria-live="polite">{ if left == Some(0) { t(lang, CardKey::CodeExpired) } else { "" } }</p>
            <button type="button" class="lw-more lw-new-code" onclick={new_code}>{ t(lang, CardKey::NewCode) }</button>
        </section>
    }
}
