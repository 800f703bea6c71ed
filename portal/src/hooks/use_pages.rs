//! Loading a keyset-paged list (the audit log, the review queues): the first
//! page whenever the key changes or on reload, the next one on "load more",
//! each appended to what is shown. An answer that arrives after a newer
//! load started is dropped, as in [`super::use_load`].

use std::{future::Future, rc::Rc};

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::use_load::next_ticket;
use crate::api::ClientError;

/// One page as the API answered it: the items and the next page's cursor.
pub type Page<T> = (Vec<T>, Option<String>);

/// What is shown of a paged list.
#[derive(Debug)]
pub struct Pages<T> {
    /// The items loaded so far, in order.
    pub items: Vec<Rc<T>>,
    /// Where the next page starts (none after the last page).
    pub next: Option<String>,
    /// A page is on its way.
    pub loading: bool,
    /// The last request failed.
    pub error: Option<ClientError>,
}

impl<T> Default for Pages<T> {
    fn default() -> Self {
        Pages { items: Vec::new(), next: None, loading: false, error: None }
    }
}

/// A step of a paged load.
pub enum PageStep<T> {
    /// A request went out.
    Start {
        /// Drop what was shown (a first page).
        fresh: bool,
    },
    /// A page arrived.
    Page(Page<T>),
    /// The request failed.
    Failed(ClientError),
}

impl<T> Reducible for Pages<T> {
    type Action = PageStep<T>;

    fn reduce(self: Rc<Self>, step: PageStep<T>) -> Rc<Self> {
        let mut next = Pages { items: self.items.clone(), next: self.next.clone(), loading: false, error: None };
        match step {
            PageStep::Start { fresh } => {
                if fresh {
                    next = Pages::default();
                }
                next.loading = true;
            }
            PageStep::Page((items, cursor)) => {
                next.items.extend(items.into_iter().map(Rc::new));
                next.next = cursor;
            }
            PageStep::Failed(error) => next.error = Some(error),
        }
        Rc::new(next)
    }
}

/// A paged list's state and what can be done with it.
pub struct PagesHandle<T> {
    /// What is shown.
    pub state: UseReducerHandle<Pages<T>>,
    /// Loads the next page (after the last one loaded).
    pub more: Callback<()>,
    /// Starts over from the first page.
    pub reload: Callback<()>,
}

/// Loads `fetch(key, None)` now and whenever `key` changes or on reload, and
/// `fetch(key, next)` on `more`.
#[hook]
pub fn use_pages<K, T, F, Fut>(key: K, fetch: F) -> PagesHandle<T>
where
    K: PartialEq + Clone + 'static,
    T: 'static,
    F: Fn(K, Option<String>) -> Fut + 'static,
    Fut: Future<Output = Result<Page<T>, ClientError>> + 'static,
{
    let pages = use_reducer(Pages::<T>::default);
    let generation = use_state(|| 0_u32);
    let latest = use_mut_ref(|| 0_u64);
    let fetch = Rc::new(fetch);
    let load = {
        let (pages, latest, fetch, key) = (pages.dispatcher(), Rc::clone(&latest), Rc::clone(&fetch), key.clone());
        Rc::new(move |cursor: Option<String>| {
            let ticket = next_ticket(&latest);
            pages.dispatch(PageStep::Start { fresh: cursor.is_none() });
            let (pending, pages, latest) = (fetch(key.clone(), cursor), pages.clone(), Rc::clone(&latest));
            spawn_local(async move {
                let result = pending.await;
                if *latest.borrow() == ticket {
                    pages.dispatch(match result {
                        Ok(page) => PageStep::Page(page),
                        Err(error) => PageStep::Failed(error),
                    });
                }
            });
        })
    };
    {
        let load = Rc::clone(&load);
        use_effect_with((key, *generation), move |_| load(None));
    }
    let more = {
        let (load, next) = (Rc::clone(&load), pages.next.clone());
        Callback::from(move |()| load(next.clone()))
    };
    let reload = Callback::from(move |()| generation.set(generation.wrapping_add(1)));
    PagesHandle { state: pages, more, reload }
}
