//! The public event list and detail: published and cancelled events
//! (a cancellation stays visible, with its reason), soonest first, with
//! the catalogue's search rule and eligibility filter.

use std::collections::HashMap;

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::{DateTime, Duration, Utc};
use linan_shared::{DEFAULT_LIMIT, EventDetail, EventPage, EventQuery, EventStatus, Lang, MAX_LIMIT, MAX_QUERY_CHARS};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::{Expr, ExprTrait, LikeExpr, Query},
};

use super::content::{self, rules_of};
use crate::{
    calendar::{start_of, to_naive},
    catalogue::contains_pattern,
    eligibility::{admitting_tiers, standings},
    entity::{event, event_eligibility, partner},
    error::ApiError,
    reference::Reference,
};

/// Where the next page starts: the last item's start (ms) and id.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct Cursor {
    s: i64,
    id: i64,
}

fn decode(cursor: &str) -> Result<Cursor, ApiError> {
    let bad = || ApiError::invalid("cursor", "malformed cursor");
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(cursor).map_err(|_| bad())?).map_err(|_| bad())
}

fn encode(e: &event::Model) -> String {
    let json = serde_json::to_vec(&Cursor { s: e.starts_at.timestamp_millis(), id: e.id }).unwrap_or_default();
    URL_SAFE_NO_PAD.encode(json)
}

/// The condition of `query`'s filters (paging aside), 400 naming a bad one.
fn filters(reference: &Reference, query: &EventQuery, now: DateTime<Utc>) -> Result<Condition, ApiError> {
    let mut c = Condition::all().add(event::Column::Status.is_in([EventStatus::Published, EventStatus::Cancelled]));
    if let Some(code) = &query.district {
        let d = reference
            .district_by_code(code.as_str())
            .ok_or_else(|| ApiError::invalid("district", "unknown district"))?;
        c = c.add(event::Column::DistrictId.eq(d.id));
    }
    if let Some(t) = query.event_type {
        c = c.add(event::Column::EventType.eq(t));
    }
    match query.from {
        Some(from) => c = c.add(event::Column::StartsAt.gte(start_of(to_naive(from)))),
        None => c = c.add(event::Column::EndsAt.gt(now)),
    }
    if let Some(to) = query.to {
        if query.from.is_some_and(|from| to < from) {
            return Err(ApiError::invalid("to", "is before from"));
        }
        c = c.add(event::Column::StartsAt.lt(start_of(to_naive(to)) + Duration::days(1)));
    }
    if let Some(q) = &query.q {
        if q.chars().count() > MAX_QUERY_CHARS {
            return Err(ApiError::invalid("q", format!("at most {MAX_QUERY_CHARS} characters")));
        }
        for term in q.split_whitespace() {
            c = c.add(Expr::col(event::Column::SearchText).like(LikeExpr::new(contains_pattern(term)).escape('!')));
        }
    }
    match (&query.scheme, &query.tier) {
        (Some(scheme), Some(tier)) => {
            let s = reference
                .scheme_by_code(scheme.as_str())
                .ok_or_else(|| ApiError::invalid("scheme", "unknown card scheme"))?;
            let t = reference
                .tier_by_code(s.id, tier.as_str())
                .ok_or_else(|| ApiError::invalid("tier", "unknown tier of that scheme"))?;
            let tiers = admitting_tiers(reference, &standings(reference, t, crate::calendar::day_of(now)));
            // Open to all (no rule), or a rule whose minimum this card reaches.
            let ruled =
                Query::select().column(event_eligibility::Column::EventId).from(event_eligibility::Entity).to_owned();
            let admitted = Query::select()
                .column(event_eligibility::Column::EventId)
                .from(event_eligibility::Entity)
                .and_where(event_eligibility::Column::MinTierId.is_in(tiers))
                .to_owned();
            c = c.add(
                Condition::any()
                    .add(event::Column::Id.not_in_subquery(ruled))
                    .add(event::Column::Id.in_subquery(admitted)),
            );
        }
        (Some(_), None) => return Err(ApiError::invalid("tier", "is required with scheme")),
        (None, Some(_)) => return Err(ApiError::invalid("scheme", "is required with tier")),
        (None, None) => {}
    }
    Ok(c)
}

/// The partners running `events`, by id.
async fn organisers(
    db: &impl ConnectionTrait,
    events: &[event::Model],
) -> Result<HashMap<i64, partner::Model>, ApiError> {
    let ids: Vec<i64> = events.iter().filter_map(|e| e.partner_id).collect();
    Ok(partner::Entity::find()
        .filter(partner::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect())
}

/// One page of the public list at `now`, in `lang`.
pub async fn list(
    db: &impl ConnectionTrait,
    reference: &Reference,
    query: &EventQuery,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<EventPage, ApiError> {
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::invalid("limit", format!("from 1 to {MAX_LIMIT}")));
    }
    let mut find = event::Entity::find().filter(filters(reference, query, now)?);
    if let Some(cursor) = query.cursor.as_deref().map(decode).transpose()? {
        let at = DateTime::<Utc>::from_timestamp_millis(cursor.s)
            .ok_or_else(|| ApiError::invalid("cursor", "malformed cursor"))?;
        find = find.filter(
            Condition::any()
                .add(event::Column::StartsAt.gt(at))
                .add(Condition::all().add(event::Column::StartsAt.eq(at)).add(event::Column::Id.gt(cursor.id))),
        );
    }
    let mut rows = find
        .order_by_asc(event::Column::StartsAt)
        .order_by_asc(event::Column::Id)
        .limit(u64::from(limit) + 1)
        .all(db)
        .await?;
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let next_cursor = if more { rows.last().map(encode) } else { None };
    let rules = rules_of(db, &rows).await?;
    let partners = organisers(db, &rows).await?;
    let items = rows
        .iter()
        .map(|e| {
            let rules = rules.get(&e.id).map(Vec::as_slice).unwrap_or(&[]);
            content::summary(reference, e, rules, e.partner_id.and_then(|id| partners.get(&id)), lang, now)
        })
        .collect::<Result<_, _>>()?;
    Ok(EventPage { items, next_cursor })
}

/// A public event (published or cancelled), or 404.
pub async fn public_row(db: &impl ConnectionTrait, id: i64) -> Result<event::Model, ApiError> {
    event::Entity::find_by_id(id)
        .filter(event::Column::Status.is_in([EventStatus::Published, EventStatus::Cancelled]))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("event"))
}

/// One public event in full.
pub async fn detail(
    db: &impl ConnectionTrait,
    reference: &Reference,
    id: i64,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<EventDetail, ApiError> {
    let e = public_row(db, id).await?;
    let rows = std::slice::from_ref(&e);
    let rules = rules_of(db, rows).await?;
    let partners = organisers(db, rows).await?;
    let rules = rules.get(&e.id).map(Vec::as_slice).unwrap_or(&[]);
    let summary = content::summary(reference, &e, rules, e.partner_id.and_then(|id| partners.get(&id)), lang, now)?;
    Ok(EventDetail {
        summary,
        description: e.description().get(lang).to_owned(),
        agenda: e.agenda().get(lang).to_owned(),
        registration_opens_at: crate::calendar::cst_rfc3339(e.registration_opens_at),
        registration_closes_at: crate::calendar::cst_rfc3339(e.registration_closes_at),
        per_person_yearly: e.per_person_yearly.and_then(|n| u32::try_from(n).ok()),
        cancel_reason: e.cancel_reason.clone(),
    })
}
