//! A form's draft in a reducer, so that quick successive inputs (typing,
//! autofill of several fields at once) each apply to the latest draft.

use std::rc::Rc;

use yew::prelude::*;

use crate::counter::{ProofDraft, ProofField};
use crate::draft::{EventDraft, EventField, OfferDraft, OfferField, PartnerDraft, PartnerField};

/// A form's values, changed one field at a time.
pub trait Draft: Clone + PartialEq + 'static {
    /// What names one input.
    type Field: 'static;
    /// Sets one input's value.
    fn set_field(&mut self, field: &Self::Field, value: String);
}

impl Draft for OfferDraft {
    type Field = OfferField;
    fn set_field(&mut self, field: &OfferField, value: String) {
        self.set(field, value);
    }
}

impl Draft for EventDraft {
    type Field = EventField;
    fn set_field(&mut self, field: &EventField, value: String) {
        self.set(field, value);
    }
}

impl Draft for PartnerDraft {
    type Field = PartnerField;
    fn set_field(&mut self, field: &PartnerField, value: String) {
        self.set(*field, value);
    }
}

impl Draft for ProofDraft {
    type Field = ProofField;
    fn set_field(&mut self, field: &ProofField, value: String) {
        self.set(*field, value);
    }
}

#[derive(PartialEq)]
struct Holder<D>(D);

enum Change<D: Draft> {
    Set(D::Field, String),
    Replace(D),
}

impl<D: Draft> Reducible for Holder<D> {
    type Action = Change<D>;

    fn reduce(self: Rc<Self>, change: Change<D>) -> Rc<Self> {
        match change {
            Change::Set(field, value) => {
                let mut draft = self.0.clone();
                draft.set_field(&field, value);
                Rc::new(Holder(draft))
            }
            Change::Replace(draft) => Rc::new(Holder(draft)),
        }
    }
}

/// A draft and its two ways of changing.
pub struct DraftHandle<D: Draft> {
    /// The values now.
    pub draft: D,
    /// One input changed.
    pub on_change: Callback<(D::Field, String)>,
    /// Start over from other values (after a reload).
    pub replace: Callback<D>,
}

/// A form draft starting from `init()`.
#[hook]
pub fn use_draft<D: Draft, I: FnOnce() -> D>(init: I) -> DraftHandle<D> {
    let holder = use_reducer(move || Holder(init()));
    let on_change = {
        let dispatch = holder.dispatcher();
        Callback::from(move |(field, value)| dispatch.dispatch(Change::Set(field, value)))
    };
    let replace = {
        let dispatch = holder.dispatcher();
        Callback::from(move |draft| dispatch.dispatch(Change::Replace(draft)))
    };
    DraftHandle { draft: holder.0.clone(), on_change, replace }
}
