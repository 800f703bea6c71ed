//! One redemption: what, which card, when, whether voided (and why), and
//! the void form while the 30 minutes last.

use linan_shared::RedemptionDto;
use yew::prelude::*;

use super::{VoidForm, fact, status_badge};
use crate::context::use_portal;
use crate::counter::voidable;
use crate::dom::{now_ms, time_ms};
use crate::i18n::Key;
use crate::wording;

/// Props of [`RedemptionItem`].
#[derive(Properties, PartialEq)]
pub struct RedemptionItemProps {
    /// Unique prefix of the element ids on the page.
    pub prefix: AttrValue,
    /// The redemption.
    pub redemption: RedemptionDto,
    /// It was voided here.
    pub on_voided: Callback<RedemptionDto>,
}

/// An `article.redemption` (titles and reasons as text).
#[component]
pub fn RedemptionItem(props: &RedemptionItemProps) -> Html {
    let portal = use_portal();
    let r = &props.redemption;
    let can_void = voidable(time_ms(&r.redeemed_at), now_ms(), r.voided_at.is_some());
    html! {
        <article class="card redemption" data-id={r.id.to_string()} data-voided={r.voided_at.is_some().then_some("true")}>
            <h3>{ r.benefit_title.clone() }</h3>
            if r.voided_at.is_some() {
                <p>{ status_badge("voided", portal.t(Key::VoidedBadge)) }</p>
            }
            <ul class="facts">
                { fact(&portal, Key::FactCardNumber, r.card_number.clone()) }
                { fact(&portal, Key::FactRedeemedAt, wording::time(&r.redeemed_at)) }
                if let Some(at) = &r.voided_at {
                    { fact(&portal, Key::FactVoidedAt, wording::time(at)) }
                }
            </ul>
            if let Some(reason) = &r.void_reason {
                <p class="reason">{ portal.fill(Key::ReasonLabel, &[("reason", reason)]) }</p>
            }
            if can_void {
                <VoidForm prefix={props.prefix.clone()} id={r.id} on_voided={props.on_voided.clone()} />
            }
        </article>
    }
}
