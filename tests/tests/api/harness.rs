//! The harness itself: a test's database (a SQLite file with its side files,
//! or a PostgreSQL database) is gone when the test's application ends, so
//! running the suite by hand leaves nothing behind.

use linan_tests::{Db, TestApp, blank_db, db_tests};
use sea_orm::{ConnectionTrait, Database, Statement};

db_tests!(Empty => { a_tests_database_is_removed_when_its_application_ends });

/// Whether the database behind `url` (of `db`) still exists.
async fn exists(db: Db, url: &str) -> bool {
    match db {
        Db::Sqlite => {
            let path = url.trim_start_matches("sqlite://").split('?').next().unwrap();
            std::path::Path::new(path).exists()
        }
        Db::Postgres => {
            let name = url.rsplit('/').next().unwrap().split('?').next().unwrap();
            let admin = Database::connect(std::env::var("LINAN_TEST_POSTGRES_URL").unwrap()).await.unwrap();
            let row = admin
                .query_one_raw(Statement::from_sql_and_values(
                    admin.get_database_backend(),
                    "SELECT count(*) AS n FROM pg_database WHERE datname = $1",
                    [name.into()],
                ))
                .await
                .unwrap()
                .unwrap();
            row.try_get::<i64>("", "n").unwrap() == 1
        }
    }
}

async fn a_tests_database_is_removed_when_its_application_ends(app: TestApp) {
    let (db, url) = (app.db, app.state.config.database_url.clone());
    let replica = app.replica().await;
    assert!(exists(db, &url).await);
    drop(replica);
    assert!(exists(db, &url).await, "a replica does not own the database");
    drop(app);
    assert!(!exists(db, &url).await, "{url} is left behind");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fresh_database_is_removed_when_dropped() {
    for db in [Db::Sqlite, Db::Postgres] {
        let Some(fresh) = blank_db(db).await else { continue };
        let url = fresh.url.clone();
        // A closed pool: an open SQLite pool could create the file anew.
        fresh.connect().await.close().await.unwrap();
        assert!(exists(db, &url).await);
        drop(fresh);
        assert!(!exists(db, &url).await, "{url} is left behind");
    }
}
