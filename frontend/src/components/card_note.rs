//! The note shown when the host page passed a card (`scheme` + `tier`).

use std::rc::Rc;

use linan_shared::{CardSchemesDto, Lang, fill};
use yew::prelude::*;

use crate::attrs::CardFilter;
use crate::eligibility::card_name;
use crate::i18n::{Key, t};

/// Props of [`card_note`].
#[derive(Properties, PartialEq)]
pub struct CardNoteProps {
    /// UI language.
    pub lang: Lang,
    /// The card the list is restricted to.
    pub card: CardFilter,
    /// Scheme names, when loaded (codes otherwise).
    pub schemes: Option<Rc<CardSchemesDto>>,
}

/// "Showing what a Liwan Talent Card, Tier B gets (mutual recognition included)."
pub fn card_note(props: &CardNoteProps) -> Html {
    let (scheme, tier) = card_name(props.schemes.as_deref(), props.lang, &props.card.scheme, &props.card.tier);
    html! {
        <p class="lw-note">{ fill(t(props.lang, Key::CardNote), &[("card", &scheme), ("tier", &tier)]) }</p>
    }
}
