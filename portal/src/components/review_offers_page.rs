//! `#/review/offers`: offers awaiting review, and edits of published offers
//! awaiting review.

use std::rc::Rc;

use yew::prelude::*;

use super::{OfferReviewItem, load_view};
use crate::actions::Verdict;
use crate::api::admin;
use crate::context::use_portal;
use crate::hooks::use_load;
use crate::i18n::Key;

/// The queue: one item per offer.
#[component]
pub fn ReviewOffersPage() -> Html {
    let portal = use_portal();
    let api = portal.api.clone();
    let queue = use_load((), move |()| async move { admin::pending_offers(&api).await });
    let on_decided = {
        let (reload, announce) = (queue.reload.clone(), portal.announce.clone());
        Callback::from(move |verdict: Verdict| {
            announce.emit(verdict.done());
            reload.emit(());
            // The decided item leaves the queue; keep keyboard focus in the page.
            crate::dom::focus("#main");
        })
    };
    let list = load_view(&portal, &queue, |list| {
        if list.items.is_empty() {
            return html! { <p class="empty">{ portal.t(Key::ReviewEmpty) }</p> };
        }
        list.items
            .iter()
            .map(|o| {
                html! {
                    <OfferReviewItem
                        key={o.id}
                        offer={Rc::new(o.clone())}
                        on_decided={on_decided.clone()}
                        on_reload={queue.reload.clone()}
                    />
                }
            })
            .collect::<Html>()
    });
    html! {
        <>
            <h1>{ portal.t(Key::ReviewOffersTitle) }</h1>
            <div class="list">{ list }</div>
        </>
    }
}
