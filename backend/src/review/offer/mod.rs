//! Offers as their partner's staff and the reviewers handle them.
//!
//! Lifecycle: a merchant creates a `draft`, edits it, submits it
//! (`pending_review`); the district admin approves (`published`) or rejects
//! it with a reason (back to `draft`). A published offer can be paused and
//! resumed; anything but a withdrawn offer can be withdrawn. Editing a
//! published or paused offer stores a pending revision; the live content
//! stays public until the revision is approved. A published offer whose
//! window has ended reads as `expired` (computed, so no job is needed and
//! every replica agrees).
//!
//! Here: what both sides share (the DTOs, the audit and version bump of a
//! change); the merchant's editing is [`merchant`], the admin's queue and
//! decisions [`admin`], keeping search text in step with a partner
//! [`search`].

mod admin;
mod merchant;
mod search;

pub use admin::{decide, for_admin, queue};
pub use merchant::{OfferAction, act, create, edit, own_list, own_one};
pub(crate) use search::refresh_search;

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use linan_shared::{AuditAction, BenefitInput, BenefitStatus, OfferDto, PartnerStatus, PartnerSummary, RevisionDto};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

use crate::{
    audit::{self, By, Change},
    auth::Actor,
    calendar::{day_of, from_naive},
    catalogue::{
        assemble::{self, Loaded},
        bump_version,
    },
    entity::{benefit, benefit_revision, partner},
    error::ApiError,
    reference::Reference,
};

/// The stored status, with a published offer past its window on `day` read as expired.
pub(super) fn effective_status(b: &benefit::Model, day: NaiveDate) -> BenefitStatus {
    let stored = b.status;
    if stored == BenefitStatus::Published && b.valid_until < day { BenefitStatus::Expired } else { stored }
}

/// The content of a benefit row as the input that would write it.
pub(super) fn input_of(reference: &Reference, loaded: &Loaded, b: &benefit::Model) -> Result<BenefitInput, ApiError> {
    let broken = || ApiError::Internal(format!("benefit {} has broken references", b.id));
    let eligibility = assemble::rules(reference, loaded, b.id);
    Ok(BenefitInput {
        category: reference.category_code(b.category_id).ok_or_else(broken)?,
        title: b.title(),
        summary: b.summary(),
        description: b.description(),
        terms: b.terms(),
        gives: serde_json::from_str(&b.gives).map_err(|e| ApiError::Internal(format!("benefit {}: {e}", b.id)))?,
        quota: assemble::quota(b),
        eligibility,
        validity: linan_shared::Validity { from: from_naive(b.valid_from), until: from_naive(b.valid_until) },
    })
}

/// Offers as DTOs at `now`, with their partners, rules and revisions loaded in three queries.
pub(super) async fn dtos(
    db: &impl ConnectionTrait,
    reference: &Reference,
    rows: &[benefit::Model],
    now: DateTime<Utc>,
) -> Result<Vec<OfferDto>, ApiError> {
    let loaded = Loaded::for_benefits(db, rows).await?;
    let ids: Vec<i64> = rows.iter().map(|b| b.id).collect();
    let revisions: HashMap<i64, benefit_revision::Model> = benefit_revision::Entity::find()
        .filter(benefit_revision::Column::BenefitId.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.benefit_id, r))
        .collect();
    rows.iter()
        .map(|b| {
            let p = loaded.partners.get(&b.partner_id).ok_or(ApiError::NotFound("partner"))?;
            let revision = match revisions.get(&b.id) {
                Some(r) => Some(RevisionDto {
                    status: r.status,
                    offer: serde_json::from_str(&r.content)
                        .map_err(|e| ApiError::Internal(format!("revision of {}: {e}", b.id)))?,
                    reason: r.reason.clone(),
                }),
                None => None,
            };
            Ok(OfferDto {
                id: b.id,
                partner: PartnerSummary { id: p.id, name: p.name_zh_cn.clone(), kind: assemble::partner_kind(p) },
                status: effective_status(b, day_of(now)),
                version: b.version,
                offer: input_of(reference, &loaded, b)?,
                revision,
                reason: b.review_reason.clone(),
                updated_at: b.updated_at.to_rfc3339_opts(SecondsFormat::Secs, true),
            })
        })
        .collect()
}

pub(super) async fn dto(
    db: &impl ConnectionTrait,
    reference: &Reference,
    row: &benefit::Model,
    now: DateTime<Utc>,
) -> Result<OfferDto, ApiError> {
    dtos(db, reference, std::slice::from_ref(row), now).await?.pop().ok_or(ApiError::NotFound("offer"))
}

pub(super) fn json(dto: &OfferDto) -> Option<serde_json::Value> {
    serde_json::to_value(dto).ok()
}

/// Loads offer `id` if it belongs to `partner_id` (otherwise 404: other
/// partners' offers do not exist for this merchant).
pub(super) async fn own_row(db: &impl ConnectionTrait, partner_id: i64, id: i64) -> Result<benefit::Model, ApiError> {
    benefit::Entity::find_by_id(id)
        .filter(benefit::Column::PartnerId.eq(partner_id))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("offer"))
}

pub(super) async fn partner_row(db: &impl ConnectionTrait, id: i64) -> Result<partner::Model, ApiError> {
    partner::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound("partner"))
}

pub(super) fn not_suspended(p: &partner::Model) -> Result<(), ApiError> {
    if p.status == PartnerStatus::Suspended {
        return Err(ApiError::InvalidState("the partner is suspended; its offers cannot change".into()));
    }
    Ok(())
}

/// Writes the audit event of `action` on an offer and bumps the catalogue version.
pub(super) async fn finish(
    txn: &impl ConnectionTrait,
    actor: &Actor,
    action: AuditAction,
    district_id: i64,
    before: Option<&OfferDto>,
    after: &OfferDto,
) -> Result<(), ApiError> {
    let change = Change {
        action,
        entity: "offer",
        entity_id: after.id,
        district_id: Some(district_id),
        before: before.and_then(json),
        after: json(after),
    };
    audit::record(txn, actor.now, Some(By::from(actor)), change).await?;
    bump_version(txn).await?;
    Ok(())
}
/// Stamps `updated_at` (and the claimed version) on a row whose content did not change.
pub(super) async fn touch(
    db: &impl ConnectionTrait,
    row: benefit::Model,
    now: DateTime<Utc>,
) -> Result<benefit::Model, ApiError> {
    let version = row.version;
    let mut active = row.into_active_model();
    active.version = Set(version);
    active.updated_at = Set(now);
    Ok(active.update(db).await?)
}
