//! `#/review/offers`: offers awaiting review, and edits of published offers
//! awaiting review, a page at a time.

use std::rc::Rc;

use yew::prelude::*;

use super::{OfferReviewItem, on_decided, review_queue};
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
    let on_decided = on_decided(&portal, &queue);
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
    review_queue(&portal, Key::ReviewOffersTitle, &queue, html! { <>{ for items }</> })
}
