//! A cardholder's registrations, over all their cards (the person), and how
//! one registration reads to its holder — with the place in line counted
//! now, so it moves up as people ahead cancel or are given seats.

use std::collections::HashMap;

use chrono::SecondsFormat;
use linan_shared::{Lang, RegistrationDto, RegistrationList, RegistrationStatus};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::{
    calendar::cst_rfc3339,
    entity::{card, event, event_registration},
    error::ApiError,
};

/// The place in line of a waitlisted registration: 1 + those ahead of it.
async fn place(db: &impl ConnectionTrait, r: &event_registration::Model) -> Result<Option<u32>, ApiError> {
    let (RegistrationStatus::Waitlisted, Some(ticket)) = (r.status, r.waitlist_position) else {
        return Ok(None);
    };
    let ahead = event_registration::Entity::find()
        .filter(event_registration::Column::EventId.eq(r.event_id))
        .filter(event_registration::Column::Status.eq(RegistrationStatus::Waitlisted))
        .filter(event_registration::Column::WaitlistPosition.lt(ticket))
        .count(db)
        .await?;
    Ok(Some(u32::try_from(ahead + 1).unwrap_or(u32::MAX)))
}

/// Registration `r` of event `e` made with card `c`, as its holder sees it.
pub async fn dto(
    db: &impl ConnectionTrait,
    e: &event::Model,
    r: &event_registration::Model,
    c: &card::Model,
    lang: Lang,
) -> Result<RegistrationDto, ApiError> {
    Ok(RegistrationDto {
        event_id: e.id,
        title: e.title().get(lang).to_owned(),
        starts_at: cst_rfc3339(e.starts_at),
        event_status: e.status,
        cancel_reason: e.cancel_reason.clone(),
        status: r.status,
        position: place(db, r).await?,
        card_number: c.number.clone(),
        registered_at: r.registered_at.to_rfc3339_opts(SecondsFormat::Secs, true),
        checked_in_at: r.checked_in_at.map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true)),
    })
}

/// Every registration of person `person_id` (cancelled ones included),
/// soonest event first.
pub async fn list(db: &impl ConnectionTrait, person_id: i64, lang: Lang) -> Result<RegistrationList, ApiError> {
    let rows = event_registration::Entity::find()
        .find_also_related(event::Entity)
        .filter(event_registration::Column::PersonId.eq(person_id))
        .all(db)
        .await?;
    let card_ids: Vec<i64> = rows.iter().map(|(r, _)| r.card_id).collect();
    let cards: HashMap<i64, card::Model> = card::Entity::find()
        .filter(card::Column::Id.is_in(card_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let mut items = Vec::with_capacity(rows.len());
    for (r, e) in &rows {
        let (Some(e), Some(c)) = (e, cards.get(&r.card_id)) else {
            return Err(ApiError::Internal(format!("registration {} lost its event or card", r.id)));
        };
        items.push((e.starts_at, dto(db, e, r, c, lang).await?));
    }
    items.sort_by_key(|(starts_at, _)| *starts_at);
    Ok(RegistrationList { items: items.into_iter().map(|(_, d)| d).collect() })
}
