//! `#/review/partners`: the partner review queue of the admin's district
//! (every district for alliance admins), by state, a page at a time.

use std::rc::Rc;

use linan_shared::PartnerStatus;
use yew::prelude::*;

use super::{Choice, PartnerReviewItem, SelectInput, on_decided, pages_empty, pages_footer};
use crate::api::admin;
use crate::context::use_portal;
use crate::hooks::use_pages;
use crate::i18n::Key;
use crate::wording;

/// The queue: a state menu (pending first), one item per partner, and "load more".
#[component]
pub fn ReviewPartnersPage() -> Html {
    let portal = use_portal();
    let status = use_state(|| PartnerStatus::Pending);
    let api = portal.api.clone();
    let queue = use_pages(*status, move |status, cursor| {
        let api = api.clone();
        async move { admin::partners(&api, status, cursor.as_deref()).await.map(|page| (page.items, page.next_cursor)) }
    });
    let choices: Vec<Choice> =
        PartnerStatus::ALL.iter().map(|s| Choice::new(s.as_str(), portal.t(wording::partner_status(*s)))).collect();
    let on_status = {
        let status = status.clone();
        Callback::from(move |code: String| {
            if let Some(s) = PartnerStatus::parse(&code) {
                status.set(s);
            }
        })
    };
    let on_decided = on_decided(&portal, &queue);
    let items = queue.state.items.iter().map(|p| {
        html! {
            <PartnerReviewItem
                key={p.id}
                partner={Rc::clone(p)}
                on_decided={on_decided.clone()}
                on_reload={queue.reload.clone()}
            />
        }
    });
    html! {
        <>
            <h1>{ portal.t(Key::ReviewPartnersTitle) }</h1>
            <SelectInput id="partner-status" label={portal.t(Key::FilterStatus)} value={status.as_str()} {choices} on_change={on_status} />
            if pages_empty(&queue) {
                <p class="empty">{ portal.t(Key::ReviewEmpty) }</p>
            }
            <div class="list">{ for items }</div>
            { pages_footer(&portal, &queue) }
        </>
    }
}
