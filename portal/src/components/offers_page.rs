//! `#/offers`: the merchant's offers with their state and review reasons.

use linan_shared::OfferDto;
use yew::prelude::*;

use super::{load_view, status_badge};
use crate::api::merchant;
use crate::context::{Portal, use_portal};
use crate::hooks::use_load;
use crate::i18n::Key;
use crate::route::Route;
use crate::wording;

/// A "new offer" link and one card per offer, linking to its page.
#[component]
pub fn OffersPage() -> Html {
    let portal = use_portal();
    let api = portal.api.clone();
    let offers = use_load((), move |()| async move { merchant::offers(&api).await });
    let list = load_view(&portal, &offers, |list| {
        if list.items.is_empty() {
            return html! { <p class="empty">{ portal.t(Key::OffersEmpty) }</p> };
        }
        html! { <ul class="list offers">{ for list.items.iter().map(|o| offer_card(&portal, o)) }</ul> }
    });
    html! {
        <>
            <div class="title-row">
                <h1>{ portal.t(Key::OffersTitle) }</h1>
                <a class="button primary" href={Route::NewOffer.href()}>{ portal.t(Key::NewOffer) }</a>
            </div>
            { list }
        </>
    }
}

/// One offer: its title (a link, as text), state, pending edit, reasons, dates.
fn offer_card(portal: &Portal, offer: &OfferDto) -> Html {
    let lang = portal.lang;
    let title = offer.offer.title.get(lang).to_owned();
    let validity = &offer.offer.validity;
    html! {
        <li class="card offer" key={offer.id} data-id={offer.id.to_string()}>
            <h2><a href={Route::Offer(offer.id).href()}>{ title }</a></h2>
            <p class="badges">
                { status_badge(offer.status.as_str(), portal.t(wording::offer_status(offer.status))) }
                if let Some(revision) = &offer.revision {
                    { " " }{ status_badge(revision.status.as_str(), portal.t(wording::revision_status(revision.status))) }
                }
            </p>
            <p class="summary">{ offer.offer.summary.get(lang).to_owned() }</p>
            <p class="muted">
                { portal.fill(Key::ValidRange, &[("from", &validity.from.to_string()), ("until", &validity.until.to_string())]) }
            </p>
            if let Some(reason) = &offer.reason {
                <p class="reason">{ portal.fill(Key::OfferReason, &[("reason", reason)]) }</p>
            }
            if let Some(reason) = offer.revision.as_ref().and_then(|r| r.reason.as_ref()) {
                <p class="reason">{ portal.fill(Key::RevisionReason, &[("reason", reason)]) }</p>
            }
        </li>
    }
}
