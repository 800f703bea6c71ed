//! Offers as reviewers handle them: the queue in an admin's scope, one
//! offer with its pending revision, and the decision on either.

use linan_shared::{AuditAction, BenefitInput, BenefitStatus, Decision, OfferDto, OfferList, RevisionStatus};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set, TransactionSession,
    TransactionTrait, sea_query::Query,
};

use super::{dto, dtos, finish, partner_row, touch};
use crate::{
    auth::{Actor, policy},
    calendar::day_of,
    catalogue::replace_content,
    entity::{benefit, benefit_revision},
    error::ApiError,
    reference::Reference,
    review::{claim_benefit, page::PageRequest},
};

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
            .and_where(benefit_revision::Column::Status.eq(RevisionStatus::PendingReview))
            .to_owned();
        find = find.filter(
            sea_orm::Condition::any()
                .add(benefit::Column::Status.eq(status))
                .add(benefit::Column::Id.in_subquery(revised)),
        );
    } else if status == BenefitStatus::Expired {
        // Stored as expired, or published with the window behind it.
        let past = sea_orm::Condition::all()
            .add(benefit::Column::Status.eq(BenefitStatus::Published))
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
