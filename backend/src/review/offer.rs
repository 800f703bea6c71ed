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

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use linan_shared::{
    AuditAction, BenefitInput, BenefitStatus, Decision, OfferDto, OfferList, OfferWrite, PartnerStatus, PartnerSummary,
    RevisionDto, RevisionStatus,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
    TransactionSession, TransactionTrait, sea_query::Query,
};

use super::{claim_benefit, page::PageRequest};
use crate::{
    audit::{self, By, Change},
    auth::{Actor, policy},
    calendar::{day_of, from_naive},
    catalogue::{
        assemble::{self, Loaded},
        benefit_row, bump_version, create_benefit, replace_content, resolve, text,
    },
    entity::{benefit, benefit_revision, partner},
    error::ApiError,
    reference::Reference,
};

/// A merchant's lifecycle action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfferAction {
    /// draft → pending_review.
    Submit,
    /// published → paused.
    Pause,
    /// paused → published.
    Resume,
    /// anything but withdrawn → withdrawn (final).
    Withdraw,
}

impl OfferAction {
    fn name(self) -> &'static str {
        match self {
            OfferAction::Submit => "submit",
            OfferAction::Pause => "pause",
            OfferAction::Resume => "resume",
            OfferAction::Withdraw => "withdraw",
        }
    }

    fn audit(self) -> AuditAction {
        match self {
            OfferAction::Submit => AuditAction::OfferSubmit,
            OfferAction::Pause => AuditAction::OfferPause,
            OfferAction::Resume => AuditAction::OfferResume,
            OfferAction::Withdraw => AuditAction::OfferWithdraw,
        }
    }
}

/// The stored status, with a published offer past its window on `day` read as expired.
fn effective_status(b: &benefit::Model, day: NaiveDate) -> BenefitStatus {
    let stored = b.status;
    if stored == BenefitStatus::Published && b.valid_until < day { BenefitStatus::Expired } else { stored }
}

/// The content of a benefit row as the input that would write it.
fn input_of(reference: &Reference, loaded: &Loaded, b: &benefit::Model) -> Result<BenefitInput, ApiError> {
    let broken = || ApiError::Internal(format!("benefit {} has broken references", b.id));
    let eligibility = assemble::rules(reference, loaded, b.id);
    Ok(BenefitInput {
        category: reference.category_code(b.category_id).ok_or_else(broken)?,
        title: text(&b.title_zh_cn, b.title_zh_hk.as_deref(), b.title_en.as_deref()),
        summary: text(&b.summary_zh_cn, b.summary_zh_hk.as_deref(), b.summary_en.as_deref()),
        description: text(&b.description_zh_cn, b.description_zh_hk.as_deref(), b.description_en.as_deref()),
        terms: text(&b.terms_zh_cn, b.terms_zh_hk.as_deref(), b.terms_en.as_deref()),
        gives: serde_json::from_str(&b.gives).map_err(|e| ApiError::Internal(format!("benefit {}: {e}", b.id)))?,
        quota: assemble::quota(b),
        eligibility,
        validity: linan_shared::Validity { from: from_naive(b.valid_from), until: from_naive(b.valid_until) },
    })
}

/// Offers as DTOs at `now`, with their partners, rules and revisions loaded in three queries.
async fn dtos(
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

async fn dto(
    db: &impl ConnectionTrait,
    reference: &Reference,
    row: &benefit::Model,
    now: DateTime<Utc>,
) -> Result<OfferDto, ApiError> {
    dtos(db, reference, std::slice::from_ref(row), now).await?.pop().ok_or(ApiError::NotFound("offer"))
}

fn json(dto: &OfferDto) -> Option<serde_json::Value> {
    serde_json::to_value(dto).ok()
}

/// Loads offer `id` if it belongs to `partner_id` (otherwise 404: other
/// partners' offers do not exist for this merchant).
async fn own_row(db: &impl ConnectionTrait, partner_id: i64, id: i64) -> Result<benefit::Model, ApiError> {
    benefit::Entity::find_by_id(id)
        .filter(benefit::Column::PartnerId.eq(partner_id))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("offer"))
}

async fn partner_row(db: &impl ConnectionTrait, id: i64) -> Result<partner::Model, ApiError> {
    partner::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound("partner"))
}

fn not_suspended(p: &partner::Model) -> Result<(), ApiError> {
    if p.status == PartnerStatus::Suspended {
        return Err(ApiError::InvalidState("the partner is suspended; its offers cannot change".into()));
    }
    Ok(())
}

/// Writes the audit event of `action` on an offer and bumps the catalogue version.
async fn finish(
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

/// The merchant's offers, newest change first.
pub async fn own_list(db: &impl ConnectionTrait, reference: &Reference, actor: &Actor) -> Result<OfferList, ApiError> {
    let partner_id = policy::merchant_partner(actor)?;
    let rows = benefit::Entity::find()
        .filter(benefit::Column::PartnerId.eq(partner_id))
        .order_by_desc(benefit::Column::UpdatedAt)
        .order_by_desc(benefit::Column::Id)
        .all(db)
        .await?;
    Ok(OfferList { items: dtos(db, reference, &rows, actor.now).await?, next_cursor: None })
}

/// One of the merchant's offers.
pub async fn own_one(
    db: &impl ConnectionTrait,
    reference: &Reference,
    actor: &Actor,
    id: i64,
) -> Result<OfferDto, ApiError> {
    let partner_id = policy::merchant_partner(actor)?;
    dto(db, reference, &own_row(db, partner_id, id).await?, actor.now).await
}

/// Creates a draft offer of the merchant's partner.
pub async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    reference: &Reference,
    actor: &Actor,
    input: &BenefitInput,
) -> Result<OfferDto, ApiError> {
    let partner_id = policy::merchant_partner(actor)?;
    let txn = crate::db::begin_write(db).await?;
    let p = super::drafts::lock_with_room(&txn, partner_id).await?;
    not_suspended(&p)?;
    let id = create_benefit(&txn, reference, partner_id, input, BenefitStatus::Draft, None, actor.now).await?;
    let row = own_row(&txn, partner_id, id).await?;
    let after = dto(&txn, reference, &row, actor.now).await?;
    finish(&txn, actor, AuditAction::OfferCreate, p.district_id, None, &after).await?;
    txn.commit().await?;
    Ok(after)
}

/// Edits an offer: a draft changes in place; a published or paused one gets
/// a pending revision (replacing any earlier one) and stays live as it is.
pub async fn edit<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    reference: &Reference,
    actor: &Actor,
    id: i64,
    write: &OfferWrite,
) -> Result<OfferDto, ApiError> {
    let partner_id = policy::merchant_partner(actor)?;
    let txn = crate::db::begin_write(db).await?;
    let p = partner_row(&txn, partner_id).await?;
    not_suspended(&p)?;
    let row = own_row(&txn, partner_id, id).await?;
    let before = dto(&txn, reference, &row, actor.now).await?;
    // Validates and resolves every code before anything is written.
    resolve(reference, &write.offer).map_err(|e| match e {
        ApiError::InvalidField(f) => {
            ApiError::InvalidField(linan_shared::FieldError { field: format!("offer.{}", f.field), ..f })
        }
        other => other,
    })?;
    let version = claim_benefit(&txn, id, write.version).await?;
    let row = benefit::Model { version, ..row };
    let (action, updated) = match row.status {
        BenefitStatus::Draft => {
            (AuditAction::OfferEdit, replace_content(&txn, reference, &p, row, &write.offer, actor.now).await?)
        }
        BenefitStatus::Published | BenefitStatus::Paused | BenefitStatus::Expired => {
            let content =
                serde_json::to_string(&write.offer).map_err(|e| ApiError::Internal(format!("revision: {e}")))?;
            let revision = benefit_revision::ActiveModel {
                benefit_id: Set(id),
                status: Set(RevisionStatus::PendingReview),
                content: Set(content),
                reason: Set(None),
                updated_at: Set(actor.now),
            };
            benefit_revision::Entity::delete_by_id(id).exec(&txn).await?;
            revision.insert(&txn).await?;
            (AuditAction::OfferRevise, touch(&txn, row, actor.now).await?)
        }
        BenefitStatus::PendingReview => {
            return Err(ApiError::InvalidState("the offer is under review; wait for the decision".into()));
        }
        BenefitStatus::Withdrawn => return Err(ApiError::InvalidState("a withdrawn offer cannot change".into())),
    };
    let after = dto(&txn, reference, &updated, actor.now).await?;
    finish(&txn, actor, action, p.district_id, Some(&before), &after).await?;
    txn.commit().await?;
    Ok(after)
}

/// Stamps `updated_at` (and the claimed version) on a row whose content did not change.
async fn touch(db: &impl ConnectionTrait, row: benefit::Model, now: DateTime<Utc>) -> Result<benefit::Model, ApiError> {
    let version = row.version;
    let mut active = row.into_active_model();
    active.version = Set(version);
    active.updated_at = Set(now);
    Ok(active.update(db).await?)
}

/// A merchant's lifecycle action on one of its offers.
pub async fn act<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    reference: &Reference,
    actor: &Actor,
    id: i64,
    action: OfferAction,
    version: i32,
) -> Result<OfferDto, ApiError> {
    let partner_id = policy::merchant_partner(actor)?;
    let txn = crate::db::begin_write(db).await?;
    let p = partner_row(&txn, partner_id).await?;
    if action != OfferAction::Withdraw {
        not_suspended(&p)?;
    }
    let row = own_row(&txn, partner_id, id).await?;
    let status = effective_status(&row, day_of(actor.now));
    let next = match (action, status) {
        (OfferAction::Submit, BenefitStatus::Draft) => BenefitStatus::PendingReview,
        (OfferAction::Pause, BenefitStatus::Published) => BenefitStatus::Paused,
        (OfferAction::Resume, BenefitStatus::Paused) => BenefitStatus::Published,
        (OfferAction::Withdraw, s) if s != BenefitStatus::Withdrawn => BenefitStatus::Withdrawn,
        (action, status) => {
            return Err(ApiError::InvalidState(format!(
                "cannot {} an offer that is {}",
                action.name(),
                status.as_str()
            )));
        }
    };
    let before = dto(&txn, reference, &row, actor.now).await?;
    let new_version = claim_benefit(&txn, id, version).await?;
    if next == BenefitStatus::Withdrawn {
        benefit_revision::Entity::delete_by_id(id).exec(&txn).await?;
    }
    let mut active = row.into_active_model();
    active.status = Set(next);
    active.version = Set(new_version);
    active.updated_at = Set(actor.now);
    if action == OfferAction::Submit {
        active.review_reason = Set(None);
    }
    let updated = active.update(&txn).await?;
    let after = dto(&txn, reference, &updated, actor.now).await?;
    finish(&txn, actor, action.audit(), p.district_id, Some(&before), &after).await?;
    txn.commit().await?;
    Ok(after)
}

/// A page of the offers waiting for review in the admin's scope: submitted
/// ones and published ones with a pending revision, oldest change first.
/// With another `status`, the offers in that state.
pub async fn queue(
    db: &impl ConnectionTrait,
    reference: &Reference,
    actor: &Actor,
    status: Option<BenefitStatus>,
    page: &PageRequest,
) -> Result<OfferList, ApiError> {
    let scope = policy::admin_scope(actor)?;
    let status = status.unwrap_or(BenefitStatus::PendingReview);
    let mut find = benefit::Entity::find();
    if status == BenefitStatus::PendingReview {
        let revised = Query::select()
            .column(benefit_revision::Column::BenefitId)
            .from(benefit_revision::Entity)
            .and_where(benefit_revision::Column::Status.eq(RevisionStatus::PendingReview.as_str()))
            .to_owned();
        find = find.filter(
            sea_orm::Condition::any()
                .add(benefit::Column::Status.eq(status))
                .add(benefit::Column::Id.in_subquery(revised)),
        );
    } else if status == BenefitStatus::Expired {
        // Stored as expired, or published with the window behind it.
        let past = sea_orm::Condition::all()
            .add(benefit::Column::Status.eq(BenefitStatus::Published.as_str()))
            .add(benefit::Column::ValidUntil.lt(day_of(actor.now)));
        find = find.filter(sea_orm::Condition::any().add(benefit::Column::Status.eq(status)).add(past));
    } else {
        find = find.filter(benefit::Column::Status.eq(status));
    }
    if let Some(district) = scope {
        find = find.filter(benefit::Column::DistrictId.eq(district));
    }
    let rows = page.apply(find, benefit::Column::UpdatedAt, benefit::Column::Id).all(db).await?;
    let (rows, next_cursor) = page.split(rows, |b| (b.updated_at, b.id));
    Ok(OfferList { items: dtos(db, reference, &rows, actor.now).await?, next_cursor })
}

/// One offer, for an admin of its district.
pub async fn for_admin(
    db: &impl ConnectionTrait,
    reference: &Reference,
    actor: &Actor,
    id: i64,
) -> Result<OfferDto, ApiError> {
    policy::admin_scope(actor)?;
    let row = benefit::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound("offer"))?;
    policy::admin_in(actor, row.district_id, "offer")?;
    dto(db, reference, &row, actor.now).await
}

/// An admin approves or rejects a submitted offer or a pending revision.
pub async fn decide<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    reference: &Reference,
    actor: &Actor,
    id: i64,
    approve: bool,
    decision: &Decision,
) -> Result<OfferDto, ApiError> {
    policy::admin_scope(actor)?;
    let reason = if approve { None } else { Some(decision.required_reason()?) };
    let txn = crate::db::begin_write(db).await?;
    let row = benefit::Entity::find_by_id(id).one(&txn).await?.ok_or(ApiError::NotFound("offer"))?;
    policy::admin_in(actor, row.district_id, "offer")?;
    let revision =
        benefit_revision::Entity::find_by_id(id).one(&txn).await?.filter(|r| r.status == RevisionStatus::PendingReview);
    let submitted = row.status == BenefitStatus::PendingReview;
    if !submitted && revision.is_none() {
        return Err(ApiError::InvalidState("the offer has nothing waiting for review".into()));
    }
    let before = dto(&txn, reference, &row, actor.now).await?;
    let version = claim_benefit(&txn, id, decision.version).await?;
    let row = benefit::Model { version, ..row };
    let updated = match (revision, approve) {
        (None, _) => {
            let mut active = row.into_active_model();
            active.updated_at = Set(actor.now);
            if approve {
                active.status = Set(BenefitStatus::Published);
                active.published_at = Set(Some(actor.now.timestamp_millis()));
                active.review_reason = Set(None);
            } else {
                active.status = Set(BenefitStatus::Draft);
                active.review_reason = Set(reason);
            }
            active.update(&txn).await?
        }
        (Some(r), true) => {
            let input: BenefitInput =
                serde_json::from_str(&r.content).map_err(|e| ApiError::Internal(format!("revision of {id}: {e}")))?;
            let p = partner_row(&txn, row.partner_id).await?;
            benefit_revision::Entity::delete_by_id(id).exec(&txn).await?;
            replace_content(&txn, reference, &p, row, &input, actor.now).await?
        }
        (Some(r), false) => {
            let mut active = r.into_active_model();
            active.status = Set(RevisionStatus::Rejected);
            active.reason = Set(reason);
            active.updated_at = Set(actor.now);
            active.update(&txn).await?;
            touch(&txn, row, actor.now).await?
        }
    };
    let after = dto(&txn, reference, &updated, actor.now).await?;
    let action = match (submitted, approve) {
        (true, true) => AuditAction::OfferApprove,
        (true, false) => AuditAction::OfferReject,
        (false, true) => AuditAction::OfferRevisionApprove,
        (false, false) => AuditAction::OfferRevisionReject,
    };
    finish(&txn, actor, action, updated.district_id, Some(&before), &after).await?;
    txn.commit().await?;
    Ok(after)
}

/// Rewrites the search columns of partner `p`'s offers after its name or
/// address changed (they are part of what search matches) at `now`.
pub(crate) async fn refresh_search(
    db: &impl ConnectionTrait,
    reference: &Reference,
    p: &partner::Model,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let rows = benefit::Entity::find().filter(benefit::Column::PartnerId.eq(p.id)).all(db).await?;
    let loaded = Loaded::for_benefits(db, &rows).await?;
    for row in rows {
        let input = input_of(reference, &loaded, &row)?;
        let fresh = benefit_row(p, row.category_id, &input, BenefitStatus::Draft, None, now)
            .map_err(|e| ApiError::Internal(e.to_string()))?;
        let mut active = row.into_active_model();
        active.search_title = fresh.search_title;
        active.search_body = fresh.search_body;
        active.update(db).await?;
    }
    Ok(())
}
