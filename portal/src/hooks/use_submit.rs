//! A form's submit: check the values in the browser, then one API call, with
//! its busy flag and its error for a [`FormAlert`](crate::components::FormAlert)
//! and the form's fields; focus goes to the error (as [`use_focus_error`]).

use std::future::Future;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::use_focus_error;
use crate::api::ClientError;
use crate::draft::FormError;

/// A form's state and its `onsubmit`.
pub struct SubmitHandle {
    /// The call is under way.
    pub busy: bool,
    /// The values were refused, in the browser or by the API.
    pub error: Option<FormError>,
    /// For the `<form>`: submits unless a call is under way.
    pub onsubmit: Callback<SubmitEvent>,
}

/// On submit, `submit()` checks the values and gives the call to make, or
/// the error to show without a call; `on_done` gets what the API answered.
/// Focus after an error goes within the form with id `form_id`.
#[hook]
pub fn use_submit<F, Fut, T>(form_id: &'static str, submit: F, on_done: Callback<T>) -> SubmitHandle
where
    F: Fn() -> Result<Fut, FormError> + 'static,
    Fut: Future<Output = Result<T, ClientError>> + 'static,
    T: 'static,
{
    let busy = use_state(|| false);
    let error = use_state(|| None::<FormError>);
    use_focus_error(form_id, (*error).clone());
    let onsubmit = {
        let (busy, error) = (busy.clone(), error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let pending = match submit() {
                Ok(pending) => pending,
                Err(e) => return error.set(Some(e)),
            };
            let (busy, error, on_done) = (busy.clone(), error.clone(), on_done.clone());
            busy.set(true);
            error.set(None);
            spawn_local(async move {
                let result = pending.await;
                busy.set(false);
                match result {
                    Ok(done) => on_done.emit(done),
                    Err(e) => error.set(Some(FormError::from_client(&e))),
                }
            });
        })
    };
    SubmitHandle { busy: *busy, error: (*error).clone(), onsubmit }
}
