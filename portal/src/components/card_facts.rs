//! The card on the counter: holder, number, scheme and tier, state, validity.

use linan_shared::CardDto;
use yew::prelude::*;

use super::{fact, status_badge};
use crate::context::use_portal;
use crate::i18n::Key;
use crate::wording;

/// Props of [`CardFacts`].
#[derive(Properties, PartialEq)]
pub struct CardFactsProps {
    /// The card.
    pub card: CardDto,
}

/// A heading naming the holder (focus lands on it after a check) and a list of facts.
#[component]
pub fn CardFacts(props: &CardFactsProps) -> Html {
    let portal = use_portal();
    let card = &props.card;
    let (scheme, tier) = wording::scheme_tier(portal.lang, &card.scheme, &card.tier, &portal.reference.schemes);
    html! {
        <>
            <h2 id="counter-card-title" tabindex="-1">{ portal.fill(Key::CardOf, &[("name", &card.holder_name)]) }</h2>
            <ul class="facts">
                { fact(&portal, Key::FieldCardNumber, card.number.clone()) }
                { fact(&portal, Key::FactCard, portal.fill(Key::CardSchemeTier, &[("scheme", &scheme), ("tier", &tier)])) }
                <li>
                    <span class="fact-label">{ portal.t(Key::FactCardStatus) }{ portal.t(Key::Colon) }</span>
                    { status_badge(card.status.as_str(), portal.t(wording::card_status(card.status))) }
                </li>
                { fact(&portal, Key::FactValidUntil, card.valid_until.clone()) }
            </ul>
        </>
    }
}
