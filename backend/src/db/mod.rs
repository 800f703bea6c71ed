//! Connecting to the database and bringing its schema up to date, writing
//! transactions, unique violations, and the SQL text builder ([`sql`]).

pub mod sql;

use std::{path::Path, time::Duration};

use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, DbErr, SqlErr, SqliteTransactionMode, TransactionOptions,
    TransactionTrait,
    sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous},
};
use sea_orm_migration::MigratorTrait;

use crate::{config::Config, error::ApiError, migration::Migrator};

/// Opens the pool. For SQLite, creates the file's folder first.
pub async fn connect(config: &Config) -> Result<DatabaseConnection, DbErr> {
    let url = &config.database_url;
    if let Some(path) = sqlite_path(url)
        && let Some(dir) = Path::new(path).parent().filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir).map_err(|e| DbErr::Custom(format!("cannot create {}: {e}", dir.display())))?;
    }
    let mut options = ConnectOptions::new(url.clone());
    options
        .max_connections(config.db_max_connections)
        .min_connections(1)
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(5))
        .sqlx_logging(false)
        // WAL lets readers run beside the one writer; without a busy timeout
        // a concurrent write fails at once with SQLITE_BUSY. Set per
        // connection, since pragmas other than journal_mode are.
        // Statement journals (the undo copy of every page a multi-row
        // statement changes inside a transaction) go to a temporary file by
        // default: a card import wrote more to it than to the database.
        // In memory they cost a copy, not a system call; a transaction can
        // only choose this before it begins, hence per connection.
        .map_sqlx_sqlite_opts(|opts| {
            opts.journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5))
                .pragma("temp_store", "memory")
        });
    Database::connect(options).await
}

/// The file path of a `sqlite:` URL, if it is one (and not in-memory).
pub fn sqlite_path(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or(rest);
    (!path.is_empty() && path != ":memory:").then_some(path)
}

/// Applies every pending migration.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    Migrator::up(db, None).await
}

/// Begins a transaction that will write. On SQLite it starts as
/// `BEGIN IMMEDIATE`: the write lock is taken (waiting up to the busy
/// timeout) before the first read, so a transaction that reads and then
/// writes can never find that another connection wrote in between — which
/// a deferred transaction in WAL mode would answer with an immediate
/// `SQLITE_BUSY`. PostgreSQL ignores the mode and uses row locks.
pub async fn begin_write<C: TransactionTrait>(db: &C) -> Result<C::Transaction, DbErr> {
    let options = TransactionOptions {
        isolation_level: None,
        access_mode: None,
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
    };
    db.begin_with_options(options).await
}

/// Answers a unique violation in `result` with `conflict()` (a 409 that
/// says what exists already) instead of a 500. Where two requests can both
/// find a name free and both insert it, the database's unique index decides:
/// the loser's insert fails here.
pub fn on_unique<T>(result: Result<T, DbErr>, conflict: impl FnOnce() -> ApiError) -> Result<T, ApiError> {
    match result {
        Err(e) if is_unique_violation(&e) => Err(conflict()),
        other => Ok(other?),
    }
}

/// Whether `e` is a unique-index violation (on either database).
pub fn is_unique_violation(e: &DbErr) -> bool {
    matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

#[cfg(test)]
mod tests {
    use super::sqlite_path;

    #[test]
    fn sqlite_paths_are_found_in_urls() {
        assert_eq!(sqlite_path("sqlite://data/x.sqlite?mode=rwc"), Some("data/x.sqlite"));
        assert_eq!(sqlite_path("sqlite::memory:"), None);
        assert_eq!(sqlite_path("postgres://localhost/x"), None);
    }
}
