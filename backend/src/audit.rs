//! The audit log: [`record`] writes one event inside the caller's
//! transaction (so a change and its record commit together or not at all);
//! [`page`] reads it for admins, newest first, scoped to their district (its
//! own events and those that also concern it, see [`record_also`]).
//! Nothing here updates or deletes an event.
//!
//! Actions and roles are stored as their codes and read back as
//! [`AuditAction`] and [`linan_shared::Role`]: a row with a code this build
//! does not know fails to decode (a logged 500), it is never
//! shown as something else.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::{DateTime, SecondsFormat, Utc};
use linan_shared::{AuditAction, AuditEventDto, AuditPage};
use std::collections::HashMap;

use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, sea_query::Query,
};

use crate::{
    auth::Actor,
    entity::{account, audit_district, audit_event},
    error::ApiError,
    reference::Reference,
};

/// Default and largest page size.
const DEFAULT_LIMIT: u64 = 50;
const MAX_LIMIT: u64 = 200;

/// One state change to record.
#[derive(Debug)]
pub struct Change<'a> {
    /// What happened.
    pub action: AuditAction,
    /// `account`, `partner` or `offer`.
    pub entity: &'a str,
    /// Its id.
    pub entity_id: i64,
    /// Its district, for scoping the log to district admins.
    pub district_id: Option<i64>,
    /// State before (absent for a creation).
    pub before: Option<serde_json::Value>,
    /// State after (absent for a deletion).
    pub after: Option<serde_json::Value>,
}

/// Who made a change: an account in a role, from a request.
#[derive(Debug, Clone, Copy)]
pub struct By<'a> {
    /// The acting account.
    pub account: &'a account::Model,
    /// The request it came from.
    pub request_id: Option<&'a str>,
}

impl<'a> From<&'a Actor> for By<'a> {
    fn from(actor: &'a Actor) -> Self {
        By { account: &actor.account, request_id: actor.request_id.as_deref() }
    }
}

/// Records `change` made `by` an account (`None`: the system, e.g. the CLI)
/// at `at` (the application's clock).
pub async fn record(
    db: &impl ConnectionTrait,
    at: DateTime<Utc>,
    by: Option<By<'_>>,
    change: Change<'_>,
) -> Result<(), ApiError> {
    record_also(db, at, by, change, &[]).await
}

/// Records `change` at `at`, which also concerns the districts `also`
/// (besides its own): their admins see it in their audit view too.
pub async fn record_also(
    db: &impl ConnectionTrait,
    at: DateTime<Utc>,
    by: Option<By<'_>>,
    change: Change<'_>,
    also: &[i64],
) -> Result<(), ApiError> {
    let own = change.district_id;
    let event = audit_event::ActiveModel {
        id: NotSet,
        at: Set(at),
        actor_id: Set(by.map(|b| b.account.id)),
        actor_email: Set(by.map(|b| b.account.email.clone())),
        actor_role: Set(by.map(|b| b.account.role)),
        action: Set(change.action),
        entity: Set(change.entity.to_owned()),
        entity_id: Set(change.entity_id),
        district_id: Set(change.district_id),
        before: Set(change.before.map(|v| v.to_string())),
        after: Set(change.after.map(|v| v.to_string())),
        request_id: Set(by.and_then(|b| b.request_id.map(str::to_owned))),
    }
    .insert(db)
    .await?;
    let mut others: Vec<i64> = also.iter().copied().filter(|d| Some(*d) != own).collect();
    others.sort_unstable();
    others.dedup();
    if !others.is_empty() {
        let rows = others
            .into_iter()
            .map(|district_id| audit_district::ActiveModel { event_id: Set(event.id), district_id: Set(district_id) });
        audit_district::Entity::insert_many(rows).exec(db).await?;
    }
    Ok(())
}

/// Events of district `district`: its own, and those that also concern it.
fn of_district(district: i64) -> Condition {
    let also = Query::select()
        .column(audit_district::Column::EventId)
        .from(audit_district::Entity)
        .and_where(audit_district::Column::DistrictId.eq(district))
        .to_owned();
    Condition::any().add(audit_event::Column::DistrictId.eq(district)).add(audit_event::Column::Id.in_subquery(also))
}

/// Filters of `GET /api/v1/admin/audit`.
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Only this action, e.g. `offer.approve`; an unknown one is a 400.
    pub action: Option<AuditAction>,
    /// Only this kind of thing: `account`, `partner`, `offer`.
    pub entity: Option<String>,
    /// Only this thing (with `entity`).
    pub entity_id: Option<i64>,
    /// Only changes by this account id.
    pub actor: Option<i64>,
    /// Only this district (alliance admins; district admins always see their own).
    pub district: Option<String>,
    /// From `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
}

fn decode_cursor(cursor: &str) -> Result<i64, ApiError> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| ApiError::invalid("cursor", "not a cursor of this list"))
}

/// A page of events visible to an admin whose scope is `scope` (`None`: all).
pub async fn page(
    db: &impl ConnectionTrait,
    reference: &Reference,
    scope: Option<i64>,
    q: &AuditQuery,
) -> Result<AuditPage, ApiError> {
    let limit = q.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::invalid("limit", format!("must be from 1 to {MAX_LIMIT}")));
    }
    let mut find = audit_event::Entity::find();
    if let Some(district) = scope {
        find = find.filter(of_district(district));
    } else if let Some(code) = &q.district {
        let d = reference.district_by_code(code).ok_or_else(|| ApiError::invalid("district", "unknown district"))?;
        find = find.filter(of_district(d.id));
    }
    if let Some(action) = q.action {
        find = find.filter(audit_event::Column::Action.eq(action.as_str()));
    }
    if let Some(entity) = &q.entity {
        find = find.filter(audit_event::Column::Entity.eq(entity.as_str()));
    }
    if let Some(id) = q.entity_id {
        find = find.filter(audit_event::Column::EntityId.eq(id));
    }
    if let Some(actor) = q.actor {
        find = find.filter(audit_event::Column::ActorId.eq(actor));
    }
    if let Some(cursor) = &q.cursor {
        find = find.filter(audit_event::Column::Id.lt(decode_cursor(cursor)?));
    }
    let mut rows = find.order_by_desc(audit_event::Column::Id).limit(limit + 1).all(db).await?;
    let next_cursor = if rows.len() as u64 > limit {
        rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        rows.last().map(|r| URL_SAFE_NO_PAD.encode(r.id.to_string()))
    } else {
        None
    };
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut also: HashMap<i64, Vec<String>> = HashMap::new();
    for row in audit_district::Entity::find().filter(audit_district::Column::EventId.is_in(ids)).all(db).await? {
        if let Some(d) = reference.district(row.district_id) {
            also.entry(row.event_id).or_default().push(d.code.clone());
        }
    }
    let items = rows
        .into_iter()
        .map(|r| {
            let also_districts = also.remove(&r.id).unwrap_or_default();
            dto(reference, r, also_districts)
        })
        .collect();
    Ok(AuditPage { items, next_cursor })
}

fn dto(reference: &Reference, r: audit_event::Model, also_districts: Vec<String>) -> AuditEventDto {
    let json = |t: Option<String>| t.and_then(|t| serde_json::from_str(&t).ok());
    AuditEventDto {
        also_districts,
        id: r.id,
        at: r.at.to_rfc3339_opts(SecondsFormat::Millis, true),
        actor_id: r.actor_id,
        actor_email: r.actor_email,
        actor_role: r.actor_role,
        action: r.action,
        entity: r.entity,
        entity_id: r.entity_id,
        district: r.district_id.and_then(|id| reference.district(id)).map(|d| d.code.clone()),
        before: json(r.before),
        after: json(r.after),
        request_id: r.request_id,
    }
}
