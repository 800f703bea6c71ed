//! Scratch databases: each test gets its own — a SQLite file in a new folder
//! of the temp folder, or a uniquely named PostgreSQL database — and
//! [`Scratch`] removes it when the test's owner of it ends, so running the suite by hand leaves
//! nothing behind (`scripts/test.sh` also sweeps `linan_test_*` at exit, for
//! a run that is killed).

use std::path::PathBuf;

use sea_orm::{ConnectionTrait, Database};

use crate::Db;

/// A database one test owns; dropping it removes the database.
#[derive(Debug)]
pub(crate) enum Scratch {
    /// The folder that holds a SQLite file and its `-wal` and `-shm` files.
    /// The folder goes with them: a pool that is still open (it keeps one
    /// connection, and reconnects) cannot create the file anew.
    Sqlite(PathBuf),
    /// A PostgreSQL database `name`, dropped through `admin`.
    Postgres { admin: String, name: String },
}

impl Drop for Scratch {
    fn drop(&mut self) {
        match self {
            Scratch::Sqlite(folder) => {
                let _ = std::fs::remove_dir_all(folder);
            }
            Scratch::Postgres { admin, name } => {
                let sql = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                let admin = admin.clone();
                // Drop cannot await, and blocking the test's runtime on its
                // own future would stall it: a thread with a runtime of its
                // own does the drop, and we wait for it (about 50 ms), so the
                // database is gone when the owner is. `WITH (FORCE)` ends the
                // connections a server that is still shutting down holds.
                let dropped = std::thread::spawn(move || {
                    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
                    runtime.block_on(async {
                        let conn = Database::connect(&admin).await?;
                        conn.execute_unprepared(&sql).await?;
                        conn.close().await
                    })?;
                    Ok::<_, Box<dyn std::error::Error + Send + Sync>>(())
                })
                .join();
                // Never panic in a drop (it may run while a failed test
                // unwinds); the sweep in scripts/test.sh catches what is left.
                if let Ok(Err(e)) = dropped {
                    eprintln!("test database {name} not dropped: {e}");
                }
            }
        }
    }
}

/// The PostgreSQL admin URL, or `None` (skip) — a panic under `CI=true`.
fn postgres_admin_url() -> Option<String> {
    match std::env::var("LINAN_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("CI=true but LINAN_TEST_POSTGRES_URL is not set: the PostgreSQL pass must run in CI")
        }
        _ => {
            eprintln!("LINAN_TEST_POSTGRES_URL not set: PostgreSQL pass skipped");
            None
        }
    }
}

/// Replaces the database name (the last path segment) of a PostgreSQL URL.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let base = match base.rfind('/') {
        Some(i) if i > "postgres://".len() => &base[..i],
        _ => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

/// A new database for `db`: its URL and its owner, or `None` if the
/// PostgreSQL pass is skipped.
pub(crate) async fn fresh_database(db: Db) -> Option<(String, Scratch)> {
    let unique = uuid::Uuid::new_v4().simple().to_string();
    match db {
        Db::Sqlite => {
            let folder = std::env::temp_dir().join(format!("linan-test-{unique}"));
            std::fs::create_dir(&folder).unwrap_or_else(|e| panic!("cannot create {}: {e}", folder.display()));
            let url = format!("sqlite://{}?mode=rwc", folder.join("db.sqlite").display());
            Some((url, Scratch::Sqlite(folder)))
        }
        Db::Postgres => {
            let admin = postgres_admin_url()?;
            let name = format!("linan_test_{unique}");
            let conn = Database::connect(&admin)
                .await
                .unwrap_or_else(|e| panic!("cannot reach PostgreSQL at LINAN_TEST_POSTGRES_URL: {e}"));
            conn.execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                .await
                .unwrap_or_else(|e| panic!("cannot create test database {name}: {e}"));
            let _ = conn.close().await;
            Some((with_database(&admin, &name), Scratch::Postgres { admin, name }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn database_names_are_replaced_in_urls() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/postgres", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(with_database("postgres://u@h/db?sslmode=disable", "x"), "postgres://u@h/x?sslmode=disable");
        assert_eq!(with_database("postgres://u@h:5432", "x"), "postgres://u@h:5432/x");
    }
}
