//! An event's content between its input ([`EventInput`]) and its rows:
//! resolving codes and times, building the row with its search text, and
//! reading it back as the organiser's [`EventDto`] or the public [`EventSummary`].

use std::collections::HashMap;

use chrono::{DateTime, SecondsFormat, SubsecRound, Utc};
use linan_shared::{
    EligibilityRule, EventDto, EventInput, EventRevisionDto, EventSummary, FieldError, GeoPoint, Lang, LocalizedText,
    Venue, VenueInput,
};
use sea_orm::{ActiveValue::NotSet, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::{
    calendar::{cst_rfc3339, from_naive},
    catalogue::search_text,
    entity::{event, event_eligibility, event_revision, partner},
    error::ApiError,
    reference::Reference,
};

fn field(field: &str, message: &str) -> ApiError {
    ApiError::InvalidField(FieldError { field: field.to_owned(), message: message.to_owned() })
}

/// A time of the input, to the second: the list's cursor and the calendar
/// file need no more, and both databases then store the same instant.
fn time(name: &str, value: &str) -> Result<DateTime<Utc>, ApiError> {
    DateTime::parse_from_rfc3339(value)
        .map(|t| t.to_utc().trunc_subsecs(0))
        .map_err(|_| field(name, "an RFC 3339 time with an offset, e.g. 2026-12-12T14:00:00+08:00"))
}

/// An input's times, parsed and in order.
#[derive(Debug, Clone, Copy)]
pub struct Times {
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    opens_at: DateTime<Utc>,
    closes_at: DateTime<Utc>,
}

/// An input checked against the reference data: its district, rules
/// (scheme id, minimum tier id) and times.
#[derive(Debug)]
pub struct Resolved {
    /// The organising district.
    pub district_id: i64,
    /// The eligibility rules.
    pub rules: Vec<(i64, i64)>,
    /// The times.
    pub times: Times,
}

/// Validates `input` and resolves its codes and times.
pub fn resolve(reference: &Reference, input: &EventInput) -> Result<Resolved, ApiError> {
    input.validate()?;
    let district =
        reference.district_by_code(input.district.as_str()).ok_or_else(|| field("district", "unknown district"))?;
    let rules = crate::catalogue::resolve_rules(reference, &input.eligibility)?;
    let times = Times {
        starts_at: time("starts_at", &input.starts_at)?,
        ends_at: time("ends_at", &input.ends_at)?,
        opens_at: time("registration_opens_at", &input.registration_opens_at)?,
        closes_at: time("registration_closes_at", &input.registration_closes_at)?,
    };
    if times.ends_at <= times.starts_at {
        return Err(field("ends_at", "must be after starts_at"));
    }
    if times.closes_at <= times.opens_at {
        return Err(field("registration_closes_at", "must be after registration_opens_at"));
    }
    if times.closes_at > times.starts_at {
        return Err(field("registration_closes_at", "must not be after starts_at"));
    }
    Ok(Resolved { district_id: district.id, rules, times })
}

/// Every content column of an event row for `input` (status, counters,
/// version and timestamps are the caller's).
pub fn content_row(input: &EventInput, resolved: &Resolved, mut row: event::ActiveModel) -> event::ActiveModel {
    let (t, s, d, a) = (&input.title, &input.summary, &input.description, &input.agenda);
    let address = input.venue.address.as_ref();
    let texts = [Some(t), Some(s), Some(d), Some(a), address];
    row.district_id = Set(resolved.district_id);
    row.event_type = Set(input.event_type);
    row.title_zh_cn = Set(t.zh_cn.clone());
    row.title_zh_hk = Set(t.zh_hk.clone());
    row.title_en = Set(t.en.clone());
    row.summary_zh_cn = Set(s.zh_cn.clone());
    row.summary_zh_hk = Set(s.zh_hk.clone());
    row.summary_en = Set(s.en.clone());
    row.description_zh_cn = Set(d.zh_cn.clone());
    row.description_zh_hk = Set(d.zh_hk.clone());
    row.description_en = Set(d.en.clone());
    row.agenda_zh_cn = Set(a.zh_cn.clone());
    row.agenda_zh_hk = Set(a.zh_hk.clone());
    row.agenda_en = Set(a.en.clone());
    row.address_zh_cn = Set(address.map(|a| a.zh_cn.clone()));
    row.address_zh_hk = Set(address.and_then(|a| a.zh_hk.clone()));
    row.address_en = Set(address.and_then(|a| a.en.clone()));
    row.lat = Set(input.venue.location.map(GeoPoint::lat));
    row.lon = Set(input.venue.location.map(GeoPoint::lon));
    row.online_url = Set(input.venue.online_url.clone());
    row.starts_at = Set(resolved.times.starts_at);
    row.ends_at = Set(resolved.times.ends_at);
    row.registration_opens_at = Set(resolved.times.opens_at);
    row.registration_closes_at = Set(resolved.times.closes_at);
    row.capacity = Set(i32::try_from(input.capacity).unwrap_or(i32::MAX));
    row.waitlist = Set(input.waitlist);
    row.per_person_yearly = Set(input.per_person_yearly.map(|n| i32::try_from(n).unwrap_or(i32::MAX)));
    row.search_text = Set(search_text(texts.into_iter().flatten().flat_map(LocalizedText::variants)));
    row
}

/// A new row: `input`'s content, of `partner_id` (if a partner runs it), in `status`.
pub fn new_row(
    input: &EventInput,
    resolved: &Resolved,
    partner_id: Option<i64>,
    status: linan_shared::EventStatus,
    now: DateTime<Utc>,
) -> event::ActiveModel {
    let row = event::ActiveModel {
        id: NotSet,
        partner_id: Set(partner_id),
        status: Set(status),
        seats_taken: Set(0),
        waitlist_issued: Set(0),
        cancel_reason: Set(None),
        review_reason: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    content_row(input, resolved, row)
}

/// Writes the eligibility rules of event `id` (after deleting its old ones).
pub async fn write_rules(db: &impl ConnectionTrait, id: i64, rules: &[(i64, i64)]) -> Result<(), ApiError> {
    event_eligibility::Entity::delete_many().filter(event_eligibility::Column::EventId.eq(id)).exec(db).await?;
    if rules.is_empty() {
        return Ok(());
    }
    let rows = rules.iter().map(|&(scheme_id, min_tier_id)| event_eligibility::ActiveModel {
        id: NotSet,
        event_id: Set(id),
        scheme_id: Set(scheme_id),
        min_tier_id: Set(min_tier_id),
    });
    event_eligibility::Entity::insert_many(rows).exec(db).await?;
    Ok(())
}

/// The eligibility rules of `events`, by event id.
pub async fn rules_of(
    db: &impl ConnectionTrait,
    events: &[event::Model],
) -> Result<HashMap<i64, Vec<event_eligibility::Model>>, ApiError> {
    let ids: Vec<i64> = events.iter().map(|e| e.id).collect();
    let mut out: HashMap<i64, Vec<event_eligibility::Model>> = HashMap::new();
    for rule in event_eligibility::Entity::find().filter(event_eligibility::Column::EventId.is_in(ids)).all(db).await? {
        out.entry(rule.event_id).or_default().push(rule);
    }
    Ok(out)
}

/// The pending or refused edits of `events`, by event id.
pub async fn revisions_of(
    db: &impl ConnectionTrait,
    events: &[event::Model],
) -> Result<HashMap<i64, event_revision::Model>, ApiError> {
    let ids: Vec<i64> = events.iter().map(|e| e.id).collect();
    let rows = event_revision::Entity::find().filter(event_revision::Column::EventId.is_in(ids)).all(db).await?;
    Ok(rows.into_iter().map(|r| (r.event_id, r)).collect())
}

/// The partners running `events`, by id.
pub async fn partners_of(
    db: &impl ConnectionTrait,
    events: &[event::Model],
) -> Result<HashMap<i64, partner::Model>, ApiError> {
    let ids: Vec<i64> = events.iter().filter_map(|e| e.partner_id).collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = partner::Entity::find().filter(partner::Column::Id.is_in(ids)).all(db).await?;
    Ok(rows.into_iter().map(|p| (p.id, p)).collect())
}

/// A stored edit as the organiser wrote it.
pub fn revision_input(r: &event_revision::Model) -> Result<EventInput, ApiError> {
    serde_json::from_str(&r.content).map_err(|e| ApiError::Internal(format!("revision of event {}: {e}", r.event_id)))
}

/// The rules as the shared model writes them.
fn rules_dto(reference: &Reference, rules: &[event_eligibility::Model]) -> Vec<EligibilityRule> {
    rules
        .iter()
        .filter_map(|r| reference.tier_codes(r.min_tier_id))
        .map(|(scheme, min_tier)| EligibilityRule { scheme, min_tier })
        .collect()
}

fn address(e: &event::Model) -> Option<LocalizedText> {
    e.address_zh_cn
        .as_deref()
        .map(|zh_cn| LocalizedText::new(zh_cn, e.address_zh_hk.as_deref(), e.address_en.as_deref()))
}

fn location(e: &event::Model) -> Option<GeoPoint> {
    GeoPoint::new(e.lat?, e.lon?).ok()
}

fn count(n: i32) -> u32 {
    u32::try_from(n).unwrap_or(0)
}

/// The row as the input that would write it.
pub fn input_of(
    reference: &Reference,
    e: &event::Model,
    rules: &[event_eligibility::Model],
) -> Result<EventInput, ApiError> {
    let district = reference
        .district_code(e.district_id)
        .ok_or_else(|| ApiError::Internal(format!("event {}: district", e.id)))?;
    Ok(EventInput {
        district,
        event_type: e.event_type,
        title: e.title(),
        summary: e.summary(),
        description: e.description(),
        agenda: e.agenda(),
        venue: VenueInput { address: address(e), location: location(e), online_url: e.online_url.clone() },
        starts_at: cst_rfc3339(e.starts_at),
        ends_at: cst_rfc3339(e.ends_at),
        registration_opens_at: cst_rfc3339(e.registration_opens_at),
        registration_closes_at: cst_rfc3339(e.registration_closes_at),
        capacity: count(e.capacity),
        waitlist: e.waitlist,
        eligibility: rules_dto(reference, rules),
        per_person_yearly: e.per_person_yearly.map(count),
    })
}

/// The organiser's view of a row, with its pending or refused edit.
pub fn dto(
    reference: &Reference,
    e: &event::Model,
    rules: &[event_eligibility::Model],
    revision: Option<&event_revision::Model>,
    partner: Option<&partner::Model>,
) -> Result<EventDto, ApiError> {
    let revision = revision
        .map(|r| {
            Ok::<_, ApiError>(EventRevisionDto {
                status: r.status,
                event: revision_input(r)?,
                reason: r.reason.clone(),
                updated_at: r.updated_at.to_rfc3339_opts(SecondsFormat::Secs, true),
            })
        })
        .transpose()?;
    Ok(EventDto {
        id: e.id,
        partner_id: e.partner_id,
        partner_name: partner.map(partner::Model::name),
        status: e.status,
        version: e.version,
        event: input_of(reference, e, rules)?,
        seats_taken: count(e.seats_taken),
        cancel_reason: e.cancel_reason.clone(),
        review_reason: e.review_reason.clone(),
        revision,
        updated_at: e.updated_at.to_rfc3339_opts(SecondsFormat::Secs, true),
    })
}

/// Whether registration is open at `now`: published, inside the window, not started.
pub fn registration_open(e: &event::Model, now: DateTime<Utc>) -> bool {
    e.status == linan_shared::EventStatus::Published
        && e.registration_opens_at <= now
        && now < e.registration_closes_at
        && now < e.starts_at
}

/// The public list item of a row, in `lang`, at `now`; `organiser` is the
/// partner running it, if any (else the district is named).
pub fn summary(
    reference: &Reference,
    e: &event::Model,
    rules: &[event_eligibility::Model],
    organiser: Option<&partner::Model>,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<EventSummary, ApiError> {
    let district = reference.district(e.district_id).ok_or_else(|| ApiError::Internal(format!("event {}", e.id)))?;
    let organiser = organiser.map_or_else(|| district.name(), partner::Model::name);
    Ok(EventSummary {
        id: e.id,
        event_type: e.event_type,
        status: e.status,
        district: reference
            .district_code(e.district_id)
            .ok_or_else(|| ApiError::Internal(format!("event {}", e.id)))?,
        organiser: organiser.get(lang).to_owned(),
        title: e.title().get(lang).to_owned(),
        summary: e.summary().get(lang).to_owned(),
        starts_at: cst_rfc3339(e.starts_at),
        ends_at: cst_rfc3339(e.ends_at),
        venue: Venue {
            address: address(e).map(|a| a.get(lang).to_owned()).unwrap_or_default(),
            location: location(e),
            online_url: e.online_url.clone(),
        },
        capacity: count(e.capacity),
        seats_left: count(e.capacity.saturating_sub(e.seats_taken)),
        waitlist: e.waitlist,
        registration_open: registration_open(e, now),
        eligibility: rules_dto(reference, rules),
    })
}

/// The day of `t` as the shared model's date (for year limits and filters).
pub fn date_of(t: DateTime<Utc>) -> linan_shared::Date {
    from_naive(crate::calendar::day_of(t))
}
