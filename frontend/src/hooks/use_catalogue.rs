//! The catalogue: loads the first page whenever the query changes, the next
//! page on demand, and retries what failed.

use std::cell::RefCell;
use std::rc::Rc;

use linan_shared::BenefitQuery;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::{self, Prefetched};
use crate::attrs::WidgetConfig;
use crate::query::{Filters, build_query};
use crate::state::{Action, Catalogue, Phase};

/// The catalogue's state and what can be done with it.
pub struct CatalogueHandle {
    /// The list, paging and request state.
    pub state: UseReducerHandle<Catalogue>,
    /// Loads the next page (no-op without a cursor or while loading).
    pub load_more: Callback<()>,
    /// Repeats the request that failed.
    pub retry: Callback<()>,
    /// Opens a benefit's detail.
    pub open: Callback<i64>,
    /// Closes the detail.
    pub close: Callback<()>,
}

/// Keeps the catalogue in step with `config` and `filters`; the first page
/// may come from the answers the loader started (`prefetched`).
#[hook]
pub fn use_catalogue(config: &WidgetConfig, prefetched: &Prefetched, filters: &Filters) -> CatalogueHandle {
    let state = use_reducer(Catalogue::default);
    // Request ids are per widget: several widgets on a page never share state.
    let ids = use_mut_ref(|| 0u32);
    let first_page = build_query(config, filters, None);
    {
        let (dispatch, ids, config, prefetched) = (state.dispatcher(), ids.clone(), config.clone(), prefetched.clone());
        use_effect_with((first_page, config.api.clone(), state.attempt), move |(query, _, _)| {
            let request = next_id(&ids);
            dispatch.dispatch(Action::Reload { request });
            fetch_page(config, prefetched, query.clone(), request, dispatch);
        });
    }
    let load_more = {
        let (state, ids, config, filters) = (state.clone(), ids.clone(), config.clone(), filters.clone());
        Callback::from(move |()| {
            let Some(cursor) = state.next_cursor.as_deref().filter(|_| state.can_load_more()) else {
                return;
            };
            let request = next_id(&ids);
            state.dispatch(Action::LoadMore { request });
            let query = build_query(&config, &filters, Some(cursor));
            fetch_page(config.clone(), Prefetched::default(), query, request, state.dispatcher());
        })
    };
    let retry = {
        let (phase, load_more, dispatch) = (state.phase.clone(), load_more.clone(), state.dispatcher());
        Callback::from(move |()| match phase {
            Phase::MoreFailed(_) => load_more.emit(()),
            _ => dispatch.dispatch(Action::Retry),
        })
    };
    let dispatch = state.dispatcher().to_callback();
    let (open, close) = (dispatch.reform(Action::Open), dispatch.reform(|()| Action::Close));
    CatalogueHandle { state, load_more, retry, open, close }
}

fn next_id(ids: &Rc<RefCell<u32>>) -> u32 {
    let mut id = ids.borrow_mut();
    *id = id.wrapping_add(1);
    *id
}

fn fetch_page(
    config: WidgetConfig,
    prefetched: Prefetched,
    query: BenefitQuery,
    request: u32,
    dispatch: UseReducerDispatcher<Catalogue>,
) {
    spawn_local(async move {
        let action = match api::benefits(&config, &prefetched, &query).await {
            Ok(page) => Action::Loaded { request, page },
            Err(error) => Action::Failed { request, error },
        };
        dispatch.dispatch(action);
    });
}
