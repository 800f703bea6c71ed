//! One partner in a review queue: its details and the decision on it —
//! on the partner itself, or (`edit`) on its pending profile edit, shown
//! next to the public profile.

use std::rc::Rc;

use linan_shared::{Decision, PartnerProfileDto, PartnerRevisionDto};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{DecisionForm, PartnerContent, status_badge};
use crate::actions::Verdict;
use crate::api::admin;
use crate::context::use_portal;
use crate::draft::FormError;
use crate::i18n::Key;
use crate::wording;

/// Props of [`PartnerReviewItem`].
#[derive(Properties, PartialEq)]
pub struct PartnerReviewItemProps {
    /// The partner.
    pub partner: Rc<PartnerProfileDto>,
    /// Decide on the partner's pending profile edit, not on the partner.
    #[prop_or_default]
    pub edit: bool,
    /// A decision was recorded (the queue reloads).
    pub on_decided: Callback<Verdict>,
    /// Reload the queue.
    pub on_reload: Callback<()>,
}

/// An `<article>` headed by the partner's name (as text), with its state,
/// last reason, details and the decision form.
#[component]
pub fn PartnerReviewItem(props: &PartnerReviewItemProps) -> Html {
    let portal = use_portal();
    let busy = use_state(|| false);
    let error = use_state(|| None::<FormError>);
    let partner = &props.partner;
    let name = partner.profile.name.get(portal.lang).to_owned();
    let on_decide = {
        let (api, busy, error, on_decided) =
            (portal.api.clone(), busy.clone(), error.clone(), props.on_decided.clone());
        let (id, version, edit) = (partner.id, partner.version, props.edit);
        Callback::from(move |(verdict, reason): (Verdict, Option<String>)| {
            let (api, busy, error, on_decided) = (api.clone(), busy.clone(), error.clone(), on_decided.clone());
            busy.set(true);
            spawn_local(async move {
                let decision = Decision { version, reason };
                let result = if edit {
                    admin::decide_partner_edit(&api, id, verdict, &decision).await
                } else {
                    admin::decide_partner(&api, id, verdict, &decision).await
                };
                busy.set(false);
                match result {
                    Ok(_) => on_decided.emit(verdict),
                    Err(e) => error.set(Some(FormError::from_client(&e))),
                }
            });
        })
    };
    let status = portal.t(wording::partner_status(partner.status));
    let edit = partner.revision.as_ref().filter(|_| props.edit);
    let verdicts = if props.edit { Verdict::FOR_OFFER } else { Verdict::for_partner(partner.status) };
    html! {
        <article class="card review-item" aria-labelledby={format!("partner-{}-name", partner.id)} data-id={partner.id.to_string()}>
            <h2 id={format!("partner-{}-name", partner.id)}>{ name.clone() }</h2>
            <p>{ status_badge(partner.status.as_str(), status) }{ " " }{ portal.fill(Key::UpdatedAt, &[("at", &wording::time(&partner.updated_at))]) }</p>
            if let Some(reason) = &partner.reason {
                <p class="reason">{ portal.fill(Key::ReasonLabel, &[("reason", reason)]) }</p>
            }
            if let Some(revision) = edit {
                { proposed(&portal, revision) }
            }
            <section class="live">
                if edit.is_some() {
                    <h3>{ portal.t(Key::LiveProfile) }</h3>
                }
                <PartnerContent partner={partner.profile.clone()} />
            </section>
            <DecisionForm
                id={format!("partner-{}", partner.id)}
                {name}
                {verdicts}
                {on_decide}
                busy={*busy}
                error={(*error).clone()}
                on_reload={props.on_reload.clone()}
            />
        </article>
    }
}

/// The proposed profile of an edit, with when it was proposed.
fn proposed(portal: &crate::context::Portal, revision: &PartnerRevisionDto) -> Html {
    html! {
        <section class="proposed">
            <p class="note">{ portal.t(Key::PartnerEditOfLive) }</p>
            <h3>{ portal.t(Key::ProposedProfile) }</h3>
            <p class="muted">{ portal.fill(Key::UpdatedAt, &[("at", &wording::time(&revision.updated_at))]) }</p>
            <PartnerContent partner={revision.profile.clone()} />
        </section>
    }
}
