//! Eligibility in words: the cards a benefit names, and those that reach it
//! through mutual recognition (see [`crate::eligibility`]).

use std::rc::Rc;

use linan_shared::{CardSchemesDto, EligibilityRule, Lang};
use yew::prelude::*;

use crate::eligibility::{CardTiers, explain, line};
use crate::i18n::{Key, t};

/// Props of [`eligibility_text`].
#[derive(Properties, PartialEq)]
pub struct EligibilityTextProps {
    /// UI language.
    pub lang: Lang,
    /// The benefit's rules.
    pub rules: Vec<EligibilityRule>,
    /// Schemes and the recognition table, when loaded.
    pub schemes: Option<Rc<CardSchemesDto>>,
}

/// Two short lists: "open to holders of" and "through mutual recognition, also".
pub fn eligibility_text(props: &EligibilityTextProps) -> Html {
    let lang = props.lang;
    if props.rules.is_empty() {
        return html! { <p class="lw-elig-intro">{ t(lang, Key::EligibleAll) }</p> };
    }
    let e = explain(&props.rules, props.schemes.as_deref(), lang);
    let list = |cards: &[CardTiers]| {
        html! {
            <ul class="lw-elig-list" role="list">
                { for cards.iter().map(|c| html! { <li role="listitem">{ line(lang, c) }</li> }) }
            </ul>
        }
    };
    html! {
        <>
            <p class="lw-elig-intro">{ t(lang, Key::EligibleIntro) }</p>
            { list(&e.direct) }
            if !e.recognised.is_empty() {
                <p class="lw-elig-intro">{ t(lang, Key::RecognisedIntro) }</p>
                { list(&e.recognised) }
            }
        </>
    }
}
