//! `#/review/offers`: offers awaiting review, and edits of published offers
//! awaiting review, a page at a time.

use std::rc::Rc;

use yew::prelude::*;

use super::{OfferReviewItem, pages_empty, pages_footer};
use crate::actions::Verdict;
use crate::api::admin;
use crate::context::use_portal;
use crate::hooks::use_pages;
use crate::i18n::Key;

/// The queue: one item per offer, and "load more".
#[component]
pub fn ReviewOffersPage() -> Html {
    let portal = use_portal();
    let api = portal.api.clone();
    let queue = use_pages((), move |(), cursor| {
        let api = api.clone();
        async move { admin::pending_offers(&api, cursor.as_deref()).await.map(|page| (page.items, page.next_cursor)) }
    });
    let on_decided = {
        let (reload, announce) = (queue.reload.clone(), portal.announce.clone());
        Callback::from(move |verdict: Verdict| {
            announce.emit(verdict.done());
            reload.emit(());
            // The decided item leaves the queue; keep keyboard focus in the page.
            crate::dom::focus("#main");
        })
    };
    let items = queue.state.items.iter().map(|o| {
        html! {
            <OfferReviewItem
                key={o.id}
                offer={Rc::clone(o)}
                on_decided={on_decided.clone()}
                on_reload={queue.reload.clone()}
            />
        }
    });
    html! {
        <>
            <h1>{ portal.t(Key::ReviewOffersTitle) }</h1>
            if pages_empty(&queue) {
                <p class="empty">{ portal.t(Key::ReviewEmpty) }</p>
            }
            <div class="list">{ for items }</div>
            { pages_footer(&portal, &queue) }
        </>
    }
}
