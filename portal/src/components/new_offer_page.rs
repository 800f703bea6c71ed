//! `#/offers/new`: a new offer, saved as a draft.

use linan_shared::OfferDto;
use yew::prelude::*;

use super::OfferEditor;
use crate::context::use_portal;
use crate::dom::navigate;
use crate::i18n::Key;
use crate::route::Route;

/// The empty form; once saved, the offer's own page (to submit it).
#[component]
pub fn NewOfferPage() -> Html {
    let portal = use_portal();
    let on_saved = {
        let announce = portal.announce.clone();
        Callback::from(move |offer: OfferDto| {
            announce.emit(Key::DraftCreated);
            navigate(Route::Offer(offer.id));
        })
    };
    html! {
        <>
            <p><a href={Route::Offers.href()}>{ portal.t(Key::BackToOffers) }</a></p>
            <h1>{ portal.t(Key::NewOfferTitle) }</h1>
            <OfferEditor {on_saved} />
        </>
    }
}
