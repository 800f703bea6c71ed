//! Partner profiles: the merchant's own profile and its edits, and the
//! district admin's review (approve, reject, suspend, reinstate).

use chrono::SecondsFormat;
use linan_shared::{Decision, PartnerInput, PartnerList, PartnerProfileDto, PartnerStatus, PartnerWrite};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set, TransactionSession,
    TransactionTrait,
};

use super::{claim_partner, page::PageRequest};
use crate::{
    audit::{self, By, Change},
    auth::{Actor, policy},
    catalogue::{Reference, assemble, bump_version, text},
    entity::partner,
    error::ApiError,
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
}

/// The registered details of a partner row.
pub fn profile(reference: &Reference, p: &partner::Model) -> Result<PartnerInput, ApiError> {
    Ok(PartnerInput {
        name: text(&p.name_zh_cn, p.name_zh_hk.as_deref(), p.name_en.as_deref()),
        kind: assemble::partner_kind(p),
        district: reference
            .district_code(p.district_id)
            .ok_or_else(|| ApiError::Internal(format!("partner {} has an unknown district", p.id)))?,
        address: text(&p.address_zh_cn, p.address_zh_hk.as_deref(), p.address_en.as_deref()),
        location: assemble::partner_location(p),
        phone: p.phone.clone(),
    })
}

/// A partner row as its staff and reviewers see it.
pub fn dto(reference: &Reference, p: &partner::Model) -> Result<PartnerProfileDto, ApiError> {
    Ok(PartnerProfileDto {
        id: p.id,
        status: PartnerStatus::parse(&p.status).unwrap_or(PartnerStatus::Pending),
        version: p.version,
        profile: profile(reference, p)?,
        reason: p.reason.clone(),
        updated_at: p.updated_at.to_rfc3339_opts(SecondsFormat::Secs, true),
    })
}

fn audit_json(dto: &PartnerProfileDto) -> Option<serde_json::Value> {
    serde_json::to_value(dto).ok()
}

async fn load(db: &impl ConnectionTrait, id: i64) -> Result<partner::Model, ApiError> {
    partner::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound("partner"))
}

/// The merchant's own partner.
pub async fn own(
    db: &impl ConnectionTrait,
    reference: &Reference,
    actor: &Actor,
) -> Result<PartnerProfileDto, ApiError> {
    let partner_id = policy::merchant_partner(actor)?;
    dto(reference, &load(db, partner_id).await?)
}

/// The merchant edits its partner's details; a rejected partner goes back
/// to `pending` for another review. The district cannot change (it decides
/// who reviews).
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
    let old = dto(reference, &before)?;
    let status = PartnerStatus::parse(&before.status).unwrap_or(PartnerStatus::Pending);
    let input = &write.profile;
    let mut row = before.into_active_model();
    row.kind = Set(input.kind.as_str().to_owned());
    row.name_zh_cn = Set(input.name.zh_cn.clone());
    row.name_zh_hk = Set(input.name.zh_hk.clone());
    row.name_en = Set(input.name.en.clone());
    row.address_zh_cn = Set(input.address.zh_cn.clone());
    row.address_zh_hk = Set(input.address.zh_hk.clone());
    row.address_en = Set(input.address.en.clone());
    row.lat = Set(input.location.lat());
    row.lon = Set(input.location.lon());
    row.phone = Set(input.phone.clone());
    row.version = Set(version);
    if status == PartnerStatus::Rejected {
        row.status = Set(PartnerStatus::Pending.as_str().to_owned());
    }
    row.updated_at = Set(actor.now);
    let after = row.update(&txn).await?;
    super::offer::refresh_search(&txn, reference, &after, actor.now).await?;
    let new = dto(reference, &after)?;
    let change = Change {
        action: "partner.edit",
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
    let mut find =
        partner::Entity::find().filter(partner::Column::Status.eq(status.unwrap_or(PartnerStatus::Pending).as_str()));
    if let Some(district) = scope {
        find = find.filter(partner::Column::DistrictId.eq(district));
    }
    let rows = page.apply(find, partner::Column::UpdatedAt, partner::Column::Id).all(db).await?;
    let (rows, next_cursor) = page.split(rows, |p| (p.updated_at, p.id));
    let items = rows.iter().map(|p| dto(reference, p)).collect::<Result<_, _>>()?;
    Ok(PartnerList { items, next_cursor })
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
    dto(reference, &p)
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
    let status = PartnerStatus::parse(&before.status).unwrap_or(PartnerStatus::Pending);
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
    let old = dto(reference, &before)?;
    let mut row = before.into_active_model();
    row.status = Set(next.as_str().to_owned());
    row.reason = Set(reason);
    row.version = Set(version);
    row.updated_at = Set(actor.now);
    let after = row.update(&txn).await?;
    let new = dto(reference, &after)?;
    let action_name = format!("partner.{}", action.name());
    let change = Change {
        action: &action_name,
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
