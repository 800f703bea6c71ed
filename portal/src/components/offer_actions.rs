//! The lifecycle buttons of one offer: submit, pause, resume, withdraw
//! (withdrawing asks to confirm, in the page, since it cannot be undone).

use std::rc::Rc;

use linan_shared::OfferDto;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::FormAlert;
use crate::actions::OfferAction;
use crate::api::merchant;
use crate::context::use_portal;
use crate::draft::FormError;
use crate::i18n::Key;

/// Props of [`OfferActions`].
#[derive(Properties, PartialEq)]
pub struct OfferActionsProps {
    /// The offer.
    pub offer: Rc<OfferDto>,
    /// The API did it; the offer as it is now.
    pub on_done: Callback<(OfferAction, OfferDto)>,
    /// Reload the offer.
    pub on_reload: Callback<()>,
}

/// A titled group of buttons for the actions the offer's state allows.
#[component]
pub fn OfferActions(props: &OfferActionsProps) -> Html {
    let portal = use_portal();
    let busy = use_state(|| false);
    let confirming = use_state(|| false);
    let error = use_state(|| None::<FormError>);
    let actions = OfferAction::available(props.offer.status);
    if actions.is_empty() {
        return Html::default();
    }
    let run = {
        let (api, offer, on_done) = (portal.api.clone(), props.offer.clone(), props.on_done.clone());
        let (busy, confirming, error) = (busy.clone(), confirming.clone(), error.clone());
        Callback::from(move |action: OfferAction| {
            let (api, offer, on_done, busy, error) =
                (api.clone(), offer.clone(), on_done.clone(), busy.clone(), error.clone());
            confirming.set(false);
            busy.set(true);
            error.set(None);
            spawn_local(async move {
                let result = merchant::act_on_offer(&api, offer.id, action, offer.version).await;
                busy.set(false);
                match result {
                    Ok(now) => on_done.emit((action, now)),
                    Err(e) => error.set(Some(FormError::from_client(&e))),
                }
            });
        })
    };
    let buttons = actions.iter().map(|&action| {
        let onclick = if action == OfferAction::Withdraw {
            let confirming = confirming.clone();
            Callback::from(move |_: MouseEvent| confirming.set(true))
        } else {
            run.reform(move |_: MouseEvent| action)
        };
        let class = if action == OfferAction::Withdraw { "danger" } else { "primary" };
        html! { <button type="button" {class} {onclick} disabled={*busy}>{ portal.t(action.label()) }</button> }
    });
    html! {
        <section class="card" aria-labelledby="offer-actions-title">
            <h2 id="offer-actions-title">{ portal.t(Key::ActionsTitle) }</h2>
            if let Some(e) = &*error {
                <FormAlert error={e.clone()} on_reload={props.on_reload.clone()} />
            }
            <div class="buttons">{ for buttons }</div>
            if *confirming {
                <div class="confirm" role="group" aria-labelledby="offer-withdraw-question">
                    <p id="offer-withdraw-question">{ portal.t(Key::ConfirmWithdraw) }</p>
                    <div class="buttons">
                        <button type="button" class="danger" onclick={run.reform(|_: MouseEvent| OfferAction::Withdraw)}>
                            { portal.t(Key::ConfirmWithdrawButton) }
                        </button>
                        <button type="button" onclick={let c = confirming.clone(); move |_| c.set(false)}>
                            { portal.t(Key::Cancel) }
                        </button>
                    </div>
                </div>
            }
        </section>
    }
}
