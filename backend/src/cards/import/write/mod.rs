//! Writing checked rows: per batch, one statement inserting the new persons
//! (returning their ids), one query for the ids of those already known, and
//! one upsert of the cards, all inside the import's transaction. No row
//! needs a round trip of its own.
//!
//! The card upsert (`ON CONFLICT (number) DO UPDATE … WHERE` something
//! differs) leaves identical rows untouched, so re-importing a file changes
//! nothing, and the database reports how many rows it inserted or updated.
//! A card imported before the birth date was part of the factor has no
//! birth-date hash: re-importing it writes one (and counts as an update).
//! Which of those were new follows from the card count before and after.
//!
//! The statements differ by database ([`sqlite`]: multi-row `VALUES`;
//! [`postgres`]: one array parameter per column); what they do is the same.

mod postgres;
mod sqlite;

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbBackend, Statement};

use super::check::CardRow;
use crate::error::ApiError;

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

/// The card columns every upsert writes, in this order.
const CARD_COLUMNS: &str = "number, scheme_id, tier_id, person_id, holder_name, id_last4_hash, birth_date_hash, \
    valid_from, valid_until, status, reason, version, created_at, updated_at";

/// How a card upsert treats a number that is already registered: update it
/// only where something differs, so an unchanged row is not written.
const CARD_CONFLICT: &str = " ON CONFLICT (number) DO UPDATE SET scheme_id = excluded.scheme_id, \
    tier_id = excluded.tier_id, person_id = excluded.person_id, holder_name = excluded.holder_name, \
    id_last4_hash = excluded.id_last4_hash, birth_date_hash = excluded.birth_date_hash, \
    valid_from = excluded.valid_from, \
    valid_until = excluded.valid_until, status = excluded.status, \
    reason = CASE WHEN card.status = excluded.status THEN card.reason ELSE NULL END, \
    version = card.version + 1, updated_at = excluded.updated_at \
    WHERE card.scheme_id <> excluded.scheme_id OR card.tier_id <> excluded.tier_id \
    OR card.person_id <> excluded.person_id OR card.holder_name <> excluded.holder_name \
    OR card.id_last4_hash <> excluded.id_last4_hash OR card.valid_from <> excluded.valid_from \
    OR card.birth_date_hash IS NULL OR card.birth_date_hash <> excluded.birth_date_hash \
    OR card.valid_until <> excluded.valid_until OR card.status <> excluded.status";

/// SQLite page cache of the import's connection (KiB, as `cache_size`
/// wants it negative): the person index grows at random places, and with the
/// default 2 MiB most inserts would read their page back from the file.
const IMPORT_CACHE_KIB: i64 = 256 * 1024;

async fn count_cards(db: &impl ConnectionTrait) -> Result<u64, ApiError> {
    let statement = Statement::from_string(db.get_database_backend(), "SELECT COUNT(*) AS n FROM card");
    let row = db.query_one_raw(statement).await?.ok_or_else(|| ApiError::Internal("COUNT returned no row".into()))?;
    let n: i64 = row.try_get("", "n")?;
    Ok(u64::try_from(n).unwrap_or(0))
}

/// Runs a query answering `(id, id_hash)` rows into `ids`; returns how many.
async fn collect_ids(
    db: &impl ConnectionTrait,
    statement: Statement,
    ids: &mut HashMap<String, i64>,
) -> Result<u64, ApiError> {
    let rows = db.query_all_raw(statement).await?;
    for row in &rows {
        ids.insert(row.try_get::<String>("", "id_hash")?, row.try_get::<i64>("", "id")?);
    }
    Ok(rows.len() as u64)
}

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

    /// Writes one batch, stamped `now`.
    pub(super) async fn write(
        &mut self,
        db: &impl ConnectionTrait,
        rows: &[CardRow],
        now: DateTime<Utc>,
    ) -> Result<(), ApiError> {
        if rows.is_empty() {
            return Ok(());
        }
        let mut hashes: Vec<&str> = rows.iter().map(|r| r.person_hash.as_str()).collect();
        hashes.sort_unstable();
        hashes.dedup();

        // New persons come back from their insert; only the known ones are looked up.
        let mut ids = HashMap::with_capacity(hashes.len());
        self.persons_created += collect_ids(db, self.insert_persons(&hashes, now), &mut ids).await?;
        if ids.len() < hashes.len() {
            let known: Vec<&str> = hashes.iter().copied().filter(|h| !ids.contains_key(*h)).collect();
            collect_ids(db, self.find_persons(&known), &mut ids).await?;
        }
        let statement = self.upsert_cards(rows, &ids, now)?;
        self.changed += db.execute_raw(statement).await?.rows_affected();
        Ok(())
    }

    /// The counts, once every batch is written.
    pub(super) async fn finish(&self, db: &impl ConnectionTrait) -> Result<Counts, ApiError> {
        let created = count_cards(db).await?.saturating_sub(self.cards_before);
        Ok(Counts { created, updated: self.changed.saturating_sub(created), persons_created: self.persons_created })
    }

    fn insert_persons(&self, hashes: &[&str], now: DateTime<Utc>) -> Statement {
        match self.backend {
            DbBackend::Postgres => postgres::insert_persons(hashes, now),
            _ => sqlite::insert_persons(hashes, now),
        }
    }

    fn find_persons(&self, hashes: &[&str]) -> Statement {
        match self.backend {
            DbBackend::Postgres => postgres::find_persons(hashes),
            _ => sqlite::find_persons(hashes),
        }
    }

    fn upsert_cards(
        &self,
        rows: &[CardRow],
        ids: &HashMap<String, i64>,
        now: DateTime<Utc>,
    ) -> Result<Statement, ApiError> {
        let person = |row: &CardRow| {
            ids.get(&row.person_hash)
                .copied()
                .ok_or_else(|| ApiError::Internal("a person vanished during an import".into()))
        };
        match self.backend {
            DbBackend::Postgres => postgres::upsert_cards(rows, person, now),
            _ => sqlite::upsert_cards(rows, person, now),
        }
    }
}
