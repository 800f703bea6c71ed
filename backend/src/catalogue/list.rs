//! `GET /api/v1/benefits`: the filtered, searched, sorted, paginated list.
//!
//! A page is chosen by its ids and sort keys (filters, search, keyset
//! condition, order, `n+1` of them): from the replica's read model
//! ([`super::read_model`]), which also holds the items, when it is of the
//! current version; else by one SQL query, after which the page's rows,
//! partners and rules are loaded by id. Both ways give the same page. Only
//! benefits live on the day ([`crate::live`]) are ever listed.
//!
//! Distances use the equirectangular approximation around the `near` point,
//! which needs only arithmetic (SQLite has no trigonometry by default) and is
//! within 0.1 % of the great-circle distance at the scale of a city region.
//! The same value filters (`radius_km`), sorts (`nearest`) and is shown.
//!
//! The answer is the page's JSON: the read model holds its items as JSON
//! already ([`super::page_json`]); the SQL path serialises a [`BenefitPage`].

use std::collections::HashMap;

use chrono::NaiveDate;
use linan_shared::{BenefitPage, BenefitQuery, GeoPoint, Lang, SortOrder};
use sea_orm::{ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, FromQueryResult, QueryFilter};

use super::{
    assemble::{Loaded, summary},
    cursor::Cursor,
    page_json::PageJson,
    read_model::ReadModel,
    search::contains_pattern,
};
use crate::{
    db::sql::Sql,
    eligibility::{admitting_tiers, standings},
    entity::benefit,
    error::ApiError,
    live,
    reference::Reference,
};

/// Kilometres per degree of latitude (mean Earth radius × π / 180).
const KM_PER_DEGREE: f64 = 111.195;

/// One listed benefit's id and sort keys: what a page is chosen by, from
/// SQL or from the read model.
#[derive(Debug, Clone, PartialEq, FromQueryResult)]
pub(crate) struct KeyRow {
    pub(crate) id: i64,
    pub(crate) published_at: Option<i64>,
    pub(crate) valid_until: NaiveDate,
    /// Squared planar distance (degrees²) to `near`, when given.
    pub(crate) d2: Option<f64>,
    /// How many terms the title matches, for `sort=relevance`.
    pub(crate) score: Option<i64>,
}

/// A list request resolved against the reference data: what both ways of
/// choosing a page (SQL, read model) answer.
#[derive(Debug)]
pub(crate) struct Plan {
    pub(crate) day: NaiveDate,
    pub(crate) sort: SortOrder,
    pub(crate) limit: u32,
    pub(crate) cursor: Option<Cursor>,
    pub(crate) district_id: Option<i64>,
    pub(crate) category_id: Option<i64>,
    pub(crate) partner_id: Option<i64>,
    /// `Some(ids)`: only benefits with a rule whose minimum tier is one of these.
    pub(crate) admitting_tiers: Option<Vec<i64>>,
    /// The search terms as typed (each matched lower-cased, as a substring).
    pub(crate) terms: Vec<String>,
    pub(crate) near: Option<GeoPoint>,
    /// `radius_km` as a bound on the squared planar distance.
    pub(crate) max_d2: Option<f64>,
}

impl Plan {
    /// `near`'s longitude weight: cos²(latitude), see the module docs.
    pub(crate) fn lon_weight(near: GeoPoint) -> f64 {
        near.lat().to_radians().cos().powi(2)
    }
}

/// The filters resolved against the reference data.
struct Resolved {
    district_id: Option<i64>,
    category_id: Option<i64>,
    /// `Some(ids)`: only benefits with a rule whose minimum tier is one of these.
    admitting_tiers: Option<Vec<i64>>,
}

fn resolve(reference: &Reference, q: &BenefitQuery, day: NaiveDate) -> Result<Resolved, ApiError> {
    let district_id = match &q.district {
        Some(code) => Some(
            reference
                .district_by_code(code.as_str())
                .ok_or_else(|| ApiError::invalid("district", format!("unknown district `{code}`")))?
                .id,
        ),
        None => None,
    };
    let category_id = match &q.category {
        Some(code) => Some(
            reference
                .category_by_code(code.as_str())
                .ok_or_else(|| ApiError::invalid("category", format!("unknown category `{code}`")))?
                .id,
        ),
        None => None,
    };
    let admitting = match (&q.scheme, &q.tier) {
        (Some(scheme), Some(tier)) => {
            let s = reference
                .scheme_by_code(scheme.as_str())
                .ok_or_else(|| ApiError::invalid("scheme", format!("unknown card scheme `{scheme}`")))?;
            let t = reference
                .tier_by_code(s.id, tier.as_str())
                .ok_or_else(|| ApiError::invalid("tier", format!("scheme `{scheme}` has no tier `{tier}`")))?;
            Some(admitting_tiers(reference, &standings(reference, t, day)))
        }
        _ => None,
    };
    Ok(Resolved { district_id, category_id, admitting_tiers: admitting })
}

/// Appends the squared planar distance (in degrees²) from `near` to the partner.
fn push_d2(sql: &mut Sql, near: GeoPoint) {
    let k = Plan::lon_weight(near);
    sql.push("((p.lat - ")
        .bind(near.lat())
        .push(") * (p.lat - ")
        .bind(near.lat())
        .push(") + (p.lon - ")
        .bind(near.lon())
        .push(") * (p.lon - ")
        .bind(near.lon())
        .push(") * ")
        .bind(k)
        .push(")");
}

/// Appends the relevance score: how many search terms the title matches.
fn push_score(sql: &mut Sql, patterns: &[String]) {
    sql.push("CAST((0");
    for p in patterns {
        sql.push(" + CASE WHEN b.search_title LIKE ").bind(p.clone()).push(" ESCAPE '!' THEN 1 ELSE 0 END");
    }
    sql.push(") AS BIGINT)");
}

/// Lists one page of the public catalogue: the JSON of a [`BenefitPage`].
/// The page is chosen by `model` when one is given (it must be the current
/// version's), else by SQL; both write exactly the same bytes
/// (`tests/tests/api/read_model.rs`).
pub async fn list_benefits(
    db: &impl ConnectionTrait,
    reference: &Reference,
    model: Option<&ReadModel>,
    q: &BenefitQuery,
    lang: Lang,
    day: NaiveDate,
) -> Result<Vec<u8>, ApiError> {
    let sort = q.effective_sort();
    let limit = q.effective_limit();
    let cursor = q.cursor.as_deref().map(|c| Cursor::decode(c, sort)).transpose()?;
    let resolved = resolve(reference, q, day)?;
    if resolved.admitting_tiers.as_ref().is_some_and(Vec::is_empty) {
        return to_json(&BenefitPage { items: Vec::new(), next_cursor: None });
    }
    let plan = Plan {
        day,
        sort,
        limit,
        cursor,
        district_id: resolved.district_id,
        category_id: resolved.category_id,
        partner_id: q.partner,
        admitting_tiers: resolved.admitting_tiers,
        terms: q.terms().into_iter().map(str::to_owned).collect(),
        near: q.near,
        max_d2: q.near.and(q.radius_km).map(|r| (r / KM_PER_DEGREE).powi(2)),
    };
    let mut keys = match model {
        Some(model) => model.keys(&plan),
        None => sql_keys(db, &plan).await?,
    };
    let next_cursor = if keys.len() > limit as usize {
        keys.truncate(limit as usize);
        keys.last().map(|k| cursor_after(sort, k).encode())
    } else {
        None
    };

    let distance = |k: &KeyRow| k.d2.map(|d2| round_km(d2.sqrt() * KM_PER_DEGREE));
    if let Some(model) = model {
        let mut page = PageJson::new(next_cursor, keys.len())?;
        for k in &keys {
            page.item(|out| model.write_item(k.id, lang, distance(k), out));
        }
        return Ok(page.finish());
    }
    let ids: Vec<i64> = keys.iter().map(|k| k.id).collect();
    let mut rows: HashMap<i64, benefit::Model> = benefit::Entity::find()
        .filter(benefit::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|b| (b.id, b))
        .collect();
    let benefits: Vec<(benefit::Model, Option<f64>)> =
        keys.iter().filter_map(|k| rows.remove(&k.id).map(|b| (b, distance(k)))).collect();
    let models: Vec<benefit::Model> = benefits.iter().map(|(b, _)| b.clone()).collect();
    let loaded = Loaded::for_benefits(db, &models).await?;
    let items = benefits.iter().filter_map(|(b, distance)| summary(reference, &loaded, b, lang, *distance)).collect();
    to_json(&BenefitPage { items, next_cursor })
}

/// The SQL path's page as JSON.
fn to_json(page: &BenefitPage) -> Result<Vec<u8>, ApiError> {
    serde_json::to_vec(page).map_err(|e| ApiError::Internal(e.to_string()))
}

/// The page's keys (`limit + 1` at most, the extra one says a next page
/// exists) by one SQL query.
async fn sql_keys(db: &impl ConnectionTrait, plan: &Plan) -> Result<Vec<KeyRow>, ApiError> {
    let sort = plan.sort;
    let patterns: Vec<String> = plan.terms.iter().map(|t| contains_pattern(t)).collect();
    let mut sql = Sql::new(db.get_database_backend());
    sql.push("SELECT b.id AS id, b.published_at AS published_at, b.valid_until AS valid_until, ");
    match plan.near {
        Some(near) => push_d2(&mut sql, near),
        None => {
            sql.push("CAST(NULL AS DOUBLE PRECISION)");
        }
    }
    sql.push(" AS d2, ");
    if sort == SortOrder::Relevance {
        push_score(&mut sql, &patterns);
    } else {
        sql.push("CAST(NULL AS BIGINT)");
    }
    // Without statistics SQLite prefers the range on `valid_until` (index
    // ix_benefit_status_until) even when the page is ordered by something else,
    // and then sorts every valid row: 5 ms at 1k rows, half a second at 100k.
    // A unary `+` makes a column unusable for an index in SQLite, so the index
    // that matches the sort order is walked and the walk stops at the LIMIT.
    // (PostgreSQL plans this from its statistics; `+` is not defined on dates there.)
    let sqlite = db.get_database_backend() == DbBackend::Sqlite;
    let unindexed = |column: &'static str, keep_index: bool| if sqlite && !keep_index { column } else { &column[1..] };
    sql.push(" AS score FROM benefit b JOIN partner p ON p.id = b.partner_id WHERE ");
    live::push_sql(
        &mut sql,
        plan.day,
        unindexed("+b.valid_from", false),
        unindexed("+b.valid_until", sort == SortOrder::EndingSoon),
    );
    if let Some(id) = plan.district_id {
        sql.push(" AND b.district_id = ").bind(id);
    }
    if let Some(id) = plan.category_id {
        sql.push(" AND b.category_id = ").bind(id);
    }
    if let Some(id) = plan.partner_id {
        sql.push(" AND b.partner_id = ").bind(id);
    }
    if let Some(tiers) = &plan.admitting_tiers {
        sql.push(" AND EXISTS (SELECT 1 FROM benefit_eligibility e WHERE e.benefit_id = b.id AND e.min_tier_id IN (");
        for (i, t) in tiers.iter().enumerate() {
            if i > 0 {
                sql.push(", ");
            }
            sql.bind(*t);
        }
        sql.push("))");
    }
    for p in &patterns {
        sql.push(" AND (b.search_title LIKE ")
            .bind(p.clone())
            .push(" ESCAPE '!' OR b.search_body LIKE ")
            .bind(p.clone())
            .push(" ESCAPE '!')");
    }
    if let (Some(near), Some(max_d2)) = (plan.near, plan.max_d2) {
        sql.push(" AND ");
        push_d2(&mut sql, near);
        sql.push(" <= ").bind(max_d2);
    }
    if let Some(c) = &plan.cursor {
        sql.push(" AND ");
        push_after(&mut sql, c, plan.near, &patterns);
    }
    sql.push(match sort {
        SortOrder::Newest => " ORDER BY b.published_at DESC, b.id DESC",
        SortOrder::EndingSoon => " ORDER BY b.valid_until ASC, b.id ASC",
        SortOrder::Nearest => " ORDER BY d2 ASC, b.id ASC",
        SortOrder::Relevance => " ORDER BY score DESC, b.published_at DESC, b.id DESC",
    });
    sql.push(" LIMIT ").bind(i64::from(plan.limit) + 1);
    Ok(KeyRow::find_by_statement(sql.into_statement()).all(db).await?)
}

/// Rounds to metres.
fn round_km(km: f64) -> f64 {
    (km * 1000.0).round() / 1000.0
}

/// The keyset condition: strictly after the cursor in the page's order.
fn push_after(sql: &mut Sql, c: &Cursor, near: Option<GeoPoint>, patterns: &[String]) {
    match *c {
        Cursor::Newest { p, id } => {
            sql.push("(b.published_at < ")
                .bind(p)
                .push(" OR (b.published_at = ")
                .bind(p)
                .push(" AND b.id < ")
                .bind(id)
                .push("))");
        }
        Cursor::EndingSoon { u, id } => {
            sql.push("(b.valid_until > ")
                .bind(u)
                .push(" OR (b.valid_until = ")
                .bind(u)
                .push(" AND b.id > ")
                .bind(id)
                .push("))");
        }
        Cursor::Nearest { d, id } => {
            let d = f64::from_bits(d);
            // `sort=nearest` always comes with `near` (checked when parsing).
            let Some(near) = near else { return };
            sql.push("(");
            push_d2(sql, near);
            sql.push(" > ").bind(d).push(" OR (");
            push_d2(sql, near);
            sql.push(" = ").bind(d).push(" AND b.id > ").bind(id).push("))");
        }
        Cursor::Relevance { r, p, id } => {
            sql.push("(");
            push_score(sql, patterns);
            sql.push(" < ").bind(r).push(" OR (");
            push_score(sql, patterns);
            sql.push(" = ")
                .bind(r)
                .push(" AND (b.published_at < ")
                .bind(p)
                .push(" OR (b.published_at = ")
                .bind(p)
                .push(" AND b.id < ")
                .bind(id)
                .push("))))");
        }
    }
}

fn cursor_after(sort: SortOrder, k: &KeyRow) -> Cursor {
    let p = k.published_at.unwrap_or(0);
    match sort {
        SortOrder::Newest => Cursor::Newest { p, id: k.id },
        SortOrder::EndingSoon => Cursor::EndingSoon { u: k.valid_until, id: k.id },
        SortOrder::Nearest => Cursor::Nearest { d: k.d2.unwrap_or(0.0).to_bits(), id: k.id },
        SortOrder::Relevance => Cursor::Relevance { r: k.score.unwrap_or(0), p, id: k.id },
    }
}
