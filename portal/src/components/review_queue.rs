//! What the review queue pages share: the page around the items, and what
//! happens once a decision on an item is recorded.

use yew::prelude::*;

use super::{pages_empty, pages_footer};
use crate::actions::Verdict;
use crate::context::Portal;
use crate::hooks::PagesHandle;
use crate::i18n::Key;

/// The heading `title`, "nothing to review" when the queue is empty, the items, and "load more".
pub fn review_queue<T>(portal: &Portal, title: Key, queue: &PagesHandle<T>, items: Html) -> Html {
    html! {
        <>
            <h1>{ portal.t(title) }</h1>
            if pages_empty(queue) {
                <p class="empty">{ portal.t(Key::ReviewEmpty) }</p>
            }
            <div class="list">{ items }</div>
            { pages_footer(portal, queue) }
        </>
    }
}

/// Announces the verdict and reloads the queue; the decided item leaves
/// it, so keyboard focus is kept in the page.
pub fn on_decided<T>(portal: &Portal, queue: &PagesHandle<T>) -> Callback<Verdict> {
    let (reload, announce) = (queue.reload.clone(), portal.announce.clone());
    Callback::from(move |verdict: Verdict| {
        announce.emit(verdict.done());
        reload.emit(());
        crate::dom::focus("#main");
    })
}
