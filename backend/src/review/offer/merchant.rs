//! Offers as their partner's staff handle them: create, edit (a pending
//! revision once published), submit, pause, resume, withdraw.

use linan_shared::{AuditAction, BenefitInput, BenefitStatus, OfferDto, OfferList, OfferWrite, RevisionStatus};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
    TransactionSession, TransactionTrait,
};

use super::{dto, dtos, effective_status, finish, not_suspended, own_row, partner_row, touch};
use crate::{
    auth::{Actor, policy},
    calendar::day_of,
    catalogue::{create_benefit, replace_content, resolve},
    entity::{benefit, benefit_revision},
    error::ApiError,
    reference::Reference,
    review::claim_benefit,
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
    let p = crate::review::drafts::lock_with_room(&txn, partner_id).await?;
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
