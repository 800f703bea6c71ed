//! One benefit in full, for the detail view.

use std::rc::Rc;

use linan_shared::BenefitDetail;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::{self, ClientError};
use crate::attrs::WidgetConfig;
use crate::query::benefit_url;

/// Where the detail is.
#[derive(Debug, Clone, PartialEq)]
pub enum DetailState {
    /// On its way.
    Loading,
    /// Here.
    Loaded(Rc<BenefitDetail>),
    /// Failed (a 404 when the benefit went offline meanwhile).
    Failed(ClientError),
}

/// The detail with its request bookkeeping; a reducer like the catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    /// What to show.
    pub state: DetailState,
    /// Id of the latest request: the language can change mid-flight.
    pub request: u32,
    /// Bumped by a retry.
    pub attempt: u32,
}

/// A change to the [`Detail`].
#[derive(Debug, Clone, PartialEq)]
pub enum DetailAction {
    /// A request started.
    Start(u32),
    /// A request ended.
    Done(u32, Result<Rc<BenefitDetail>, ClientError>),
    /// Try again.
    Retry,
}

impl Reducible for Detail {
    type Action = DetailAction;

    fn reduce(self: Rc<Self>, action: DetailAction) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        match action {
            DetailAction::Start(request) => {
                next.state = DetailState::Loading;
                next.request = request;
            }
            DetailAction::Done(request, result) if request == next.request => {
                next.state = match result {
                    Ok(detail) => DetailState::Loaded(detail),
                    Err(error) => DetailState::Failed(error),
                };
            }
            // The answer to a superseded request.
            DetailAction::Done(..) => {}
            DetailAction::Retry => next.attempt = next.attempt.wrapping_add(1),
        }
        Rc::new(next)
    }
}

/// Loads benefit `id` in the widget's language; returns its state and a retry.
#[hook]
pub fn use_detail(config: &WidgetConfig, id: i64) -> (DetailState, Callback<()>) {
    let detail = use_reducer(|| Detail { state: DetailState::Loading, request: 0, attempt: 0 });
    {
        let (dispatch, config, request) = (detail.dispatcher(), config.clone(), detail.request.wrapping_add(1));
        use_effect_with((benefit_url(&config, id), detail.attempt), move |_| {
            dispatch.dispatch(DetailAction::Start(request));
            spawn_local(async move {
                let result = api::benefit(&config, id).await.map(Rc::new);
                dispatch.dispatch(DetailAction::Done(request, result));
            });
        });
    }
    let retry = detail.dispatcher().to_callback().reform(|()| DetailAction::Retry);
    (detail.state.clone(), retry)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(actions: Vec<DetailAction>) -> Detail {
        let start = Rc::new(Detail { state: DetailState::Loading, request: 0, attempt: 0 });
        Rc::unwrap_or_clone(actions.into_iter().fold(start, Reducible::reduce))
    }

    #[test]
    fn only_the_latest_request_sets_the_detail() {
        let d =
            run(vec![DetailAction::Start(1), DetailAction::Start(2), DetailAction::Done(1, Err(ClientError::Network))]);
        assert_eq!(d.state, DetailState::Loading);
        let d = run(vec![DetailAction::Start(1), DetailAction::Done(1, Err(ClientError::NotFound))]);
        assert_eq!(d.state, DetailState::Failed(ClientError::NotFound));
    }

    #[test]
    fn retry_bumps_the_attempt() {
        assert_eq!(run(vec![DetailAction::Retry, DetailAction::Retry]).attempt, 2);
    }
}
