//! `#/offers/{id}`: one offer — its state, review reasons, pending edit,
//! actions, and the form to edit it.

use std::rc::Rc;

use linan_shared::{BenefitStatus, OfferDto};
use yew::prelude::*;

use super::{OfferActions, OfferContent, OfferEditor, load_view, status_badge};
use crate::actions::{OfferAction, editable};
use crate::api::merchant;
use crate::context::use_portal;
use crate::hooks::use_load;
use crate::i18n::Key;
use crate::route::Route;
use crate::wording;

/// Props of [`OfferPage`].
#[derive(Properties, PartialEq)]
pub struct OfferPageProps {
    /// The offer's id.
    pub id: i64,
}

/// Loads the offer; after an action or a save, shows what the API returned.
#[component]
pub fn OfferPage(props: &OfferPageProps) -> Html {
    let portal = use_portal();
    let api = portal.api.clone();
    let offer = use_load(props.id, move |id| async move { merchant::offer(&api, id).await });
    let on_done = {
        let (set, announce) = (offer.set.clone(), portal.announce.clone());
        Callback::from(move |(action, now): (OfferAction, OfferDto)| {
            announce.emit(action.done());
            set.emit(now);
        })
    };
    let on_saved = {
        let (set, announce) = (offer.set.clone(), portal.announce.clone());
        Callback::from(move |now: OfferDto| {
            announce.emit(Key::Saved);
            set.emit(now);
        })
    };
    let body = load_view(&portal, &offer, |o: &Rc<OfferDto>| {
        let title = o.offer.title.get(portal.lang).to_owned();
        html! {
            <>
                <h1>{ title }</h1>
                <p>
                    { portal.t(Key::OfferStatus) }{ portal.t(Key::Colon) }
                    { status_badge(o.status.as_str(), portal.t(wording::offer_status(o.status))) }
                </p>
                if let Some(reason) = &o.reason {
                    <p class="reason">{ portal.fill(Key::OfferReason, &[("reason", reason)]) }</p>
                }
                if let Some(revision) = &o.revision {
                    <section class="card" aria-labelledby="offer-revision-title">
                        <h2 id="offer-revision-title">
                            { portal.fill(Key::RevisionTitle, &[("status", portal.t(wording::revision_status(revision.status)))]) }
                        </h2>
                        if let Some(reason) = &revision.reason {
                            <p class="reason">{ portal.fill(Key::RevisionReason, &[("reason", reason)]) }</p>
                        }
                    </section>
                }
                <OfferActions offer={o.clone()} on_done={on_done.clone()} on_reload={offer.reload.clone()} />
                <section aria-labelledby="offer-edit-title">
                    <h2 id="offer-edit-title">{ portal.t(Key::EditOfferTitle) }</h2>
                    if editable(o.status) {
                        // A new version starts the form over from what the API holds now.
                        <OfferEditor key={o.version} offer={o.clone()} on_saved={on_saved.clone()} on_reload={offer.reload.clone()} />
                    } else if o.status == BenefitStatus::Withdrawn {
                        <p class="note">{ portal.t(Key::EditWithdrawn) }</p>
                    } else {
                        <p class="note">{ portal.t(Key::EditUnderReview) }</p>
                        <OfferContent offer={o.revision.as_ref().map_or(&o.offer, |r| &r.offer).clone()} />
                    }
                </section>
            </>
        }
    });
    html! {
        <>
            <p><a href={Route::Offers.href()}>{ portal.t(Key::BackToOffers) }</a></p>
            { body }
        </>
    }
}
