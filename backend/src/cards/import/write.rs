//! Writing checked rows: per batch, one multi-row insert of the new persons,
//! one query for their ids, and one multi-row upsert of the cards, inside the
//! import's transaction.
//!
//! The card upsert (`ON CONFLICT (number) DO UPDATE … WHERE` something
//! differs) leaves identical rows untouched, so re-importing a file changes
//! nothing, and the database reports how many rows it inserted or updated.
//! Which of those were new follows from the card count before and after.
//! No row needs a round trip of its own. (Persons are not matched by a
//! subquery per row: SQLite opens one cursor per subquery, and opening each
//! walks the list of open ones — quadratic in a 2,000-row statement.)

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{ConnectionTrait, DbBackend, Statement, Value};

use super::check::CardRow;
use crate::error::ApiError;

/// Bound values per card row, with the timestamp bound twice (on SQLite).
const CARD_VALUES: usize = 11;

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
    /// SQLite's page cache size before the import enlarged it.
    cache_size: Option<i64>,
    cards_before: u64,
    changed: u64,
    persons_created: u64,
}

/// SQL text with placeholders: `$n` on PostgreSQL, where a value used
/// several times is bound once; plain `?` on SQLite, where it is bound at
/// each use, because binding numbered SQLite parameters costs a linear
/// search per parameter (quadratic in a 20,000-value statement).
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

    /// Binds a value and writes its placeholder.
    fn bind(&mut self, value: impl Into<Value>) -> &mut Self {
        self.values.push(value.into());
        if self.backend == DbBackend::Postgres {
            let n = self.values.len();
            self.numbered(n)
        } else {
            self.push("?")
        }
    }

    fn numbered(&mut self, n: usize) -> &mut Self {
        self.text.push('$');
        self.text.push_str(&n.to_string());
        self
    }

    /// Writes a value used several times: bound at its first use (all uses
    /// on SQLite), `slot` remembering its number.
    fn shared(&mut self, slot: &mut Option<usize>, value: &Value) -> &mut Self {
        match *slot {
            Some(n) if self.backend == DbBackend::Postgres => self.numbered(n),
            _ => {
                self.bind(value.clone());
                *slot = Some(self.values.len());
                self
            }
        }
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

/// SQLite page cache of the import's connection (KiB, as `cache_size`
/// wants it negative): the person index grows at random places, and with the
/// default 2 MiB most inserts would read their page back from the file.
const IMPORT_CACHE_KIB: i64 = 256 * 1024;

impl Writer {
    pub(super) async fn new(db: &impl ConnectionTrait) -> Result<Self, ApiError> {
        let backend = db.get_database_backend();
        let cache_size = if backend == DbBackend::Sqlite {
            let row = db.query_one_raw(Statement::from_string(backend, "PRAGMA cache_size")).await?;
            let before = row.map(|r| r.try_get_by_index::<i64>(0)).transpose()?;
            db.execute_unprepared(&format!("PRAGMA cache_size = -{IMPORT_CACHE_KIB}")).await?;
            before
        } else {
            None
        };
        Ok(Writer { backend, cache_size, cards_before: count_cards(db).await?, changed: 0, persons_created: 0 })
    }

    /// Gives the connection its page cache size back (before the transaction ends).
    pub(super) async fn restore(&self, db: &impl ConnectionTrait) -> Result<(), ApiError> {
        if let Some(size) = self.cache_size {
            db.execute_unprepared(&format!("PRAGMA cache_size = {size}")).await?;
        }
        Ok(())
    }

    /// Writes one batch.
    pub(super) async fn write(&mut self, db: &impl ConnectionTrait, rows: &[CardRow]) -> Result<(), ApiError> {
        if rows.is_empty() {
            return Ok(());
        }
        let now = Value::from(Utc::now());

        let mut persons: Vec<&str> = rows.iter().map(|r| r.person_hash.as_str()).collect();
        persons.sort_unstable();
        persons.dedup();
        let mut sql = Numbered::new(self.backend, persons.len() * 2);
        sql.push("INSERT INTO person (id_hash, status, created_at) VALUES ");
        let mut at = None;
        for (i, hash) in persons.iter().enumerate() {
            sql.push(if i == 0 { "(" } else { ", (" }).bind(*hash).push(", 'active', ").shared(&mut at, &now).push(")");
        }
        sql.push(" ON CONFLICT (id_hash) DO NOTHING");
        let done = db.execute_raw(sql.statement()).await?;
        self.persons_created += done.rows_affected();

        let mut sql = Numbered::new(self.backend, persons.len());
        sql.push("SELECT id, id_hash FROM person WHERE id_hash IN (");
        for (i, hash) in persons.iter().enumerate() {
            sql.push(if i == 0 { "" } else { ", " }).bind(*hash);
        }
        sql.push(")");
        let mut person_ids = HashMap::with_capacity(persons.len());
        for row in db.query_all_raw(sql.statement()).await? {
            person_ids.insert(row.try_get::<String>("", "id_hash")?, row.try_get::<i64>("", "id")?);
        }

        let mut sql = Numbered::new(self.backend, rows.len() * CARD_VALUES);
        sql.push(
            "INSERT INTO card (number, scheme_id, tier_id, person_id, holder_name, id_last4_hash, valid_from, \
             valid_until, status, reason, version, created_at, updated_at) VALUES ",
        );
        let mut at = None;
        for (i, r) in rows.iter().enumerate() {
            sql.push(if i == 0 { "(" } else { ", (" });
            sql.bind(r.number.as_str()).push(", ").bind(r.scheme_id).push(", ").bind(r.tier_id);
            let person = person_ids.get(&r.person_hash).copied();
            let person = person.ok_or_else(|| ApiError::Internal("a person vanished during an import".into()))?;
            sql.push(", ").bind(person).push(", ");
            sql.bind(r.holder_name.as_str()).push(", ").bind(r.last4_hash.as_str()).push(", ");
            sql.bind(r.valid_from).push(", ").bind(r.valid_until).push(", ").bind(r.status.as_str());
            sql.push(", NULL, 1, ").shared(&mut at, &now).push(", ").shared(&mut at, &now).push(")");
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
