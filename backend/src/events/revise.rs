//! Edits of an event by its organiser. A draft changes in place; so does a
//! district's own published event (its admin needs nobody's review). A
//! partner's published event keeps its live content public while the edit
//! waits as a pending revision for the district admin, who approves it
//! (the content is replaced) or refuses it with a reason — the offers'
//! revisions, for events. A submitted event waits for its decision; a
//! cancelled or ended one no longer changes.
//!
//! Seats: an edit may not take the capacity below the seats already taken,
//! and a capacity that grows seats the waitlist in line, in the edit's
//! transaction. The event's row is locked first (PostgreSQL `FOR UPDATE`;
//! SQLite's `BEGIN IMMEDIATE` serialises writers), so no registration
//! slips between the check and the write.

use chrono::{DateTime, Utc};
use linan_shared::{AuditAction, Decision, EventDto, EventInput, EventStatus, EventWrite, RevisionStatus};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, EntityTrait, IntoActiveModel, Set, TransactionSession, TransactionTrait,
};

use super::{
    content::{Resolved, content_row, resolve, revision_input, write_rules},
    organiser::{Organiser, dto_of, field, finish},
    register::{locked, seat_waitlist},
};
use crate::{
    auth::Actor,
    entity::{event, event_revision},
    error::ApiError,
    reference::Reference,
    review::claim_event,
};

/// The input's field errors name the field inside the write (`event.title`).
fn in_write(e: ApiError) -> ApiError {
    match e {
        ApiError::InvalidField(f) => field(&format!("event.{}", f.field), &f.message),
        other => other,
    }
}

/// Refuses a capacity below the seats `e` has handed out.
fn check_capacity(e: &event::Model, input: &EventInput) -> Result<(), ApiError> {
    let taken = u32::try_from(e.seats_taken).unwrap_or(0);
    if input.capacity < taken {
        return Err(field("event.capacity", &format!("must be at least the {taken} seats already taken")));
    }
    Ok(())
}

/// Edits event `id` as `write` says, at the version the caller read.
pub async fn edit<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    reference: &Reference,
    actor: &Actor,
    id: i64,
    write: &EventWrite,
) -> Result<EventDto, ApiError> {
    let organiser = Organiser::of(db, actor).await?;
    let resolved = resolve(reference, &write.event).map_err(in_write)?;
    let txn = crate::db::begin_write(db).await?;
    let row = locked(&txn, id).await?;
    if !organiser.reaches(&row) {
        return Err(ApiError::NotFound("event"));
    }
    if matches!(organiser, Organiser::Admin(_)) && row.partner_id.is_some() {
        return Err(ApiError::Forbidden(
            "a partner's event is edited by its partner; its edits come to you for review",
        ));
    }
    if resolved.district_id != row.district_id {
        return Err(field("event.district", "an event stays in its district"));
    }
    match row.status {
        EventStatus::PendingReview => {
            return Err(ApiError::InvalidState("the event is under review; wait for the decision".into()));
        }
        EventStatus::Cancelled => return Err(ApiError::InvalidState("a cancelled event cannot change".into())),
        EventStatus::Draft | EventStatus::Published if row.ends_at <= actor.now => {
            return Err(ApiError::InvalidState("the event is over".into()));
        }
        EventStatus::Draft | EventStatus::Published => {}
    }
    check_capacity(&row, &write.event)?;
    let version = claim_event(&txn, id, write.version).await?;
    let before = dto_of(&txn, reference, &row).await?;
    let district_id = row.district_id;
    let (action, row) = if row.status == EventStatus::Published && row.partner_id.is_some() {
        propose(&txn, row, &write.event, version, actor.now).await?
    } else {
        (AuditAction::EventEdit, apply(&txn, row, &write.event, &resolved, version, actor.now).await?)
    };
    let after = dto_of(&txn, reference, &row).await?;
    finish(&txn, actor, action, Some(&before), &after, district_id).await?;
    txn.commit().await?;
    Ok(after)
}

/// Stores `input` as the pending revision of `row` (replacing any earlier one).
async fn propose(
    txn: &impl ConnectionTrait,
    row: event::Model,
    input: &EventInput,
    version: i32,
    now: DateTime<Utc>,
) -> Result<(AuditAction, event::Model), ApiError> {
    let content = serde_json::to_string(input).map_err(|e| ApiError::Internal(format!("revision: {e}")))?;
    event_revision::Entity::delete_by_id(row.id).exec(txn).await?;
    event_revision::ActiveModel {
        event_id: Set(row.id),
        status: Set(RevisionStatus::PendingReview),
        content: Set(content),
        reason: Set(None),
        updated_at: Set(now),
    }
    .insert(txn)
    .await?;
    let mut active = row.into_active_model();
    active.version = Set(version);
    active.updated_at = Set(now);
    Ok((AuditAction::EventRevise, active.update(txn).await?))
}

/// Writes `input` over `row` (locked by the caller); a published event's
/// grown capacity seats its waitlist.
async fn apply(
    txn: &impl ConnectionTrait,
    row: event::Model,
    input: &EventInput,
    resolved: &Resolved,
    version: i32,
    now: DateTime<Utc>,
) -> Result<event::Model, ApiError> {
    let id = row.id;
    let mut active = content_row(input, resolved, row.into_active_model());
    active.version = Set(version);
    active.updated_at = Set(now);
    let row = active.update(txn).await?;
    write_rules(txn, id, &resolved.rules).await?;
    if row.status == EventStatus::Published && now < row.starts_at && !seat_waitlist(txn, id).await?.is_empty() {
        return locked(txn, id).await;
    }
    Ok(row)
}

/// The district admin's decision on the pending edit of published event
/// `id`: approved, it replaces the live content; refused, it stays beside
/// it with the reason. In the caller's transaction.
pub(super) async fn decide(
    txn: &impl ConnectionTrait,
    reference: &Reference,
    actor: &Actor,
    id: i64,
    approve: bool,
    decision: &Decision,
) -> Result<EventDto, ApiError> {
    let revision = event_revision::Entity::find_by_id(id)
        .one(txn)
        .await?
        .filter(|r| r.status == RevisionStatus::PendingReview)
        .ok_or_else(|| ApiError::InvalidState("the event is published and has no edit waiting for review".into()))?;
    let reason = if approve { None } else { Some(decision.required_reason()?) };
    let version = claim_event(txn, id, decision.version).await?;
    let row = locked(txn, id).await?;
    let before = dto_of(txn, reference, &row).await?;
    let district_id = row.district_id;
    let row = if approve {
        let input = revision_input(&revision)?;
        // The reference data or the seats may have moved since the edit was made.
        let resolved = resolve(reference, &input).map_err(in_write)?;
        check_capacity(&row, &input)?;
        event_revision::Entity::delete_by_id(id).exec(txn).await?;
        apply(txn, row, &input, &resolved, version, actor.now).await?
    } else {
        let mut refused = revision.into_active_model();
        refused.status = Set(RevisionStatus::Rejected);
        refused.reason = Set(reason);
        refused.updated_at = Set(actor.now);
        refused.update(txn).await?;
        let mut active = row.into_active_model();
        active.version = Set(version);
        active.updated_at = Set(actor.now);
        active.update(txn).await?
    };
    let after = dto_of(txn, reference, &row).await?;
    let action = if approve { AuditAction::EventPublish } else { AuditAction::EventReject };
    finish(txn, actor, action, Some(&before), &after, district_id).await?;
    Ok(after)
}
