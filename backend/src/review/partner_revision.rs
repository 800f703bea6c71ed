//! Pending revisions of approved partners' profiles: what a merchant
//! proposes, the admin's queue of them, and the decision.
//!
//! A partner's name, kind, address and location are trust claims: the
//! public catalogue shows them next to every offer, and `hospital` is what
//! a cardholder reads as "medical green channel here". Once a partner is
//! public (approved, or suspended and waiting to be reinstated), a change
//! of any of them waits for its district admin while the live profile stays
//! public. The phone is a contact detail and changes at once. The district
//! never changes by an edit (it decides who reviews).
//!
//! One revision per partner (the table's primary key): a new edit replaces
//! the pending or refused one, and an edit whose reviewed details equal the
//! live ones withdraws it. An approval is a conditional delete of the row
//! still `pending_review` after the partner's version was claimed, so of
//! two simultaneous decisions exactly one wins and the other gets 409.

use std::collections::HashMap;

use chrono::Utc;
use linan_shared::{AuditAction, Decision, PartnerInput, PartnerList, PartnerProfileDto, RevisionStatus};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set, TransactionSession,
    TransactionTrait,
    sea_query::{Expr, Query},
};

use super::{claim_partner, page::PageRequest, partner_profile as profile};
use crate::{
    audit::{self, By, Change},
    auth::{Actor, policy},
    catalogue::bump_version,
    entity::{partner, partner_revision},
    error::ApiError,
    reference::Reference,
};

/// Whether `proposed` changes any reviewed detail of `live` (the phone is not reviewed).
fn changes_reviewed(live: &PartnerInput, proposed: &PartnerInput) -> bool {
    let proposed = PartnerInput { phone: live.phone.clone(), ..proposed.clone() };
    *live != proposed
}

/// Stores what `proposed` changes of the `live` details as the partner's
/// pending revision, replacing any earlier one; without a change, removes
/// any earlier one. A pending revision proposing the same again is kept as
/// it is (its place in the queue too).
pub(super) async fn propose(
    db: &impl ConnectionTrait,
    live: &PartnerProfileDto,
    proposed: &PartnerInput,
    now: chrono::DateTime<Utc>,
) -> Result<(), ApiError> {
    let id = live.id;
    if !changes_reviewed(&live.profile, proposed) {
        partner_revision::Entity::delete_by_id(id).exec(db).await?;
        return Ok(());
    }
    if let Some(r) = &live.revision
        && r.status == RevisionStatus::PendingReview
        && !changes_reviewed(&r.profile, proposed)
    {
        return Ok(());
    }
    let content = serde_json::to_string(&PartnerInput { phone: None, ..proposed.clone() })
        .map_err(|e| ApiError::Internal(format!("revision: {e}")))?;
    partner_revision::Entity::delete_by_id(id).exec(db).await?;
    partner_revision::ActiveModel {
        partner_id: Set(id),
        status: Set(RevisionStatus::PendingReview),
        content: Set(content),
        reason: Set(None),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// A page of the partners in the admin's scope with a revision waiting for
/// review, oldest proposal first; each item shows the live profile and the
/// proposed one.
pub async fn queue(
    db: &impl ConnectionTrait,
    reference: &Reference,
    actor: &Actor,
    page: &PageRequest,
) -> Result<PartnerList, ApiError> {
    let scope = policy::admin_scope(actor)?;
    let mut find =
        partner_revision::Entity::find().filter(partner_revision::Column::Status.eq(RevisionStatus::PendingReview));
    if let Some(district) = scope {
        let in_district = Query::select()
            .column(partner::Column::Id)
            .from(partner::Entity)
            .and_where(partner::Column::DistrictId.eq(district))
            .to_owned();
        find = find.filter(partner_revision::Column::PartnerId.in_subquery(in_district));
    }
    let rows =
        page.apply(find, partner_revision::Column::UpdatedAt, partner_revision::Column::PartnerId).all(db).await?;
    let (rows, next_cursor) = page.split(rows, |r| (r.updated_at, r.partner_id));
    let ids: Vec<i64> = rows.iter().map(|r| r.partner_id).collect();
    let mut partners: HashMap<i64, partner::Model> = partner::Entity::find()
        .filter(partner::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let mut items = Vec::with_capacity(rows.len());
    for r in &rows {
        let p = partners
            .remove(&r.partner_id)
            .ok_or_else(|| ApiError::Internal(format!("revision of a missing partner {}", r.partner_id)))?;
        items.push(PartnerProfileDto { revision: Some(profile::revision_dto(&p, r)?), ..profile::dto(reference, &p)? });
    }
    Ok(PartnerList { items, next_cursor })
}

/// An admin of the partner's district approves its pending revision (the
/// live profile takes the proposed details, the search columns of its
/// offers follow, caches drop) or rejects it with a reason the merchant
/// sees (the live profile stays). `decision.version` is the partner's
/// version the admin read, so a revision replaced meanwhile is not decided
/// unseen.
pub async fn decide<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    reference: &Reference,
    actor: &Actor,
    id: i64,
    approve: bool,
    decision: &Decision,
) -> Result<PartnerProfileDto, ApiError> {
    policy::admin_scope(actor)?;
    let reason = if approve { None } else { Some(decision.required_reason()?) };
    let txn = crate::db::begin_write(db).await?;
    let before = profile::load(&txn, id).await?;
    policy::admin_in(actor, before.district_id, "partner")?;
    let old = profile::with_revision(&txn, reference, &before).await?;
    let proposed = match &old.revision {
        Some(r) if r.status == RevisionStatus::PendingReview => r.profile.clone(),
        _ => return Err(ApiError::InvalidState("the partner has no revision waiting for review".into())),
    };
    // Of two simultaneous decisions, the second waits here for the first
    // (PostgreSQL's row lock; SQLite's write lock) and then finds the
    // version moved on: 409.
    let version = claim_partner(&txn, id, decision.version).await?;
    let pending = sea_orm::Condition::all()
        .add(partner_revision::Column::PartnerId.eq(id))
        .add(partner_revision::Column::Status.eq(RevisionStatus::PendingReview));
    let taken = if approve {
        partner_revision::Entity::delete_many().filter(pending).exec(&txn).await?.rows_affected
    } else {
        partner_revision::Entity::update_many()
            .col_expr(partner_revision::Column::Status, Expr::value(RevisionStatus::Rejected))
            .col_expr(partner_revision::Column::Reason, Expr::value(reason))
            .col_expr(partner_revision::Column::UpdatedAt, Expr::value(actor.now))
            .filter(pending)
            .exec(&txn)
            .await?
            .rows_affected
    };
    if taken != 1 {
        return Err(ApiError::InvalidState("the revision was decided meanwhile".into()));
    }
    let mut row = before.into_active_model();
    if approve {
        profile::set_reviewed(&mut row, &proposed);
    }
    row.version = Set(version);
    row.updated_at = Set(actor.now);
    let after = row.update(&txn).await?;
    if approve {
        super::offer::refresh_search(&txn, reference, &after, actor.now).await?;
    }
    let new = profile::with_revision(&txn, reference, &after).await?;
    let change = Change {
        action: if approve { AuditAction::PartnerRevisionApprove } else { AuditAction::PartnerRevisionReject },
        entity: "partner",
        entity_id: id,
        district_id: Some(after.district_id),
        before: profile::audit_json(&old),
        after: profile::audit_json(&new),
    };
    audit::record(&txn, actor.now, Some(By::from(actor)), change).await?;
    bump_version(&txn).await?;
    txn.commit().await?;
    Ok(new)
}

#[cfg(test)]
mod tests {
    use linan_shared::{DistrictCode, GeoPoint, LocalizedText, PartnerKind};

    use super::*;

    fn input() -> PartnerInput {
        PartnerInput {
            name: LocalizedText::new("荔湾茶楼", None, None),
            kind: PartnerKind::Merchant,
            district: DistrictCode::parse("liwan").unwrap(),
            address: LocalizedText::new("荔湾区 1 号", None, None),
            location: GeoPoint::new(23.12, 113.24).unwrap(),
            phone: Some("020-1".into()),
        }
    }

    #[test]
    fn only_the_phone_is_not_reviewed() {
        let live = input();
        assert!(!changes_reviewed(&live, &PartnerInput { phone: Some("020-2".into()), ..input() }));
        assert!(changes_reviewed(&live, &PartnerInput { kind: PartnerKind::Hospital, ..input() }));
        assert!(changes_reviewed(&live, &PartnerInput { name: LocalizedText::new("新名", None, None), ..input() }));
        assert!(changes_reviewed(&live, &PartnerInput { location: GeoPoint::new(23.0, 113.0).unwrap(), ..input() }));
    }
}
