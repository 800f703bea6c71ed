//! The door: the organiser's list of registrants (names and card tier, never
//! ID data), the check-in with the holder's counter code or QR payload (the
//! counter's own verification, [`code::resolve`], and the code is spent),
//! the figures, and the attendee list as CSV that is safe to open in a
//! spreadsheet.

use std::collections::HashMap;

use chrono::{DateTime, SecondsFormat, Utc};
use linan_shared::{AuditAction, CardProof, DoorEntry, DoorFigures, DoorList, FieldError, RegistrationStatus, Shown};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, TransactionSession, TransactionTrait,
    sea_query::Expr,
};

use super::organiser::{Organiser, own_row};
use crate::{
    audit::{self, By, Change},
    auth::Actor,
    cards::IdKey,
    counter::code,
    entity::{card, event, event_registration},
    error::ApiError,
    reference::Reference,
};

/// 409 `already_checked_in`.
fn already_checked_in() -> ApiError {
    ApiError::Refused { code: "already_checked_in", message: "this holder was checked in already" }
}

/// 409 `not_registered`: the holder has no seat at this event.
fn not_registered() -> ApiError {
    ApiError::Refused { code: "not_registered", message: "this holder has no seat at this event" }
}

fn time(t: Option<DateTime<Utc>>) -> Option<String> {
    t.map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true))
}

/// Event `id` as `actor` organises it (else 403/404).
pub async fn organised(db: &impl ConnectionTrait, actor: &Actor, id: i64) -> Result<event::Model, ApiError> {
    let organiser = Organiser::of(db, actor).await?;
    own_row(db, organiser, id).await
}

/// The registrants of event `e` at `now`, seated first, then the line.
pub async fn list(
    db: &impl ConnectionTrait,
    reference: &Reference,
    e: &event::Model,
    now: DateTime<Utc>,
) -> Result<DoorList, ApiError> {
    let rows = event_registration::Entity::find()
        .filter(event_registration::Column::EventId.eq(e.id))
        .filter(event_registration::Column::Status.ne(RegistrationStatus::Cancelled))
        .order_by_asc(event_registration::Column::WaitlistPosition)
        .order_by_asc(event_registration::Column::RegisteredAt)
        .all(db)
        .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.card_id).collect();
    let cards: HashMap<i64, card::Model> = card::Entity::find()
        .filter(card::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let mut figures = DoorFigures::default();
    let mut seated = Vec::new();
    let mut line = Vec::new();
    for r in &rows {
        let c = cards.get(&r.card_id).ok_or_else(|| ApiError::Internal(format!("registration {}", r.id)))?;
        let (scheme, tier) =
            reference.tier_codes(c.tier_id).ok_or_else(|| ApiError::Internal(format!("card {} tier", c.id)))?;
        let waiting = r.status == RegistrationStatus::Waitlisted;
        if waiting {
            figures.waitlisted += 1;
        } else {
            figures.registered += 1;
            if r.checked_in_at.is_some() {
                figures.checked_in += 1;
            }
        }
        let entry = DoorEntry {
            registration_id: r.id,
            holder_name: c.holder_name.clone(),
            scheme,
            tier,
            status: r.status,
            position: waiting.then_some(figures.waitlisted),
            checked_in_at: time(r.checked_in_at),
        };
        if waiting { line.push(entry) } else { seated.push(entry) }
    }
    if e.ends_at <= now {
        figures.no_shows = figures.registered - figures.checked_in;
    }
    seated.extend(line);
    Ok(DoorList { figures, items: seated })
}

/// Checks the holder of the code in `proof` in at event `e`: 200 once, then
/// 409 `already_checked_in`; the code is spent either way it succeeds.
pub async fn check_in<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    reference: &Reference,
    key: &IdKey,
    actor: &Actor,
    e: &event::Model,
    proof: &CardProof,
) -> Result<DoorEntry, ApiError> {
    if !matches!(proof.parse()?, Shown::Code(_)) {
        return Err(ApiError::InvalidField(FieldError {
            field: "code".into(),
            message: "the door takes the holder's counter code or QR payload".into(),
        }));
    }
    let now = actor.now;
    let txn = crate::db::begin_write(db).await?;
    let (c, shown) = code::resolve(&txn, key, proof, now).await?;
    let r = event_registration::Entity::find()
        .filter(event_registration::Column::EventId.eq(e.id))
        .filter(event_registration::Column::PersonId.eq(c.person_id))
        .filter(event_registration::Column::Status.eq(RegistrationStatus::Registered))
        .one(&txn)
        .await?
        .ok_or_else(not_registered)?;
    let done = event_registration::Entity::update_many()
        .col_expr(event_registration::Column::CheckedInAt, Expr::value(now))
        .filter(event_registration::Column::Id.eq(r.id))
        .filter(event_registration::Column::CheckedInAt.is_null())
        .exec(&txn)
        .await?;
    if done.rows_affected != 1 {
        return Err(already_checked_in());
    }
    if let Some(shown) = shown {
        code::spend(&txn, shown.id, now).await?;
    }
    let change = Change {
        action: AuditAction::EventCheckIn,
        entity: "event_registration",
        entity_id: r.id,
        district_id: Some(e.district_id),
        before: None,
        after: Some(serde_json::json!({"event_id": e.id, "card_number": c.number, "checked_in_at": time(Some(now))})),
    };
    audit::record(&txn, now, Some(By::from(actor)), change).await?;
    txn.commit().await?;
    let (scheme, tier) = reference.tier_codes(c.tier_id).ok_or_else(|| ApiError::Internal(format!("card {}", c.id)))?;
    Ok(DoorEntry {
        registration_id: r.id,
        holder_name: c.holder_name,
        scheme,
        tier,
        status: r.status,
        position: None,
        checked_in_at: time(Some(now)),
    })
}

/// A cell a spreadsheet would not run as a formula: one starting with
/// `=`, `+`, `-`, `@` (or a tab or carriage return) gets a leading `'`.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

/// The door list as CSV: name, scheme, tier, status, position, checked in.
pub fn csv(list: &DoorList) -> Result<Vec<u8>, ApiError> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| ApiError::Internal(format!("csv: {e}"));
    out.write_record(["name", "scheme", "tier", "status", "position", "checked_in_at"]).map_err(fail)?;
    for entry in &list.items {
        let position = entry.position.map(|p| p.to_string()).unwrap_or_default();
        let row = [
            neutralise(&entry.holder_name),
            neutralise(entry.scheme.as_str()),
            neutralise(entry.tier.as_str()),
            entry.status.as_str().to_owned(),
            position,
            entry.checked_in_at.clone().unwrap_or_default(),
        ];
        out.write_record(&row).map_err(fail)?;
    }
    out.into_inner().map_err(|e| ApiError::Internal(format!("csv: {e}")))
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[test]
    fn cells_a_spreadsheet_would_run_are_neutralised() {
        for formula in ["=1+1", "+86 20", "-2", "@SUM(A1)", "\tx"] {
            assert!(neutralise(formula).starts_with('\''), "{formula}");
        }
        assert_eq!(neutralise("陈小荔"), "陈小荔");
        assert_eq!(neutralise("a=b"), "a=b");
    }
}
