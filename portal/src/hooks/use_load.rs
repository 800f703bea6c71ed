//! Loading one thing from the API, with its states spelled out: loading,
//! failed (with the error), or ready.

use std::{cell::RefCell, future::Future, rc::Rc};

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::ClientError;

/// Where a load is.
#[derive(Debug)]
pub enum Load<T> {
    /// Waiting for the answer.
    Loading,
    /// The request failed.
    Failed(ClientError),
    /// The answer.
    Ready(Rc<T>),
}

impl<T> Clone for Load<T> {
    fn clone(&self) -> Self {
        match self {
            Load::Loading => Load::Loading,
            Load::Failed(e) => Load::Failed(e.clone()),
            Load::Ready(t) => Load::Ready(Rc::clone(t)),
        }
    }
}

/// A load's state and what can be done with it.
pub struct LoadHandle<T> {
    /// The current state.
    pub state: Load<T>,
    /// Loads again (the retry button).
    pub reload: Callback<()>,
    /// Replaces the value with a newer one the API returned (after a write).
    pub set: Callback<T>,
}

/// Loads with `load(key)` now and whenever `key` changes. An answer that
/// arrives after a newer load started (or after [`LoadHandle::set`]) is dropped.
#[hook]
pub fn use_load<K, T, F, Fut>(key: K, load: F) -> LoadHandle<T>
where
    K: PartialEq + Clone + 'static,
    T: 'static,
    F: FnOnce(K) -> Fut + 'static,
    Fut: Future<Output = Result<T, ClientError>> + 'static,
{
    let state = use_state(|| Load::<T>::Loading);
    let generation = use_state(|| 0_u32);
    let latest = use_mut_ref(|| 0_u64);
    {
        let (state, latest) = (state.setter(), Rc::clone(&latest));
        use_effect_with((key, *generation), move |(key, _)| {
            let ticket = next_ticket(&latest);
            state.set(Load::Loading);
            let pending = load(key.clone());
            spawn_local(async move {
                let result = pending.await;
                if *latest.borrow() == ticket {
                    state.set(match result {
                        Ok(value) => Load::Ready(Rc::new(value)),
                        Err(error) => Load::Failed(error),
                    });
                }
            });
        });
    }
    let reload = {
        let generation = generation.clone();
        Callback::from(move |()| generation.set(generation.wrapping_add(1)))
    };
    let set = {
        let (state, latest) = (state.setter(), Rc::clone(&latest));
        Callback::from(move |value: T| {
            next_ticket(&latest);
            state.set(Load::Ready(Rc::new(value)));
        })
    };
    LoadHandle { state: (*state).clone(), reload, set }
}

/// The ticket of a new load: only the answer to the latest one is kept.
pub(super) fn next_ticket(latest: &Rc<RefCell<u64>>) -> u64 {
    let mut latest = latest.borrow_mut();
    *latest += 1;
    *latest
}
