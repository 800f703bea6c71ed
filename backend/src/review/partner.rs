//! Partner profiles: the merchant's own profile and its edits, and the
//! district admin's review (approve, reject, suspend, reinstate).
//!
//! A partner not yet public (pending or rejected) edits its profile in
//! place. An approved or suspended one changes its phone at once, while a
//! new name, kind, address or location becomes a pending revision (see
//! [`super::partner_revision`]) and the live profile stays as it is. How a
//! profile reads, with its revision, is [`super::partner_profile`].

use linan_shared::{AuditAction, Decision, PartnerList, PartnerProfileDto, PartnerStatus, PartnerWrite};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set, TransactionSession,
    TransactionTrait,
};

use super::{
    claim_partner,
    page::PageRequest,
    partner_profile::{audit_json, dtos, load, set_reviewed, with_revision},
    partner_revision as revision,
};
use crate::{
    audit::{self, By, Change},
    auth::{Actor, policy},
    catalogue::bump_version,
    entity::partner,
    error::ApiError,
    reference::Reference,
};

/// A reviewer's action on a partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartnerAction {
    /// pending or rejected → approved.
    Approve,
    /// pending → rejected (reason required).
    Reject,
    /// approved → suspended: all its offers leave the catalogue (reason required).
    Suspend,
    /// suspended → approved.
    Reinstate,
}

impl PartnerAction {
    fn name(self) -> &'static str {
        match self {
            PartnerAction::Approve => "approve",
            PartnerAction::Reject => "reject",
            PartnerAction::Suspend => "suspend",
            PartnerAction::Reinstate => "reinstate",
        }
    }

    fn audit(self) -> AuditAction {
        match self {
            PartnerAction::Approve => AuditAction::PartnerApprove,
            PartnerAction::Reject => AuditAction::PartnerReject,
            PartnerAction::Suspend => AuditAction::PartnerSuspend,
            PartnerAction::Reinstate => AuditAction::PartnerReinstate,
        }
    }
}

/// The merchant's own partner.
pub async fn own(
    db: &impl ConnectionTrait,
    reference: &Reference,
    actor: &Actor,
) -> Result<PartnerProfileDto, ApiError> {
    let partner_id = policy::merchant_partner(actor)?;
    with_revision(db, reference, &load(db, partner_id).await?).await
}

/// The merchant edits its partner's details. A partner not yet public
/// changes in place (a rejected one goes back to `pending` for another
/// review); an approved or suspended one changes its phone at once and
/// proposes the rest as a revision (see [`revision::propose`]). The
/// district cannot change (it decides who reviews).
pub async fn edit_own<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    reference: &Reference,
    actor: &Actor,
    write: &PartnerWrite,
) -> Result<PartnerProfileDto, ApiError> {
    let partner_id = policy::merchant_partner(actor)?;
    write.profile.validate().map_err(|e| linan_shared::FieldError { field: format!("profile.{}", e.field), ..e })?;
    let txn = crate::db::begin_write(db).await?;
    let before = load(&txn, partner_id).await?;
    if reference.district_code(before.district_id).as_ref() != Some(&write.profile.district) {
        return Err(ApiError::InvalidField(linan_shared::FieldError {
            field: "profile.district".into(),
            message: "cannot change; ask the alliance to move the partner".into(),
        }));
    }
    let version = claim_partner(&txn, partner_id, write.version).await?;
    let old = with_revision(&txn, reference, &before).await?;
    let status = before.status;
    let input = &write.profile;
    let public = matches!(status, PartnerStatus::Approved | PartnerStatus::Suspended);
    let mut row = before.into_active_model();
    if public {
        revision::propose(&txn, &old, input, actor.now).await?;
    } else {
        set_reviewed(&mut row, input);
    }
    row.phone = Set(input.phone.clone());
    row.version = Set(version);
    if status == PartnerStatus::Rejected {
        row.status = Set(PartnerStatus::Pending);
    }
    row.updated_at = Set(actor.now);
    let after = row.update(&txn).await?;
    if !public {
        super::offer::refresh_search(&txn, reference, &after, actor.now).await?;
    }
    let new = with_revision(&txn, reference, &after).await?;
    let change = Change {
        action: AuditAction::PartnerEdit,
        entity: "partner",
        entity_id: after.id,
        district_id: Some(after.district_id),
        before: audit_json(&old),
        after: audit_json(&new),
    };
    audit::record(&txn, actor.now, Some(By::from(actor)), change).await?;
    bump_version(&txn).await?;
    txn.commit().await?;
    Ok(new)
}

/// A page of the partners in the admin's scope with `status` (default
/// `pending`), oldest change first.
pub async fn queue(
    db: &impl ConnectionTrait,
    reference: &Reference,
    actor: &Actor,
    status: Option<PartnerStatus>,
    page: &PageRequest,
) -> Result<PartnerList, ApiError> {
    let scope = policy::admin_scope(actor)?;
    let mut find = partner::Entity::find().filter(partner::Column::Status.eq(status.unwrap_or(PartnerStatus::Pending)));
    if let Some(district) = scope {
        find = find.filter(partner::Column::DistrictId.eq(district));
    }
    let rows = page.apply(find, partner::Column::UpdatedAt, partner::Column::Id).all(db).await?;
    let (rows, next_cursor) = page.split(rows, |p| (p.updated_at, p.id));
    Ok(PartnerList { items: dtos(db, reference, &rows).await?, next_cursor })
}

/// One partner, for an admin of its district.
pub async fn for_admin(
    db: &impl ConnectionTrait,
    reference: &Reference,
    actor: &Actor,
    id: i64,
) -> Result<PartnerProfileDto, ApiError> {
    policy::admin_scope(actor)?;
    let p = load(db, id).await?;
    policy::admin_in(actor, p.district_id, "partner")?;
    with_revision(db, reference, &p).await
}

/// An admin's decision on partner `id`.
pub async fn decide<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    reference: &Reference,
    actor: &Actor,
    id: i64,
    action: PartnerAction,
    decision: &Decision,
) -> Result<PartnerProfileDto, ApiError> {
    policy::admin_scope(actor)?;
    let reason = match action {
        PartnerAction::Reject | PartnerAction::Suspend => Some(decision.required_reason()?),
        PartnerAction::Approve | PartnerAction::Reinstate => None,
    };
    let txn = crate::db::begin_write(db).await?;
    let before = load(&txn, id).await?;
    policy::admin_in(actor, before.district_id, "partner")?;
    let status = before.status;
    let next = match (action, status) {
        (PartnerAction::Approve, PartnerStatus::Pending | PartnerStatus::Rejected) => PartnerStatus::Approved,
        (PartnerAction::Reject, PartnerStatus::Pending) => PartnerStatus::Rejected,
        (PartnerAction::Suspend, PartnerStatus::Approved) => PartnerStatus::Suspended,
        (PartnerAction::Reinstate, PartnerStatus::Suspended) => PartnerStatus::Approved,
        (action, status) => {
            return Err(ApiError::InvalidState(format!(
                "cannot {} a partner that is {}",
                action.name(),
                status.as_str()
            )));
        }
    };
    let version = claim_partner(&txn, id, decision.version).await?;
    let old = with_revision(&txn, reference, &before).await?;
    let mut row = before.into_active_model();
    row.status = Set(next);
    row.reason = Set(reason);
    row.version = Set(version);
    row.updated_at = Set(actor.now);
    let after = row.update(&txn).await?;
    let new = with_revision(&txn, reference, &after).await?;
    let change = Change {
        action: action.audit(),
        entity: "partner",
        entity_id: id,
        district_id: Some(after.district_id),
        before: audit_json(&old),
        after: audit_json(&new),
    };
    audit::record(&txn, actor.now, Some(By::from(actor)), change).await?;
    bump_version(&txn).await?;
    txn.commit().await?;
    Ok(new)
}
