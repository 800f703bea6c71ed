//! When a benefit is live on a day — the one definition, in the three forms
//! its readers need:
//!
//! - [`condition`], a SeaORM [`Condition`] over `benefit` for queries (the
//!   counter's facts, a partner's count);
//! - [`is_live`], the same rule over loaded rows (the counter, the preview);
//! - [`push_sql`], the same rule as text of the catalogue's hand-written list
//!   query ([`crate::db::sql::Sql`]), whose index hints it keeps;
//! - [`public_condition`] and [`window_holds`], its two halves, for the
//!   catalogue's read model, which loads the public rows once and applies the
//!   day per request.
//!
//! Live on `day` means: the benefit is published, its partner is approved
//! (a pending or suspended partner hides all its benefits), and `day` is in
//! its validity window, both ends included. *Open* on `day` ([`open_condition`],
//! [`is_open`]) is weaker: published, approved and not yet ended, so an
//! upcoming benefit found with `valid_on` can be opened. The test
//! `tests/tests/api/live.rs` checks that every form agrees on a table of cases.

use chrono::NaiveDate;
use linan_shared::{BenefitStatus, PartnerStatus};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QuerySelect, QueryTrait, sea_query::IntoCondition};

use crate::{
    db::sql::Sql,
    entity::{benefit, partner},
};

/// The partner status whose benefits can be live.
const PUBLIC_PARTNER: PartnerStatus = PartnerStatus::Approved;

/// Whether partner `p` is public (approved; not pending, not suspended).
pub fn partner_is_public(p: &partner::Model) -> bool {
    p.status == PUBLIC_PARTNER
}

/// [`partner_is_public`] as a condition over `partner`.
pub fn partner_condition() -> Condition {
    partner::Column::Status.eq(PUBLIC_PARTNER).into_condition()
}

/// The benefit's partner is public (a subquery, so no join is needed).
fn of_public_partner() -> Condition {
    let public = partner::Entity::find().select_only().column(partner::Column::Id).filter(partner_condition());
    benefit::Column::PartnerId.in_subquery(public.into_query()).into_condition()
}

/// Benefits that are published, of a public partner, whatever the day: the
/// rows the catalogue's read model holds (it applies the day per request).
pub fn public_condition() -> Condition {
    Condition::all().add(benefit::Column::Status.eq(BenefitStatus::Published)).add(of_public_partner())
}

/// Benefits open on `day`: published, of a public partner, not yet ended.
pub fn open_condition(day: NaiveDate) -> Condition {
    public_condition().add(benefit::Column::ValidUntil.gte(day))
}

/// Benefits live on `day`: open, and already started.
pub fn condition(day: NaiveDate) -> Condition {
    open_condition(day).add(benefit::Column::ValidFrom.lte(day))
}

/// Whether benefit `b` of partner `p` is open on `day` (see [`open_condition`]).
pub fn is_open(b: &benefit::Model, p: &partner::Model, day: NaiveDate) -> bool {
    b.partner_id == p.id && b.status == BenefitStatus::Published && partner_is_public(p) && day <= b.valid_until
}

/// Whether benefit `b` of partner `p` is live on `day` (see [`condition`]).
pub fn is_live(b: &benefit::Model, p: &partner::Model, day: NaiveDate) -> bool {
    is_open(b, p, day) && b.valid_from <= day
}

/// Appends [`condition`] as SQL over `benefit b JOIN partner p`. `valid_from`
/// and `valid_until` are the expressions to compare (the columns, or with a
/// unary `+` that keeps SQLite off an index, see the list query).
pub(crate) fn push_sql(sql: &mut Sql, day: NaiveDate, valid_from: &str, valid_until: &str) {
    push_public_sql(sql);
    sql.push(" AND ").push(valid_from).push(" <= ").bind(day).push(" AND ").push(valid_until).push(" >= ").bind(day);
}

/// Appends the day-independent half of [`condition`] over `benefit b JOIN
/// partner p`: published, of a public partner ([`public_condition`]).
fn push_public_sql(sql: &mut Sql) {
    sql.push("b.status = ")
        .bind(BenefitStatus::Published.as_str())
        .push(" AND p.status = ")
        .bind(PUBLIC_PARTNER.as_str());
}

/// The day half of [`condition`]: `day` is within `valid_from..=valid_until`.
pub(crate) fn window_holds(valid_from: NaiveDate, valid_until: NaiveDate, day: NaiveDate) -> bool {
    valid_from <= day && day <= valid_until
}
