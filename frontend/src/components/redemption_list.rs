//! The holder's own redemptions, newest first.

use std::rc::Rc;

use linan_shared::{Lang, RedemptionList, china_time, fill};
use yew::prelude::*;

use crate::i18n::{CardKey, t};

/// Props of [`redemption_list`].
#[derive(Properties, PartialEq)]
pub struct RedemptionListProps {
    /// UI language.
    pub lang: Lang,
    /// The redemptions (`None`: they could not be loaded; nothing is said).
    pub list: Option<Rc<RedemptionList>>,
}

/// A section with its heading; each redemption with when, where and with
/// which card, and whether the counter voided it.
pub fn redemption_list(props: &RedemptionListProps) -> Html {
    let lang = props.lang;
    let Some(list) = &props.list else { return html! {} };
    html! {
        <section class="lw-section lw-history" aria-label={t(lang, CardKey::History)}>
            <h3>{ t(lang, CardKey::History) }</h3>
            if list.items.is_empty() {
                <p class="lw-empty">{ t(lang, CardKey::HistoryEmpty) }</p>
            } else {
                <ul class="lw-history-list" role="list">
                    { for list.items.iter().map(|r| html! {
                        <li key={r.id} class="lw-redemption" role="listitem" data-id={r.id.to_string()}>
                            <p class="lw-title">{ &r.benefit_title }</p>
                            <p class="lw-partner">
                                { &r.partner_name }{ " · " }
                                <time datetime={r.redeemed_at.clone()}>{ china_time(&r.redeemed_at) }</time>
                            </p>
                            <p class="lw-partner">{ fill(t(lang, CardKey::UsedCard), &[("card", &r.card_number)]) }</p>
                            if r.voided_at.is_some() {
                                <p class="lw-refusal">
                                    { fill(t(lang, CardKey::Voided), &[("reason", r.void_reason.as_deref().unwrap_or(""))]) }
                                </p>
                            }
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}
