//! The debounced search: typing settles for [`DELAY_MS`] before the list
//! reloads; Enter searches at once. The decisions live in [`crate::debounce`].

use std::time::Duration;

use wasm_bindgen_futures::spawn_local;
use yew::platform::time::sleep;
use yew::prelude::*;

use crate::debounce::{DELAY_MS, Debounce, normalize};

/// The callbacks of the search box.
pub struct SearchHandle {
    /// What was typed so far: searched once typing pauses.
    pub on_input: Callback<String>,
    /// Search this now (Enter).
    pub on_commit: Callback<String>,
}

/// Debounces typing into `on_search` (normalised terms, `None` for none).
/// `on_search` should be stable (memoised): the callbacks are memoised on it,
/// and the search box attaches a DOM listener to `on_input`.
#[hook]
pub fn use_search(on_search: Callback<Option<String>>) -> SearchHandle {
    let debounce = use_mut_ref(Debounce::default);
    let on_input = {
        let debounce = debounce.clone();
        use_callback(on_search.clone(), move |typed: String, on_search| {
            let ticket = debounce.borrow_mut().ticket();
            let (on_search, debounce) = (on_search.clone(), debounce.clone());
            spawn_local(async move {
                sleep(Duration::from_millis(DELAY_MS)).await;
                if debounce.borrow().is_current(ticket) {
                    on_search.emit(normalize(&typed));
                }
            });
        })
    };
    let on_commit = use_callback(on_search, move |typed: String, on_search| {
        // Cancels the pending debounced search, which would only repeat this one.
        debounce.borrow_mut().ticket();
        on_search.emit(normalize(&typed));
    });
    SearchHandle { on_input, on_commit }
}
