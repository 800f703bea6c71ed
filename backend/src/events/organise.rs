//! Organisers' writes: a district admin's own events (draft, then published
//! by them) and an approved partner's (draft, submitted, then published or
//! rejected by the district admin — the offers' review); cancelling with a
//! reason. Every write claims the version the caller read (409 if stale),
//! records the audit event and bumps the catalogue version in one
//! transaction.

use chrono::{DateTime, Utc};
use linan_shared::{
    AuditAction, Decision, EventDto, EventInput, EventList, EventStatus, FieldError, PartnerStatus, Role,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
    TransactionSession, TransactionTrait,
};

use super::content::{self, new_row, partners_of, resolve, revisions_of, rules_of, write_rules};
use crate::{
    audit::{self, By, Change},
    auth::{Actor, policy},
    catalogue::bump_version,
    entity::{event, event_revision, partner},
    error::ApiError,
    reference::Reference,
    review::claim_event,
};

/// Who organises, as far as the rules care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Organiser {
    /// An admin: of one district (`Some`), or of the alliance (`None`).
    Admin(Option<i64>),
    /// Staff of an approved partner in a district.
    Partner {
        /// The partner.
        id: i64,
        /// Its district.
        district_id: i64,
    },
}

impl Organiser {
    /// The organiser `actor` is: an admin, or staff of an approved partner (else 403).
    pub async fn of(db: &impl ConnectionTrait, actor: &Actor) -> Result<Self, ApiError> {
        if actor.role == Role::Merchant {
            let id = policy::merchant_partner(actor)?;
            let p = partner::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound("partner"))?;
            if p.status != PartnerStatus::Approved {
                return Err(ApiError::Forbidden("events open once your partner is approved"));
            }
            return Ok(Organiser::Partner { id, district_id: p.district_id });
        }
        Ok(Organiser::Admin(policy::admin_scope(actor)?))
    }

    /// Whether this organiser may see and act on `e` (a partner: its own;
    /// an admin: its district's, a partner's included).
    pub(super) fn reaches(self, e: &event::Model) -> bool {
        match self {
            Organiser::Partner { id, .. } => e.partner_id == Some(id),
            Organiser::Admin(scope) => scope.is_none_or(|d| d == e.district_id),
        }
    }
}

pub(super) fn field(name: &str, message: &str) -> ApiError {
    ApiError::InvalidField(FieldError { field: name.to_owned(), message: message.to_owned() })
}

/// Event `id` if `organiser` reaches it, else 404.
pub async fn own_row(db: &impl ConnectionTrait, organiser: Organiser, id: i64) -> Result<event::Model, ApiError> {
    event::Entity::find_by_id(id).one(db).await?.filter(|e| organiser.reaches(e)).ok_or(ApiError::NotFound("event"))
}

/// The organiser's view of `e`, read in `db` (its rules and pending edit).
pub(super) async fn dto_of(
    db: &impl ConnectionTrait,
    reference: &Reference,
    e: &event::Model,
) -> Result<EventDto, ApiError> {
    let one = std::slice::from_ref(e);
    let (rules, revisions, partners) =
        (rules_of(db, one).await?, revisions_of(db, one).await?, partners_of(db, one).await?);
    let partner = e.partner_id.and_then(|id| partners.get(&id));
    content::dto(reference, e, rules.get(&e.id).map(Vec::as_slice).unwrap_or(&[]), revisions.get(&e.id), partner)
}

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

/// Records `action` on the event (before/after) and bumps the catalogue version.
pub(super) async fn finish(
    txn: &impl ConnectionTrait,
    actor: &Actor,
    action: AuditAction,
    before: Option<&EventDto>,
    after: &EventDto,
    district_id: i64,
) -> Result<(), ApiError> {
    let change = Change {
        action,
        entity: "event",
        entity_id: after.id,
        district_id: Some(district_id),
        before: before.and_then(|b| serde_json::to_value(b).ok()),
        after: serde_json::to_value(after).ok(),
    };
    audit::record(txn, actor.now, Some(By::from(actor)), change).await?;
    bump_version(txn).await?;
    Ok(())
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
