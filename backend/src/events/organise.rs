//! Organisers' writes: a district admin's own events (draft, then published
//! by them) and an approved partner's (draft, submitted, then published or
//! rejected by the district admin — the offers' review); cancelling with a
//! reason. Every write claims the version the caller read (409 if stale),
//! records the audit event and bumps the catalogue version in one
//! transaction.

use chrono::{DateTime, Utc};
use linan_shared::{AuditAction, Decision, EventDto, EventInput, EventList, EventStatus};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
    TransactionSession, TransactionTrait,
};

use super::{
    content::{self, new_row, partners_of, resolve, revisions_of, rules_of, write_rules},
    organiser::{Organiser, dto_of, field, finish, own_row},
};
use crate::{
    auth::Actor,
    entity::{event, event_revision},
    error::ApiError,
    reference::Reference,
    review::claim_event,
};

/// Event `id` as `organiser` sees it (404 if it does not reach it).
pub async fn one(
    db: &impl ConnectionTrait,
    reference: &Reference,
    actor: &Actor,
    id: i64,
) -> Result<EventDto, ApiError> {
    let organiser = Organiser::of(db, actor).await?;
    let row = own_row(db, organiser, id).await?;
    dto_of(db, reference, &row).await
}

/// Creates a draft: a partner's in its own district, an admin's in theirs.
pub async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    reference: &Reference,
    actor: &Actor,
    input: &EventInput,
) -> Result<EventDto, ApiError> {
    let organiser = Organiser::of(db, actor).await?;
    let resolved = resolve(reference, input)?;
    let partner_id = match organiser {
        Organiser::Partner { id, district_id } if district_id == resolved.district_id => Some(id),
        Organiser::Admin(scope) if scope.is_none_or(|d| d == resolved.district_id) => None,
        _ => return Err(field("district", "must be your own district")),
    };
    let txn = crate::db::begin_write(db).await?;
    let row = new_row(input, &resolved, partner_id, EventStatus::Draft, actor.now).insert(&txn).await?;
    write_rules(&txn, row.id, &resolved.rules).await?;
    let after = dto_of(&txn, reference, &row).await?;
    finish(&txn, actor, AuditAction::EventCreate, None, &after, row.district_id).await?;
    txn.commit().await?;
    Ok(after)
}

/// A lifecycle step an organiser or reviewer takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// A partner submits its draft for review.
    Submit,
    /// An admin publishes a district's draft or approves a partner's submission.
    Publish,
    /// An admin sends a partner's submission back to draft, with a reason.
    Reject,
    /// The organiser (or its district admin) calls the event off, with a reason.
    Cancel,
}

/// The state `step` moves `e` to, if `organiser` may take it from here.
fn next(step: Step, organiser: Organiser, e: &event::Model) -> Result<EventStatus, ApiError> {
    let admin = matches!(organiser, Organiser::Admin(_));
    let wrong = |what: &str| Err(ApiError::InvalidState(format!("{what} (the event is {})", e.status.as_str())));
    match (step, e.status) {
        (Step::Submit, EventStatus::Draft) if !admin => Ok(EventStatus::PendingReview),
        (Step::Submit, _) if admin => Err(ApiError::Forbidden("admins publish their district's events directly")),
        (Step::Submit, _) => wrong("only a draft can be submitted"),
        (Step::Publish | Step::Reject, _) if !admin => Err(ApiError::Forbidden("only admins review events")),
        (Step::Publish, EventStatus::Draft) if e.partner_id.is_none() => Ok(EventStatus::Published),
        (Step::Publish, EventStatus::PendingReview) => Ok(EventStatus::Published),
        (Step::Publish, _) => wrong("only a district's draft or a submitted event can be published"),
        (Step::Reject, EventStatus::PendingReview) => Ok(EventStatus::Draft),
        (Step::Reject, _) => wrong("only a submitted event can be rejected"),
        (Step::Cancel, EventStatus::Cancelled) => wrong("already cancelled"),
        (Step::Cancel, _) => Ok(EventStatus::Cancelled),
    }
}

/// Takes `step` on event `id` at the version the caller read.
pub async fn act<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    reference: &Reference,
    actor: &Actor,
    id: i64,
    step: Step,
    decision: &Decision,
) -> Result<EventDto, ApiError> {
    let organiser = Organiser::of(db, actor).await?;
    let reason = match step {
        Step::Reject | Step::Cancel => Some(decision.required_reason()?),
        Step::Submit | Step::Publish => None,
    };
    let txn = crate::db::begin_write(db).await?;
    let row = own_row(&txn, organiser, id).await?;
    if let (Step::Publish | Step::Reject, EventStatus::Published) = (step, row.status)
        && matches!(organiser, Organiser::Admin(_))
    {
        // A published event's review is of its partner's pending edit.
        let after = super::revise::decide(&txn, reference, actor, row.id, step == Step::Publish, decision).await?;
        txn.commit().await?;
        return Ok(after);
    }
    let status = next(step, organiser, &row)?;
    let version = claim_event(&txn, id, decision.version).await?;
    let before = dto_of(&txn, reference, &row).await?;
    let district_id = row.district_id;
    let mut active = row.into_active_model();
    active.status = Set(status);
    active.version = Set(version);
    active.updated_at = Set(actor.now);
    match step {
        Step::Reject => active.review_reason = Set(reason),
        Step::Cancel => {
            active.cancel_reason = Set(reason);
            // A called-off event has nothing left to revise.
            event_revision::Entity::delete_by_id(id).exec(&txn).await?;
        }
        Step::Publish => active.review_reason = Set(None),
        Step::Submit => {}
    }
    let row = active.update(&txn).await?;
    let after = dto_of(&txn, reference, &row).await?;
    let action = match step {
        Step::Submit => AuditAction::EventSubmit,
        Step::Publish => AuditAction::EventPublish,
        Step::Reject => AuditAction::EventReject,
        Step::Cancel => AuditAction::EventCancel,
    };
    finish(&txn, actor, action, Some(&before), &after, district_id).await?;
    txn.commit().await?;
    Ok(after)
}

/// The events this organiser reaches, soonest first: a partner's own; an
/// admin's district's (partners' included), the review queue among them.
pub async fn list(
    db: &impl ConnectionTrait,
    reference: &Reference,
    actor: &Actor,
    since: DateTime<Utc>,
) -> Result<EventList, ApiError> {
    let organiser = Organiser::of(db, actor).await?;
    let mut find = event::Entity::find().filter(event::Column::EndsAt.gt(since));
    find = match organiser {
        Organiser::Partner { id, .. } => find.filter(event::Column::PartnerId.eq(id)),
        Organiser::Admin(Some(d)) => find.filter(event::Column::DistrictId.eq(d)),
        Organiser::Admin(None) => find,
    };
    let rows = find.order_by_asc(event::Column::StartsAt).order_by_asc(event::Column::Id).all(db).await?;
    let (rules, revisions, partners) =
        (rules_of(db, &rows).await?, revisions_of(db, &rows).await?, partners_of(db, &rows).await?);
    let items = rows
        .iter()
        .map(|e| {
            let partner = e.partner_id.and_then(|id| partners.get(&id));
            content::dto(
                reference,
                e,
                rules.get(&e.id).map(Vec::as_slice).unwrap_or(&[]),
                revisions.get(&e.id),
                partner,
            )
        })
        .collect::<Result<_, _>>()?;
    Ok(EventList { items })
}
