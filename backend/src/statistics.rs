//! Planner statistics: `ANALYZE` where the planners would otherwise guess.
//!
//! Without statistics PostgreSQL plans joins over the catalogue as if every
//! table were tiny (a 100k-row list query took 572 ms before `ANALYZE`,
//! 0.5 ms after: docs/benchmarks.md), and its autovacuum may be off or
//! late. So statistics are gathered at start-up when a database has none,
//! after the demo data is loaded, and after an import of at least
//! [`IMPORT_ROWS`] rows — the moments a table's size changes by orders of
//! magnitude. On SQLite `ANALYZE` writes `sqlite_stat1`, which its planner
//! reads the same way.

use sea_orm::{ConnectionTrait, DbBackend, DbErr, FromQueryResult, Statement};

/// Imports of at least this many rows are followed by `ANALYZE`.
pub const IMPORT_ROWS: u64 = 1000;

#[derive(Debug, FromQueryResult)]
struct Found {
    found: i64,
}

/// Gathers statistics of every table now.
pub async fn analyze(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    let started = std::time::Instant::now();
    db.execute_unprepared("ANALYZE").await?;
    tracing::info!(ms = started.elapsed().as_millis() as u64, "gathered planner statistics (ANALYZE)");
    Ok(())
}

/// Whether the database holds any statistics of the catalogue's tables.
pub async fn present(db: &impl ConnectionTrait) -> Result<bool, DbErr> {
    let backend = db.get_database_backend();
    let sql = match backend {
        DbBackend::Sqlite => {
            "SELECT COUNT(*) AS found FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
        }
        _ => {
            "SELECT COUNT(*) AS found FROM pg_stat_user_tables WHERE relname = 'benefit' \
             AND (last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL)"
        }
    };
    let found = Found::find_by_statement(Statement::from_string(backend, sql)).one(db).await?;
    Ok(found.is_some_and(|f| f.found > 0))
}

/// [`analyze`] unless statistics are already there (start-up).
pub async fn analyze_if_missing(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    if !present(db).await? {
        analyze(db).await?;
    }
    Ok(())
}
