//! One benefit the signed-in card reaches: why, what is left, why not, and
//! the button that shows the counter code.

use std::rc::Rc;

use linan_shared::{CardBenefitDto, CardSchemesDto, Lang};
use yew::prelude::*;

use crate::card_wording::{left, refusal_key, via};
use crate::i18n::{CardKey, DetailKey, t};
use crate::wording::{gives, join};

/// Props of [`card_benefit_item`].
#[derive(Properties, PartialEq)]
pub struct CardBenefitItemProps {
    /// UI language.
    pub lang: Lang,
    /// The benefit as this card sees it.
    pub item: Rc<CardBenefitDto>,
    /// Scheme names for the recognition reason (codes until loaded).
    pub schemes: Option<Rc<CardSchemesDto>>,
    /// The benefit's district's name, when known: the list spans both.
    #[prop_or_default]
    pub district: Option<AttrValue>,
    /// Show the counter code for this benefit.
    pub on_code: Callback<i64>,
}

/// A list item. A refused benefit stays listed with its reason, and its
/// code button is disabled: the counter would refuse it for that reason.
pub fn card_benefit_item(props: &CardBenefitItemProps) -> Html {
    let lang = props.lang;
    let item = &props.item;
    let b = &item.benefit;
    let onclick = {
        let (on_code, id) = (props.on_code.clone(), b.id);
        Callback::from(move |_: MouseEvent| on_code.emit(id))
    };
    let left = left(lang, item);
    html! {
        <li key={b.id} class="lw-item lw-card-item" role="listitem" data-id={b.id.to_string()}
            data-refusal={item.refusal.map(|r| r.as_str())}>
            // Focus returns here when its code closes: the button may be
            // disabled by then (the code was just used at the counter).
            <h3 class="lw-title" tabindex="-1">{ &b.title }</h3>
            <p class="lw-partner">{ &b.partner.name }</p>
            <p class="lw-meta">
                <span class="lw-gives">{ gives(lang, &b.gives) }</span>
                if let Some(district) = &props.district {
                    <span class="lw-cat">{ district }</span>
                }
            </p>
            <p class="lw-via">{ via(lang, &item.via, props.schemes.as_deref()) }</p>
            if !left.is_empty() {
                <p class="lw-left">{ join(&left, t(lang, DetailKey::ListSeparator)) }</p>
            }
            if let Some(refusal) = item.refusal {
                <p class="lw-refusal">{ t(lang, refusal_key(refusal)) }</p>
            }
            <button type="button" class="lw-code-btn" disabled={item.refusal.is_some()} {onclick}>
                { t(lang, CardKey::ShowCode) }
                <span class="lw-sr">{ " · " }{ &b.title }</span>
            </button>
        </li>
    }
}
