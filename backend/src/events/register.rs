//! A cardholder registers for an event or cancels, in one transaction each.
//!
//! Registration: the event must take registrations now; the card must be
//! valid and admitted (the one [`admits`] rule; no rule: every valid card);
//! the person (not the card: a holder with two cards registers once) must
//! not have a place already, nor have reached the yearly limit for this
//! type (counted with the person's row locked). Then a seat is *taken* — `UPDATE event SET seats_taken =
//! seats_taken + 1 WHERE seats_taken < capacity`, which the database
//! serialises across replicas, as quota uses are — or, if none is left and
//! the event has a waitlist, a place in line from the `waitlist_issued`
//! counter, updated the same way. The row, the audit event and the events
//! version commit together.
//!
//! Cancellation locks the event row first (PostgreSQL `FOR UPDATE`; SQLite's
//! `BEGIN IMMEDIATE` already serialises writers), so a registration that
//! finds the event full waits for it, and two cancellations hand their seats
//! to two different people: a freed seat goes to the first in line, or back
//! to the pool if nobody waits.

use chrono::{DateTime, Datelike, Utc};
use linan_shared::{AuditAction, EventStatus, RegistrationDto, RegistrationStatus};
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::NotSet,
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, Statement, TransactionSession, TransactionTrait, TryIntoModel,
    sea_query::{Expr, ExprTrait},
};

use super::{already_registered, event_full, holder, limit_reached, registration_closed};
use crate::{
    audit::{self, Change},
    calendar::{day_of, start_of},
    catalogue::bump_events_version,
    counter::facts::card_facts_now,
    eligibility::{admits, card_refusal, standings},
    entity::{card, event, event_eligibility, event_registration, person},
    error::ApiError,
    reference::Reference,
};

/// The registration states that hold a place.
const ACTIVE: [RegistrationStatus; 2] = [RegistrationStatus::Registered, RegistrationStatus::Waitlisted];

/// Takes a seat of event `id` if one is left.
async fn take_seat(db: &impl ConnectionTrait, id: i64) -> Result<bool, ApiError> {
    let done = event::Entity::update_many()
        .col_expr(event::Column::SeatsTaken, Expr::col(event::Column::SeatsTaken).add(1))
        .filter(event::Column::Id.eq(id))
        .filter(Expr::col(event::Column::SeatsTaken).lt(Expr::col(event::Column::Capacity)))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// Hands out the next waitlist ticket of event `id`.
async fn next_ticket(db: &impl ConnectionTrait, id: i64) -> Result<i32, ApiError> {
    let backend = db.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => {
            "UPDATE event SET waitlist_issued = waitlist_issued + 1 WHERE id = $1 RETURNING waitlist_issued"
        }
        _ => "UPDATE event SET waitlist_issued = waitlist_issued + 1 WHERE id = ? RETURNING waitlist_issued",
    };
    let row = db
        .query_one_raw(Statement::from_sql_and_values(backend, sql, [id.into()]))
        .await?
        .ok_or(ApiError::NotFound("event"))?;
    Ok(row.try_get::<i32>("", "waitlist_issued")?)
}

/// The event's row, locked for this transaction on PostgreSQL.
pub(super) async fn locked(db: &impl ConnectionTrait, id: i64) -> Result<event::Model, ApiError> {
    let mut find = event::Entity::find_by_id(id);
    if db.get_database_backend() == DbBackend::Postgres {
        find = find.lock_exclusive();
    }
    find.one(db).await?.ok_or(ApiError::NotFound("event"))
}

/// Locks the person's row for this transaction on PostgreSQL (SQLite's
/// `BEGIN IMMEDIATE` already serialises writers).
async fn lock_person(db: &impl ConnectionTrait, id: i64) -> Result<(), ApiError> {
    if db.get_database_backend() == DbBackend::Postgres {
        person::Entity::find_by_id(id).lock_exclusive().one(db).await?;
    }
    Ok(())
}

/// Refuses card `c` for event `e` at `now` if it may not register (the
/// event's state and window, the card, the rules, the person's limits).
async fn check(
    db: &impl ConnectionTrait,
    reference: &Reference,
    e: &event::Model,
    c: &card::Model,
    now: DateTime<Utc>,
) -> Result<Option<event_registration::Model>, ApiError> {
    if !super::content::registration_open(e, now) {
        return Err(registration_closed());
    }
    let day = day_of(now);
    let facts = card_facts_now(db, reference, c).await?;
    if let Some(refusal) = card_refusal(&facts, day) {
        return Err(refusal.into());
    }
    let rules = event_eligibility::Entity::find().filter(event_eligibility::Column::EventId.eq(e.id)).all(db).await?;
    if !rules.is_empty() && admits(reference, &standings(reference, facts.tier, day), &rules).is_none() {
        return Err(linan_shared::Refusal::TierTooLow.into());
    }
    let existing = event_registration::Entity::find()
        .filter(event_registration::Column::EventId.eq(e.id))
        .filter(event_registration::Column::PersonId.eq(c.person_id))
        .one(db)
        .await?;
    if existing.as_ref().is_some_and(|r| ACTIVE.contains(&r.status)) {
        return Err(already_registered());
    }
    if let Some(limit) = e.per_person_yearly {
        // Two registrations of one person for two events at once would each
        // count the other's place as not yet taken: the person's row is locked
        // first, so the second counts after the first commits.
        lock_person(db, c.person_id).await?;
        let year = day_of(e.starts_at).year();
        let (from, until) = (year_start(year), year_start(year + 1));
        let held = event_registration::Entity::find()
            .inner_join(event::Entity)
            .filter(event_registration::Column::PersonId.eq(c.person_id))
            .filter(event_registration::Column::Status.is_in(ACTIVE))
            .filter(event::Column::EventType.eq(e.event_type))
            .filter(event::Column::StartsAt.gte(from))
            .filter(event::Column::StartsAt.lt(until))
            .count(db)
            .await?;
        if held >= u64::try_from(limit).unwrap_or(0) {
            return Err(limit_reached());
        }
    }
    Ok(existing)
}

fn year_start(year: i32) -> DateTime<Utc> {
    let day = chrono::NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(chrono::NaiveDate::MIN);
    start_of(day)
}

fn audit_change(
    action: AuditAction,
    e: &event::Model,
    registration: &event_registration::Model,
    c: &card::Model,
    promoted: Option<i64>,
) -> Change<'static> {
    Change {
        action,
        entity: "event_registration",
        entity_id: registration.id,
        district_id: Some(e.district_id),
        before: None,
        after: Some(serde_json::json!({
            "event_id": e.id,
            "card_number": c.number,
            "status": registration.status,
            "waitlist_ticket": registration.waitlist_position,
            "promoted_registration_id": promoted,
        })),
    }
}

/// Registers the holder of card `c` for event `id` at `now`.
pub async fn register<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    reference: &Reference,
    c: &card::Model,
    id: i64,
    now: DateTime<Utc>,
    lang: linan_shared::Lang,
) -> Result<RegistrationDto, ApiError> {
    let txn = crate::db::begin_write(db).await?;
    let e = super::public::public_row(&txn, id).await?;
    let existing = check(&txn, reference, &e, c, now).await?;
    let (status, ticket) = if take_seat(&txn, e.id).await? {
        (RegistrationStatus::Registered, None)
    } else if e.waitlist {
        (RegistrationStatus::Waitlisted, Some(next_ticket(&txn, e.id).await?))
    } else {
        return Err(event_full());
    };
    let mut row = match existing {
        Some(old) => old.into_active_model(),
        None => event_registration::ActiveModel { id: NotSet, ..Default::default() },
    };
    row.event_id = Set(e.id);
    row.person_id = Set(c.person_id);
    row.card_id = Set(c.id);
    row.status = Set(status);
    row.waitlist_position = Set(ticket);
    row.registered_at = Set(now);
    row.cancelled_at = Set(None);
    row.checked_in_at = Set(None);
    // Two cards of one person racing: the unique (event, person) key decides.
    let row = crate::db::on_unique(row.save(&txn).await, already_registered)?;
    let row = row.try_into_model()?;
    bump_events_version(&txn).await?;
    audit::record(&txn, now, None, audit_change(AuditAction::EventRegister, &e, &row, c, None)).await?;
    let dto = holder::dto(&txn, &e, &row, c, lang).await?;
    txn.commit().await?;
    Ok(dto)
}

/// Cancels the place of the holder of card `c` at event `id`; a freed seat
/// goes to the first in line.
pub async fn cancel<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    c: &card::Model,
    id: i64,
    now: DateTime<Utc>,
    lang: linan_shared::Lang,
) -> Result<RegistrationDto, ApiError> {
    let txn = crate::db::begin_write(db).await?;
    let e = locked(&txn, id).await?;
    if !matches!(e.status, EventStatus::Published | EventStatus::Cancelled) {
        return Err(ApiError::NotFound("event"));
    }
    let mine = event_registration::Entity::find()
        .filter(event_registration::Column::EventId.eq(e.id))
        .filter(event_registration::Column::PersonId.eq(c.person_id))
        .filter(event_registration::Column::Status.is_in(ACTIVE))
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound("registration"))?;
    let had_seat = mine.status == RegistrationStatus::Registered;
    let mut active = mine.into_active_model();
    active.status = Set(RegistrationStatus::Cancelled);
    active.waitlist_position = Set(None);
    active.cancelled_at = Set(Some(now));
    let mine = active.update(&txn).await?;
    let promoted = if had_seat && e.status == EventStatus::Published && now < e.starts_at {
        promote_first(&txn, e.id).await?
    } else {
        None
    };
    if had_seat && promoted.is_none() {
        event::Entity::update_many()
            .col_expr(event::Column::SeatsTaken, Expr::col(event::Column::SeatsTaken).sub(1))
            .filter(event::Column::Id.eq(e.id))
            .filter(event::Column::SeatsTaken.gt(0))
            .exec(&txn)
            .await?;
    }
    bump_events_version(&txn).await?;
    audit::record(&txn, now, None, audit_change(AuditAction::EventUnregister, &e, &mine, c, promoted)).await?;
    let dto = holder::dto(&txn, &e, &mine, c, lang).await?;
    txn.commit().await?;
    Ok(dto)
}

/// Seats event `id`'s waitlist in line while seats are free (its capacity
/// grew); the promoted registrations' ids. The caller holds the event's row.
pub(super) async fn seat_waitlist(db: &impl ConnectionTrait, id: i64) -> Result<Vec<i64>, ApiError> {
    let mut promoted = Vec::new();
    while take_seat(db, id).await? {
        let Some(registration) = promote_first(db, id).await? else {
            // Nobody waits: the seat taken for them goes back.
            event::Entity::update_many()
                .col_expr(event::Column::SeatsTaken, Expr::col(event::Column::SeatsTaken).sub(1))
                .filter(event::Column::Id.eq(id))
                .exec(db)
                .await?;
            break;
        };
        promoted.push(registration);
    }
    Ok(promoted)
}

/// Gives the seat to the first waitlisted registration of event `id`, if
/// any; its id. The event row is locked, so nobody else promotes meanwhile.
async fn promote_first(db: &impl ConnectionTrait, id: i64) -> Result<Option<i64>, ApiError> {
    let first = event_registration::Entity::find()
        .filter(event_registration::Column::EventId.eq(id))
        .filter(event_registration::Column::Status.eq(RegistrationStatus::Waitlisted))
        .order_by_asc(event_registration::Column::WaitlistPosition)
        .one(db)
        .await?;
    let Some(first) = first else { return Ok(None) };
    let promoted = first.id;
    let mut active = first.into_active_model();
    active.status = Set(RegistrationStatus::Registered);
    active.waitlist_position = Set(None);
    active.update(db).await?;
    Ok(Some(promoted))
}
