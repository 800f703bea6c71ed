//! Running one API call that answers nothing but success (a removal, a
//! revocation), with its busy flag and its error for a [`FormAlert`](crate::components::FormAlert).

use std::{future::Future, rc::Rc};

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::ClientError;
use crate::draft::FormError;

/// An action's state and its trigger.
pub struct ActionHandle {
    /// The call is under way.
    pub busy: bool,
    /// The last call was refused.
    pub error: Option<FormError>,
    /// Makes the call.
    pub run: Callback<()>,
}

/// `act()` on `run`; `on_done` once it succeeded.
#[hook]
pub fn use_action<F, Fut>(act: F, on_done: Callback<()>) -> ActionHandle
where
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<(), ClientError>> + 'static,
{
    let busy = use_state(|| false);
    let error = use_state(|| None::<FormError>);
    let run = {
        let (act, busy, error) = (Rc::new(act), busy.clone(), error.clone());
        Callback::from(move |()| {
            busy.set(true);
            error.set(None);
            let (pending, busy, error, on_done) = (act(), busy.clone(), error.clone(), on_done.clone());
            spawn_local(async move {
                let result = pending.await;
                busy.set(false);
                match result {
                    Ok(()) => on_done.emit(()),
                    Err(e) => error.set(Some(FormError::from_client(&e))),
                }
            });
        })
    };
    ActionHandle { busy: *busy, error: (*error).clone(), run }
}
