//! The demo events (`events.json`): both districts' events at real venues,
//! dated relative to the load — one full with a waitlist (demo holders
//! registered through the registration service), one open to all cards,
//! tier-A and tier-B ones, one cancelled, one past; a few run by demo
//! partners (one still waiting for its district admin's review).

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveTime, SubsecRound, Utc};
use linan_shared::{
    DistrictCode, EligibilityRule, EventInput, EventStatus, EventType, GeoPoint, Lang, LocalizedText, VenueInput,
};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, Set};
use serde::Deserialize;

use super::DemoError;
use crate::{
    calendar::{day_of, start_of},
    entity::card,
    events::{
        content::{new_row, resolve, write_rules},
        register,
    },
    reference::Reference,
};

const EVENTS_JSON: &str = include_str!("events.json");

#[derive(Deserialize)]
struct File {
    events: Vec<DemoEvent>,
}

#[derive(Deserialize)]
struct DemoEvent {
    district: DistrictCode,
    /// The demo partner running it (its key in `catalogue.json`); none for a district's own.
    #[serde(default)]
    partner: Option<String>,
    /// `published` unless `pending_review` (a partner's, waiting) or cancelled (with its reason).
    #[serde(default)]
    status: Option<EventStatus>,
    #[serde(rename = "type")]
    event_type: EventType,
    title: LocalizedText,
    summary: LocalizedText,
    description: LocalizedText,
    agenda: LocalizedText,
    address: LocalizedText,
    location: GeoPoint,
    /// Days from the load's day (negative: in the past).
    starts_in_days: i64,
    /// `HH:MM`, China Standard Time.
    starts_at: String,
    hours: i64,
    capacity: u32,
    waitlist: bool,
    eligibility: Vec<EligibilityRule>,
    #[serde(default)]
    per_person_yearly: Option<u32>,
    #[serde(default)]
    cancel_reason: Option<String>,
    /// Demo cards registered in this order (seats first, then the line).
    #[serde(default)]
    registrations: Vec<String>,
}

impl DemoEvent {
    /// The input, its window open since a day before `now` (or, for a
    /// past event, the two weeks before it) until an hour before the start.
    fn input(&self, now: DateTime<Utc>) -> Result<EventInput, DemoError> {
        let time = NaiveTime::parse_from_str(&self.starts_at, "%H:%M")
            .map_err(|e| DemoError::Inconsistent(format!("event time `{}`: {e}", self.starts_at)))?;
        let day = day_of(now) + Duration::days(self.starts_in_days);
        let starts = start_of(day) + (time - NaiveTime::MIN);
        let opens = if self.starts_in_days < 0 { starts - Duration::days(14) } else { now - Duration::days(1) };
        let rfc = |t: DateTime<Utc>| t.trunc_subsecs(0).to_rfc3339();
        Ok(EventInput {
            district: self.district.clone(),
            event_type: self.event_type,
            title: self.title.clone(),
            summary: self.summary.clone(),
            description: self.description.clone(),
            agenda: self.agenda.clone(),
            venue: VenueInput { address: Some(self.address.clone()), location: Some(self.location), online_url: None },
            starts_at: rfc(starts),
            ends_at: rfc(starts + Duration::hours(self.hours)),
            registration_opens_at: rfc(opens),
            registration_closes_at: rfc(starts - Duration::hours(1)),
            capacity: self.capacity,
            waitlist: self.waitlist,
            eligibility: self.eligibility.clone(),
            per_person_yearly: self.per_person_yearly,
        })
    }
}

/// Loads the demo events inside the demo's transaction; how many.
pub(super) async fn load(
    txn: &DatabaseTransaction,
    reference: &Reference,
    partners: &HashMap<&str, i64>,
    now: DateTime<Utc>,
) -> Result<usize, DemoError> {
    let file: File = serde_json::from_str(EVENTS_JSON)?;
    for e in &file.events {
        let input = e.input(now)?;
        let resolved = resolve(reference, &input)?;
        let partner_id = e
            .partner
            .as_deref()
            .map(|key| {
                partners.get(key).copied().ok_or_else(|| DemoError::Inconsistent(format!("unknown partner `{key}`")))
            })
            .transpose()?;
        let status = match (&e.cancel_reason, e.status) {
            (Some(_), _) => EventStatus::Cancelled,
            (None, Some(status)) => status,
            (None, None) => EventStatus::Published,
        };
        let mut row = new_row(&input, &resolved, partner_id, status, now);
        row.cancel_reason = Set(e.cancel_reason.clone());
        let row = row.insert(txn).await?;
        write_rules(txn, row.id, &resolved.rules).await?;
        for number in &e.registrations {
            let c = card::Entity::find()
                .filter(card::Column::Number.eq(number.as_str()))
                .one(txn)
                .await?
                .ok_or_else(|| DemoError::Inconsistent(format!("unknown demo card `{number}`")))?;
            register::register(txn, reference, &c, row.id, now, Lang::ZhCn).await?;
        }
    }
    Ok(file.events.len())
}
