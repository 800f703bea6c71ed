//! One of the partner's offers as the checked card can use it: why it
//! reaches it, what is left, why not, and the "Redeem" button.

use std::rc::Rc;

use linan_shared::CardBenefitDto;
use yew::prelude::*;

use super::{FormAlert, fact};
use crate::context::use_portal;
use crate::draft::FormError;
use crate::i18n::{Key, fill};
use crate::wording;

/// Props of [`CounterOffer`].
#[derive(Properties, PartialEq)]
pub struct CounterOfferProps {
    /// The offer and the card's standing with it.
    pub item: Rc<CardBenefitDto>,
    /// Redemptions can be sent with the proof on the desk.
    pub can_redeem: bool,
    /// This offer's redemption is being sent.
    pub sending: bool,
    /// Some redemption is being sent (every button waits).
    pub busy: bool,
    /// Why this offer's last redemption was refused.
    #[prop_or_default]
    pub error: Option<FormError>,
    /// Redeem this offer.
    pub on_redeem: Callback<i64>,
}

/// `li.counter-offer` with its facts; refused offers say why instead of offering the button.
#[component]
pub fn CounterOffer(props: &CounterOfferProps) -> Html {
    let portal = use_portal();
    let lang = portal.lang;
    let item = &props.item;
    let id = item.benefit.id;
    let title = item.benefit.title.clone();
    let remaining = match (item.remaining, item.period) {
        (Some(n), Some(period)) => {
            fill(lang, Key::RemainingValue, &[("n", &n.to_string()), ("period", portal.t(wording::period(period)))])
        }
        (Some(n), None) => n.to_string(),
        (None, _) => portal.t(Key::PeriodNone).to_owned(),
    };
    let onclick = props.on_redeem.reform(move |_: MouseEvent| id);
    html! {
        <li class="card counter-offer" data-id={id.to_string()}>
            <h3>{ title.clone() }</h3>
            <p class="muted">{ wording::gives(lang, &item.benefit.gives) }</p>
            <ul class="facts">
                { fact(&portal, Key::FactVia, wording::reach(lang, &item.via, &portal.reference.schemes)) }
                { fact(&portal, Key::FactRemaining, remaining) }
                if let Some(left) = item.stock_left {
                    { fact(&portal, Key::FactStockLeft, left.to_string()) }
                }
            </ul>
            if let Some(refusal) = item.refusal {
                <p class="reason refusal" data-refusal={refusal.as_str()}>
                    { portal.fill(Key::RefusalLabel, &[("reason", portal.t(wording::refusal(refusal)))]) }
                </p>
            }
            if let Some(error) = &props.error {
                <FormAlert error={error.clone()} />
            }
            if item.refusal.is_none() && props.can_redeem {
                <div class="buttons">
                    <button type="button" class="primary" {onclick} disabled={props.busy}
                        aria-label={portal.fill(Key::RedeemButton, &[("title", &title)])}>
                        { portal.t(if props.sending { Key::Busy } else { Key::RedeemLabel }) }
                    </button>
                </div>
            }
        </li>
    }
}
