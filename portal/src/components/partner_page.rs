//! `#/partner`: the merchant's partner — review state, reason, a pending
//! (or refused) edit of a public profile, and the form to change its details.

use std::rc::Rc;

use linan_shared::{PartnerProfileDto, PartnerStatus, PartnerWrite, RevisionStatus};
use yew::prelude::*;

use super::{FormAlert, PartnerContent, PartnerFields, load_view, status_badge};
use crate::api::merchant;
use crate::context::use_portal;
use crate::draft::PartnerDraft;
use crate::hooks::{SubmitHandle, use_draft, use_load, use_submit};
use crate::i18n::Key;
use crate::wording;

const FORM_ID: &str = "partner-form";

/// Loads the partner and shows the form for its current version.
#[component]
pub fn PartnerPage() -> Html {
    let portal = use_portal();
    let api = portal.api.clone();
    let partner = use_load((), move |()| async move { merchant::partner(&api).await });
    let on_saved = {
        let (set, announce) = (partner.set.clone(), portal.announce.clone());
        Callback::from(move |now: PartnerProfileDto| {
            announce.emit(Key::Saved);
            set.emit(now);
        })
    };
    let body = load_view(&portal, &partner, |p: &Rc<PartnerProfileDto>| {
        html! {
            <>
                <p>
                    { portal.t(Key::PartnerStatus) }{ portal.t(Key::Colon) }
                    { status_badge(p.status.as_str(), portal.t(wording::partner_status(p.status))) }
                </p>
                if let Some(reason) = &p.reason {
                    <p class="reason">{ portal.fill(Key::ReasonLabel, &[("reason", reason)]) }</p>
                }
                if p.status == PartnerStatus::Rejected {
                    <p class="note">{ portal.t(Key::PartnerResubmitNote) }</p>
                }
                <p class="muted">{ portal.fill(Key::UpdatedAt, &[("at", &wording::time(&p.updated_at))]) }</p>
                if matches!(p.status, PartnerStatus::Approved | PartnerStatus::Suspended) {
                    <p class="note">{ portal.t(Key::PartnerLiveEditNote) }</p>
                }
                if let Some(revision) = &p.revision {
                    <section class="card" aria-labelledby="partner-revision-title">
                        <h2 id="partner-revision-title">
                            { portal.fill(Key::RevisionTitle, &[("status", portal.t(wording::revision_status(revision.status)))]) }
                        </h2>
                        if let Some(reason) = &revision.reason {
                            <p class="reason">{ portal.fill(Key::RevisionReason, &[("reason", reason)]) }</p>
                        }
                        <PartnerContent partner={revision.profile.clone()} />
                        if revision.status == RevisionStatus::PendingReview {
                            <p class="note">{ portal.t(Key::EditFromRevision) }</p>
                        }
                    </section>
                }
                <PartnerEditor key={p.version} partner={p.clone()} on_saved={on_saved.clone()} on_reload={partner.reload.clone()} />
            </>
        }
    });
    html! {
        <>
            <h1>{ portal.t(Key::PartnerTitle) }</h1>
            { body }
        </>
    }
}

/// Props of [`PartnerEditor`].
#[derive(Properties, PartialEq)]
pub struct PartnerEditorProps {
    /// The partner as loaded.
    pub partner: Rc<PartnerProfileDto>,
    /// The API accepted the change.
    pub on_saved: Callback<PartnerProfileDto>,
    /// Reload (after someone else changed it).
    pub on_reload: Callback<()>,
}

/// The form, starting from the loaded version.
#[component]
pub fn PartnerEditor(props: &PartnerEditorProps) -> Html {
    let portal = use_portal();
    let partner = props.partner.clone();
    // A pending edit is what the merchant works on; a refused one is not.
    let form = use_draft(|| {
        let pending = partner.revision.as_ref().filter(|r| r.status == RevisionStatus::PendingReview);
        PartnerDraft::from_input(pending.map_or(&partner.profile, |r| &r.profile))
    });
    let SubmitHandle { busy, error, onsubmit } = {
        let (draft, api, version) = (form.draft.clone(), portal.api.clone(), props.partner.version);
        use_submit(
            FORM_ID,
            move || {
                let profile = draft.to_input()?;
                let api = api.clone();
                Ok(async move { merchant::save_partner(&api, &PartnerWrite { version, profile }).await })
            },
            props.on_saved.clone(),
        )
    };
    html! {
        <form id={FORM_ID} class="stack" {onsubmit} novalidate=true>
            if let Some(e) = &error {
                <FormAlert error={e.clone()} on_reload={props.on_reload.clone()} />
            }
            <PartnerFields draft={form.draft.clone()} on_change={form.on_change.clone()} error={error.clone()} district_fixed=true />
            <div class="buttons">
                <button type="submit" class="primary" disabled={busy}>{ portal.t(if busy { Key::Busy } else { Key::Save }) }</button>
            </div>
        </form>
    }
}
