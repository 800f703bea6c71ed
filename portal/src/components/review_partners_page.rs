//! `#/review/partners`: the partner review queue of the admin's district
//! (every district for alliance admins), by state.

use std::rc::Rc;

use linan_shared::PartnerStatus;
use yew::prelude::*;

use super::{Choice, PartnerReviewItem, SelectInput, load_view};
use crate::actions::Verdict;
use crate::api::admin;
use crate::context::use_portal;
use crate::hooks::use_load;
use crate::i18n::Key;
use crate::wording;

/// The queue: a state menu (pending first) and one item per partner.
#[component]
pub fn ReviewPartnersPage() -> Html {
    let portal = use_portal();
    let status = use_state(|| PartnerStatus::Pending);
    let api = portal.api.clone();
    let queue = use_load(*status, move |status| async move { admin::partners(&api, status).await });
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
            .map(|p| {
                html! {
                    <PartnerReviewItem
                        key={p.id}
                        partner={Rc::new(p.clone())}
                        on_decided={on_decided.clone()}
                        on_reload={queue.reload.clone()}
                    />
                }
            })
            .collect::<Html>()
    });
    html! {
        <>
            <h1>{ portal.t(Key::ReviewPartnersTitle) }</h1>
            <SelectInput id="partner-status" label={portal.t(Key::FilterStatus)} value={status.as_str()} {choices} on_change={on_status} />
            <div class="list">{ list }</div>
        </>
    }
}
