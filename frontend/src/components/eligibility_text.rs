//! Eligibility in words: the cards that reach a benefit directly, and those
//! that reach it through mutual recognition (see [`crate::eligibility`]).

use std::rc::Rc;

use linan_shared::{CardReach, CardSchemesDto, Lang};
use yew::prelude::*;

use crate::eligibility::{CardTiers, explain, line};
use crate::i18n::{DetailKey, t};

/// Props of [`eligibility_text`].
#[derive(Properties, PartialEq)]
pub struct EligibilityTextProps {
    /// UI language.
    pub lang: Lang,
    /// Every card tier that reaches the benefit, as the server decided.
    pub reached: Vec<CardReach>,
    /// Schemes and the recognition table, when loaded.
    pub schemes: Option<Rc<CardSchemesDto>>,
}

/// Two short lists: "open to holders of" and "through mutual recognition, also".
pub fn eligibility_text(props: &EligibilityTextProps) -> Html {
    let lang = props.lang;
    let e = explain(&props.reached, props.schemes.as_deref(), lang);
    let list = |cards: &[CardTiers]| {
        html! {
            <ul class="lw-elig-list" role="list">
                { for cards.iter().map(|c| html! { <li role="listitem">{ line(lang, c) }</li> }) }
            </ul>
        }
    };
    html! {
        <>
            <p class="lw-elig-intro">{ t(lang, DetailKey::EligibleIntro) }</p>
            { list(&e.direct) }
            if !e.recognised.is_empty() {
                <p class="lw-elig-intro">{ t(lang, DetailKey::RecognisedIntro) }</p>
                { list(&e.recognised) }
            }
        </>
    }
}
