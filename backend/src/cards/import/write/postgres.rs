//! The import's statements on PostgreSQL: one array parameter per column,
//! unnested into rows by the server. The statement text is the same for
//! every batch, so it is parsed and planned once per connection, and a
//! batch costs a dozen bound values instead of twenty thousand.

use chrono::{DateTime, Utc};
use sea_orm::{DbBackend, Statement, Value};

use super::{CARD_COLUMNS, CARD_CONFLICT};
use crate::{cards::import::check::CardRow, error::ApiError};

/// A `text[]` parameter.
fn texts<'a>(items: impl Iterator<Item = &'a str>) -> Value {
    Value::from(items.map(str::to_owned).collect::<Vec<String>>())
}

/// Inserts the persons not yet known, answering `(id, id_hash)` of each new one.
pub(super) fn insert_persons(hashes: &[&str], now: DateTime<Utc>) -> Statement {
    Statement::from_sql_and_values(
        DbBackend::Postgres,
        "INSERT INTO person (id_hash, status, created_at) SELECT h, 'active', $2 FROM UNNEST($1::text[]) AS t (h) \
         ON CONFLICT (id_hash) DO NOTHING RETURNING id, id_hash",
        [texts(hashes.iter().copied()), Value::from(now)],
    )
}

/// `(id, id_hash)` of the given persons.
pub(super) fn find_persons(hashes: &[&str]) -> Statement {
    Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT id, id_hash FROM person WHERE id_hash = ANY($1::text[])",
        [texts(hashes.iter().copied())],
    )
}

/// Inserts or updates the batch's cards.
pub(super) fn upsert_cards(
    rows: &[CardRow],
    person: impl Fn(&CardRow) -> Result<i64, ApiError>,
    now: DateTime<Utc>,
) -> Result<Statement, ApiError> {
    let sql = format!(
        "INSERT INTO card ({CARD_COLUMNS}) SELECT n, s, t, p, h, l, b, f, u, st, NULL, 1, $11, $11 \
         FROM UNNEST($1::text[], $2::int8[], $3::int8[], $4::int8[], $5::text[], $6::text[], $7::text[], \
         $8::date[], $9::date[], $10::text[]) AS v (n, s, t, p, h, l, b, f, u, st){CARD_CONFLICT}"
    );
    let persons = rows.iter().map(person).collect::<Result<Vec<i64>, _>>()?;
    let values = [
        texts(rows.iter().map(|r| r.number.as_str())),
        Value::from(rows.iter().map(|r| r.scheme_id).collect::<Vec<i64>>()),
        Value::from(rows.iter().map(|r| r.tier_id).collect::<Vec<i64>>()),
        Value::from(persons),
        texts(rows.iter().map(|r| r.holder_name.as_str())),
        texts(rows.iter().map(|r| r.last4_hash.as_str())),
        texts(rows.iter().map(|r| r.birth_date_hash.as_str())),
        Value::from(rows.iter().map(|r| r.valid_from).collect::<Vec<_>>()),
        Value::from(rows.iter().map(|r| r.valid_until).collect::<Vec<_>>()),
        texts(rows.iter().map(|r| r.status.as_str())),
        Value::from(now),
    ];
    Ok(Statement::from_sql_and_values(DbBackend::Postgres, sql, values))
}
