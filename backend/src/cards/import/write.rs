//! Writing checked rows: per batch, one multi-row insert of the new persons
//! and one multi-row upsert of the cards, inside the import's transaction.
//!
//! The card upsert (`ON CONFLICT (number) DO UPDATE … WHERE` something
//! differs) leaves identical rows untouched, so re-importing a file changes
//! nothing, and the database reports how many rows it inserted or updated.
//! Which of those were new follows from the card count before and after.
//! Persons are matched by their hash inside the statement (a subquery), so
//! no row needs a round trip of its own.

use chrono::Utc;
use sea_orm::{ConnectionTrait, DbBackend, Statement, Value};

use super::check::CardRow;
use crate::error::ApiError;

/// Bound values per card row (the timestamp is shared by all).
const CARD_VALUES: usize = 9;

// Both databases cap the bound values of one statement (SQLite 32 766,
// PostgreSQL 65 535); a full batch stays below both.
const _: () = assert!(super::check::BATCH * CARD_VALUES < 32_766);

/// What the writer did.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Counts {
    pub(super) created: u64,
    pub(super) updated: u64,
    pub(super) persons_created: u64,
}

/// The writer of one import.
pub(super) struct Writer {
    backend: DbBackend,
    cards_before: u64,
    changed: u64,
    persons_created: u64,
}

/// SQL text with numbered placeholders (`?n` on SQLite, `$n` on
/// PostgreSQL), so the shared timestamp is bound once per statement.
struct Numbered {
    backend: DbBackend,
    text: String,
    values: Vec<Value>,
}

impl Numbered {
    fn new(backend: DbBackend, capacity: usize) -> Self {
        Numbered { backend, text: String::with_capacity(capacity * 48), values: Vec::with_capacity(capacity) }
    }

    fn push(&mut self, sql: &str) -> &mut Self {
        self.text.push_str(sql);
        self
    }

    /// Binds a new value and writes its placeholder.
    fn bind(&mut self, value: impl Into<Value>) -> &mut Self {
        let n = self.value(value);
        self.again(n)
    }

    /// Binds a new value without writing its placeholder; returns its number.
    fn value(&mut self, value: impl Into<Value>) -> usize {
        self.values.push(value.into());
        self.values.len()
    }

    /// Writes the placeholder of the `n`th value (1-based) again.
    fn again(&mut self, n: usize) -> &mut Self {
        self.text.push(if self.backend == DbBackend::Postgres { '$' } else { '?' });
        self.text.push_str(&n.to_string());
        self
    }

    fn statement(self) -> Statement {
        Statement::from_sql_and_values(self.backend, self.text, self.values)
    }
}

async fn count_cards(db: &impl ConnectionTrait) -> Result<u64, ApiError> {
    let statement = Statement::from_string(db.get_database_backend(), "SELECT COUNT(*) AS n FROM card");
    let row = db.query_one_raw(statement).await?.ok_or_else(|| ApiError::Internal("COUNT returned no row".into()))?;
    let n: i64 = row.try_get("", "n")?;
    Ok(u64::try_from(n).unwrap_or(0))
}

/// What makes a stored card differ from its row in the file.
const CHANGED: &str = "card.scheme_id <> excluded.scheme_id OR card.tier_id <> excluded.tier_id \
    OR card.person_id <> excluded.person_id OR card.holder_name <> excluded.holder_name \
    OR card.id_last4_hash <> excluded.id_last4_hash OR card.valid_from <> excluded.valid_from \
    OR card.valid_until <> excluded.valid_until OR card.status <> excluded.status";

impl Writer {
    pub(super) async fn new(db: &impl ConnectionTrait) -> Result<Self, ApiError> {
        Ok(Writer {
            backend: db.get_database_backend(),
            cards_before: count_cards(db).await?,
            changed: 0,
            persons_created: 0,
        })
    }

    /// Writes one batch.
    pub(super) async fn write(&mut self, db: &impl ConnectionTrait, rows: &[CardRow]) -> Result<(), ApiError> {
        if rows.is_empty() {
            return Ok(());
        }
        let now = Utc::now();

        let mut persons: Vec<&str> = rows.iter().map(|r| r.person_hash.as_str()).collect();
        persons.sort_unstable();
        persons.dedup();
        let mut sql = Numbered::new(self.backend, persons.len() + 1);
        sql.push("INSERT INTO person (id_hash, status, created_at) VALUES ");
        let at = sql.value(now);
        for (i, hash) in persons.iter().enumerate() {
            sql.push(if i == 0 { "(" } else { ", (" }).bind(*hash).push(", 'active', ").again(at).push(")");
        }
        sql.push(" ON CONFLICT (id_hash) DO NOTHING");
        let done = db.execute_raw(sql.statement()).await?;
        self.persons_created += done.rows_affected();

        let mut sql = Numbered::new(self.backend, rows.len() * CARD_VALUES + 1);
        sql.push(
            "INSERT INTO card (number, scheme_id, tier_id, person_id, holder_name, id_last4_hash, valid_from, \
             valid_until, status, reason, version, created_at, updated_at) VALUES ",
        );
        let at = sql.value(now);
        for (i, r) in rows.iter().enumerate() {
            sql.push(if i == 0 { "(" } else { ", (" });
            sql.bind(r.number.as_str()).push(", ").bind(r.scheme_id).push(", ").bind(r.tier_id);
            sql.push(", (SELECT id FROM person WHERE id_hash = ").bind(r.person_hash.as_str()).push("), ");
            sql.bind(r.holder_name.as_str()).push(", ").bind(r.last4_hash.as_str()).push(", ");
            sql.bind(r.valid_from).push(", ").bind(r.valid_until).push(", ").bind(r.status.as_str());
            sql.push(", NULL, 1, ").again(at).push(", ").again(at).push(")");
        }
        sql.push(
            " ON CONFLICT (number) DO UPDATE SET scheme_id = excluded.scheme_id, tier_id = excluded.tier_id, \
             person_id = excluded.person_id, holder_name = excluded.holder_name, \
             id_last4_hash = excluded.id_last4_hash, valid_from = excluded.valid_from, \
             valid_until = excluded.valid_until, status = excluded.status, \
             reason = CASE WHEN card.status = excluded.status THEN card.reason ELSE NULL END, \
             version = card.version + 1, updated_at = excluded.updated_at WHERE ",
        );
        sql.push(CHANGED);
        let done = db.execute_raw(sql.statement()).await?;
        self.changed += done.rows_affected();
        Ok(())
    }

    /// The counts, once every batch is written.
    pub(super) async fn finish(self, db: &impl ConnectionTrait) -> Result<Counts, ApiError> {
        let created = count_cards(db).await?.saturating_sub(self.cards_before);
        Ok(Counts { created, updated: self.changed.saturating_sub(created), persons_created: self.persons_created })
    }
}
