//! One offer (or an edit of a live one) in the review queue: its content and
//! the decision on it.

use std::rc::Rc;

use linan_shared::{Decision, OfferDto, RevisionStatus};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{DecisionForm, OfferContent, status_badge};
use crate::actions::Verdict;
use crate::api::admin;
use crate::context::use_portal;
use crate::draft::FormError;
use crate::i18n::Key;
use crate::wording;

/// Props of [`OfferReviewItem`].
#[derive(Properties, PartialEq)]
pub struct OfferReviewItemProps {
    /// The offer.
    pub offer: Rc<OfferDto>,
    /// A decision was recorded (the queue reloads).
    pub on_decided: Callback<Verdict>,
    /// Reload the queue.
    pub on_reload: Callback<()>,
}

/// An `<article>` headed by the title under review (as text). For an edit
/// of a published offer, the proposed content comes first and the public
/// one is folded away below it.
#[component]
pub fn OfferReviewItem(props: &OfferReviewItemProps) -> Html {
    let portal = use_portal();
    let busy = use_state(|| false);
    let error = use_state(|| None::<FormError>);
    let offer = &props.offer;
    let pending_edit = offer.revision.as_ref().filter(|r| r.status == RevisionStatus::PendingReview);
    let proposed = pending_edit.map_or(&offer.offer, |r| &r.offer);
    let title = proposed.title.get(portal.lang).to_owned();
    let on_decide = {
        let (api, busy, error, on_decided) =
            (portal.api.clone(), busy.clone(), error.clone(), props.on_decided.clone());
        let (id, version) = (offer.id, offer.version);
        Callback::from(move |(verdict, reason): (Verdict, Option<String>)| {
            let (api, busy, error, on_decided) = (api.clone(), busy.clone(), error.clone(), on_decided.clone());
            busy.set(true);
            spawn_local(async move {
                let result = admin::decide_offer(&api, id, verdict, &Decision { version, reason }).await;
                busy.set(false);
                match result {
                    Ok(_) => on_decided.emit(verdict),
                    Err(e) => error.set(Some(FormError::from_client(&e))),
                }
            });
        })
    };
    let heading_id = format!("offer-{}-title", offer.id);
    html! {
        <article class="card review-item" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id}>{ title.clone() }</h2>
            <p>
                { status_badge(offer.status.as_str(), portal.t(wording::offer_status(offer.status))) }
                { " " }{ portal.fill(Key::PartnerOf, &[("name", &offer.partner.name)]) }
            </p>
            <p class="muted">{ portal.fill(Key::UpdatedAt, &[("at", &wording::time(&offer.updated_at))]) }</p>
            if pending_edit.is_some() {
                <p class="note">{ portal.t(Key::RevisionOfLive) }</p>
                <h3>{ portal.t(Key::ProposedVersion) }</h3>
            }
            <OfferContent offer={proposed.clone()} />
            if pending_edit.is_some() {
                <details>
                    <summary>{ portal.t(Key::LiveVersion) }</summary>
                    <OfferContent offer={offer.offer.clone()} />
                </details>
            }
            <DecisionForm
                id={format!("offer-{}", offer.id)}
                name={title}
                verdicts={Verdict::FOR_OFFER}
                {on_decide}
                busy={*busy}
                error={(*error).clone()}
                on_reload={props.on_reload.clone()}
            />
        </article>
    }
}
