//! `linan backup` and `linan restore`, for a SQLite database.
//!
//! A backup is `VACUUM INTO` a new file: SQLite writes a consistent,
//! compacted snapshot of the database as of one read transaction, so it is
//! safe while `serve` runs (WAL mode: writers go on meanwhile; what they
//! commit after the snapshot began is not in it). It is written under a
//! temporary name and renamed when complete, then opened and checked.
//!
//! A restore copies a backup over the configured database — again with
//! `VACUUM INTO`, which checks the backup as it reads it — keeps the
//! database it replaces beside it, then migrates (a backup of an older
//! release is brought up to date) and runs [`check`](super::check).
//!
//! PostgreSQL has its own tools (`pg_dump`, `pg_restore`, continuous
//! archiving); both commands say so and exit non-zero. See
//! docs/operations.md.

use std::path::{Path, PathBuf};

use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement};

use super::{CliError, check};
use crate::{Config, clock::Clock, db, demo};

/// What `linan backup` on PostgreSQL answers.
pub const PG_BACKUP_HINT: &str = "linan backup writes SQLite databases only; for PostgreSQL use \
     `pg_dump --format=custom --file=FILE DATABASE_URL` (and continuous archiving for point-in-time recovery): \
     see docs/operations.md";

/// What `linan restore` on PostgreSQL answers.
pub const PG_RESTORE_HINT: &str = "linan restore restores SQLite databases only; for PostgreSQL use \
     `pg_restore --clean --if-exists --no-owner --dbname=DATABASE_URL FILE`, then `linan check`: \
     see docs/operations.md";

/// `linan backup`.
#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// The file to write. It must not exist: a backup never overwrites.
    #[arg(long)]
    pub out: PathBuf,
    /// The database to back up (and the other settings).
    #[command(flatten)]
    pub config: Config,
}

/// `linan restore`.
#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    /// The backup to restore (a file `linan backup` wrote).
    #[arg(long)]
    pub from: PathBuf,
    /// Replace a database that holds data (it is kept beside, renamed).
    #[arg(long)]
    pub force: bool,
    /// The database to restore into (and the other settings).
    #[command(flatten)]
    pub config: Config,
}

/// What a backup wrote.
#[derive(Debug, Clone)]
pub struct Written {
    /// The file.
    pub path: PathBuf,
    /// Its size in bytes.
    pub bytes: u64,
    /// The migrations applied in it.
    pub migrations: usize,
}

/// What a restore did.
#[derive(Debug, Clone)]
pub struct Restored {
    /// The database it replaced, renamed, if there was one with data.
    pub kept: Option<PathBuf>,
    /// The check of the restored database.
    pub report: check::Report,
}

fn refused(message: impl Into<String>) -> CliError {
    CliError::Refused(message.into())
}

/// The SQLite file of `config`, or the hint for PostgreSQL.
fn sqlite_file(config: &Config, hint: &str) -> Result<PathBuf, CliError> {
    match db::sqlite_path(&config.database_url) {
        Some(path) => Ok(PathBuf::from(path)),
        None if config.database_url.starts_with("postgres") => Err(refused(hint)),
        None => Err(refused(format!("{} is not a SQLite file", check::redacted(&config.database_url)))),
    }
}

fn utf8(path: &Path) -> Result<&str, CliError> {
    path.to_str().ok_or_else(|| refused(format!("{} is not a UTF-8 path", path.display())))
}

/// `VACUUM INTO path` on `conn`: a consistent snapshot in a new file.
async fn vacuum_into(conn: &impl ConnectionTrait, path: &Path) -> Result<(), CliError> {
    let statement = Statement::from_sql_and_values(conn.get_database_backend(), "VACUUM INTO ?", [utf8(path)?.into()]);
    conn.execute_raw(statement).await?;
    Ok(())
}

/// Opens a SQLite file read-only.
async fn open_read_only(path: &Path) -> Result<DatabaseConnection, CliError> {
    let conn = Database::connect(format!("sqlite://{}?mode=ro", utf8(path)?)).await?;
    Ok(conn)
}

/// Checks a SQLite file's integrity and that it is a Linan database; the
/// number of migrations applied in it.
async fn verify(conn: &DatabaseConnection, path: &Path) -> Result<usize, CliError> {
    let backend = conn.get_database_backend();
    let row = conn.query_one_raw(Statement::from_string(backend, "PRAGMA quick_check")).await?;
    let verdict = row.and_then(|r| r.try_get_by_index::<String>(0).ok()).unwrap_or_default();
    if verdict != "ok" {
        return Err(refused(format!("{} is damaged: {verdict}", path.display())));
    }
    let applied = "SELECT COUNT(*) AS n FROM seaql_migrations";
    let row = conn
        .query_one_raw(Statement::from_string(backend, applied))
        .await
        .map_err(|_| refused(format!("{} is not a Linan database (it has no migration table)", path.display())))?;
    let n = row.and_then(|r| r.try_get::<i64>("", "n").ok()).unwrap_or(0);
    Ok(usize::try_from(n).unwrap_or(0))
}

/// A path beside `path` with `suffix` appended to its name.
fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

/// Removes SQLite's `-wal` and `-shm` files of `path` (after its last
/// connection closed they hold nothing the file lacks).
fn remove_sidecars(path: &Path) -> Result<(), CliError> {
    for suffix in ["-wal", "-shm"] {
        match std::fs::remove_file(beside(path, suffix)) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

/// Writes a backup of `config`'s SQLite database to `out`, which must not exist.
pub async fn backup_to(config: &Config, out: &Path) -> Result<Written, CliError> {
    let source = sqlite_file(config, PG_BACKUP_HINT)?;
    if !source.exists() {
        return Err(refused(format!("there is no database at {}", source.display())));
    }
    if out.exists() {
        return Err(refused(format!("{} exists; a backup never overwrites: choose a new file", out.display())));
    }
    let partial = beside(out, ".partial");
    let _ = std::fs::remove_file(&partial);
    let conn = db::connect(&Config { db_max_connections: 1, ..config.clone() }).await?;
    let written = vacuum_into(&conn, &partial).await;
    let _ = conn.close().await;
    written?;
    let copy = open_read_only(&partial).await?;
    let migrations = verify(&copy, &partial).await;
    let _ = copy.close().await;
    let migrations = migrations?;
    std::fs::rename(&partial, out)?;
    let bytes = std::fs::metadata(out)?.len();
    Ok(Written { path: out.to_owned(), bytes, migrations })
}

/// Whether the SQLite file at `path` holds data (a catalogue, or any table
/// that is not a migrated, empty schema).
async fn holds_data(config: &Config, path: &Path) -> Result<bool, CliError> {
    if !path.exists() || std::fs::metadata(path)?.len() == 0 {
        return Ok(false);
    }
    let conn = db::connect(&Config { db_max_connections: 1, ..config.clone() }).await?;
    let backend = conn.get_database_backend();
    let tables = "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'";
    let row = conn.query_one_raw(Statement::from_string(backend, tables)).await?;
    let n = row.and_then(|r| r.try_get::<i64>("", "n").ok()).unwrap_or(0);
    let holds = n > 0 && !matches!(demo::is_empty(&conn).await, Ok(true));
    let _ = conn.close().await;
    Ok(holds)
}

/// Restores the backup `from` into `config`'s SQLite database, migrates it
/// and checks it. A database holding data is replaced only with `force`
/// (and kept beside it as `NAME.before-restore-TIMESTAMP`).
pub async fn restore_from(config: &Config, from: &Path, force: bool) -> Result<Restored, CliError> {
    let target = sqlite_file(config, PG_RESTORE_HINT)?;
    if !from.is_file() {
        return Err(refused(format!("there is no backup at {}", from.display())));
    }
    let source = open_read_only(from).await?;
    let checked = verify(&source, from).await;
    let staged = beside(&target, ".restoring");
    let _ = std::fs::remove_file(&staged);
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let copied = match checked {
        Ok(_) => vacuum_into(&source, &staged).await,
        Err(e) => Err(e),
    };
    let _ = source.close().await;
    copied?;
    let holds = holds_data(config, &target).await?;
    if holds && !force {
        let _ = std::fs::remove_file(&staged);
        return Err(refused(format!(
            "{} holds data; restoring replaces it. Stop every `linan serve` on it, then pass --force \
             (the database it replaces is kept beside it)",
            target.display()
        )));
    }
    let kept = if holds {
        let stamp = Clock::default().now().format("%Y%m%dT%H%M%SZ");
        let kept = beside(&target, &format!(".before-restore-{stamp}"));
        std::fs::rename(&target, &kept)?;
        Some(kept)
    } else {
        None
    };
    remove_sidecars(&target)?;
    std::fs::rename(&staged, &target)?;
    let conn = db::connect(config).await?;
    let migrated = db::migrate(&conn).await;
    let _ = conn.close().await;
    migrated?;
    Ok(Restored { kept, report: check::check(config).await })
}

/// `linan backup --out FILE`.
pub async fn backup(args: &BackupArgs) -> Result<(), CliError> {
    let written = backup_to(&args.config, &args.out).await?;
    println!(
        "backup written: {} ({} bytes, {} migrations applied, integrity ok)",
        written.path.display(),
        written.bytes,
        written.migrations
    );
    Ok(())
}

/// `linan restore --from FILE [--force]`.
pub async fn restore(args: &RestoreArgs) -> Result<(), CliError> {
    let restored = restore_from(&args.config, &args.from, args.force).await?;
    println!("restored {} into {}", args.from.display(), check::redacted(&args.config.database_url));
    if let Some(kept) = &restored.kept {
        println!("the database it replaced is kept as {}", kept.display());
    }
    print!("{}", restored.report.render());
    if restored.report.is_ok() { Ok(()) } else { Err(refused("the restored database does not pass `linan check`")) }
}
