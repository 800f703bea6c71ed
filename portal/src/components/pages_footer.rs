//! The end of a list loaded page by page: the loading line, the error with
//! a retry, or "load more" while there are more pages.

use yew::prelude::*;

use super::{ErrorBox, loading};
use crate::context::Portal;
use crate::hooks::PagesHandle;
use crate::i18n::Key;

/// What follows the items of `pages`.
pub fn pages_footer<T>(portal: &Portal, pages: &PagesHandle<T>) -> Html {
    let state = &pages.state;
    if state.loading {
        return loading(portal);
    }
    if let Some(error) = &state.error {
        // A failed first page starts over; a failed later page is asked for again.
        let retry = if state.items.is_empty() { pages.reload.clone() } else { pages.more.clone() };
        return html! { <ErrorBox error={error.clone()} on_retry={retry} /> };
    }
    if state.next.is_none() {
        return Html::default();
    }
    html! {
        <div class="buttons">
            <button type="button" onclick={pages.more.reform(|_: MouseEvent| ())}>{ portal.t(Key::LoadMore) }</button>
        </div>
    }
}

/// Whether `pages` finished loading and found nothing.
pub fn pages_empty<T>(pages: &PagesHandle<T>) -> bool {
    let state = &pages.state;
    state.items.is_empty() && !state.loading && state.error.is_none()
}
