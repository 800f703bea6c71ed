//! `#/review/partner-edits`: approved partners' profile edits (name, kind,
//! address, location) awaiting review in the admin's district (every
//! district for alliance admins), a page at a time.

use std::rc::Rc;

use yew::prelude::*;

use super::{PartnerReviewItem, on_decided, review_queue};
use crate::api::admin;
use crate::context::use_portal;
use crate::hooks::use_pages;
use crate::i18n::Key;

/// The queue: one item per partner with its proposed and public profile, and "load more".
#[component]
pub fn ReviewPartnerEditsPage() -> Html {
    let portal = use_portal();
    let api = portal.api.clone();
    let queue = use_pages((), move |(), cursor| {
        let api = api.clone();
        async move { admin::partner_edits(&api, cursor.as_deref()).await.map(|page| (page.items, page.next_cursor)) }
    });
    let decided = on_decided(&portal, &queue);
    let items = queue.state.items.iter().map(|p| {
        html! {
            <PartnerReviewItem key={p.id} partner={Rc::clone(p)} edit=true on_decided={decided.clone()} on_reload={queue.reload.clone()} />
        }
    });
    review_queue(&portal, Key::ReviewPartnerEditsTitle, &queue, html! { <>{ for items }</> })
}
