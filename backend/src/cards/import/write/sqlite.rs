//! The import's statements on SQLite: multi-row `VALUES` lists with plain
//! `?` placeholders, bound in order. Numbered ones (`?7`) would be bound
//! through `sqlite3_bind_parameter_name`, a linear search per parameter —
//! quadratic in a 20,000-value statement. The timestamp is bound once per
//! statement, outside the `VALUES` list, rather than once per row.
//!
//! The inserts say `OR FAIL`. A multi-row statement that could abort
//! halfway (on a `NOT NULL` constraint, say) makes SQLite first copy every
//! page it is about to change into a statement journal, so that it can undo
//! just that statement; that copying was a quarter of a large import's
//! time. `FAIL` stops without undoing the statement's earlier rows — which
//! costs nothing here, since any error rolls back the import's whole
//! transaction.

use chrono::{DateTime, Utc};
use sea_orm::{DbBackend, Statement, Value};

use super::{CARD_COLUMNS, CARD_CONFLICT};
use crate::{
    cards::import::check::{BATCH, CardRow},
    error::ApiError,
};

/// Bound values per card row.
const CARD_VALUES: usize = 10;

// SQLite caps the bound values of one statement at 32,766; a full batch stays below.
const _: () = assert!(BATCH * CARD_VALUES + 2 < 32_766);

/// Appends `rows` parenthesised groups of `width` placeholders, comma-separated.
fn placeholders(sql: &mut String, rows: usize, width: usize) {
    sql.reserve(rows * (width * 3 + 2));
    for i in 0..rows {
        sql.push_str(if i == 0 { "(?" } else { ", (?" });
        for _ in 1..width {
            sql.push_str(", ?");
        }
        sql.push(')');
    }
}

/// Inserts the persons not yet known, answering `(id, id_hash)` of each new one.
/// (`WHERE true` keeps SQLite from reading `ON CONFLICT` as a join's `ON`.)
pub(super) fn insert_persons(hashes: &[&str], now: DateTime<Utc>) -> Statement {
    let mut sql = String::from(
        "INSERT OR FAIL INTO person (id_hash, status, created_at) SELECT column1, 'active', ? FROM (VALUES ",
    );
    placeholders(&mut sql, hashes.len(), 1);
    sql.push_str(") WHERE true ON CONFLICT (id_hash) DO NOTHING RETURNING id, id_hash");
    let values = std::iter::once(Value::from(now)).chain(hashes.iter().map(|h| Value::from(*h))).collect::<Vec<_>>();
    Statement::from_sql_and_values(DbBackend::Sqlite, sql, values)
}

/// `(id, id_hash)` of the given persons.
pub(super) fn find_persons(hashes: &[&str]) -> Statement {
    let mut sql = String::from("SELECT id, id_hash FROM person WHERE id_hash IN ");
    placeholders(&mut sql, 1, hashes.len());
    Statement::from_sql_and_values(DbBackend::Sqlite, sql, hashes.iter().map(|h| Value::from(*h)))
}

/// Inserts or updates the batch's cards.
pub(super) fn upsert_cards(
    rows: &[CardRow],
    person: impl Fn(&CardRow) -> Result<i64, ApiError>,
    now: DateTime<Utc>,
) -> Result<Statement, ApiError> {
    let mut sql = format!(
        "INSERT OR FAIL INTO card ({CARD_COLUMNS}) SELECT column1, column2, column3, column4, column5, column6, column7, \
         column8, column9, column10, NULL, 1, ?, ? FROM (VALUES "
    );
    placeholders(&mut sql, rows.len(), CARD_VALUES);
    sql.push_str(") WHERE true");
    sql.push_str(CARD_CONFLICT);
    let mut values = Vec::with_capacity(rows.len() * CARD_VALUES + 2);
    values.extend([Value::from(now), Value::from(now)]);
    for row in rows {
        values.extend([
            Value::from(row.number.as_str()),
            Value::from(row.scheme_id),
            Value::from(row.tier_id),
            Value::from(person(row)?),
            Value::from(row.holder_name.as_str()),
            Value::from(row.last4_hash.as_str()),
            Value::from(row.birth_date_hash.as_str()),
            Value::from(row.valid_from),
            Value::from(row.valid_until),
            Value::from(row.status.as_str()),
        ]);
    }
    Ok(Statement::from_sql_and_values(DbBackend::Sqlite, sql, values))
}
