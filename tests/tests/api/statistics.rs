//! Planner statistics: a server started on a database without them gathers
//! them (`ANALYZE`) before serving, on SQLite and on PostgreSQL.

use linan_backend::{Application, db, statistics};
use linan_tests::{Db, blank_db};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_statistics_are_gathered_at_start_up_when_missing() {
    statistics_are_gathered_at_start_up_when_missing(Db::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_statistics_are_gathered_at_start_up_when_missing() {
    statistics_are_gathered_at_start_up_when_missing(Db::Postgres).await;
}

async fn statistics_are_gathered_at_start_up_when_missing(which: Db) {
    let Some(fresh) = blank_db(which).await else { return };
    let conn = fresh.connect().await;
    db::migrate(&conn).await.unwrap();
    assert!(!statistics::present(&conn).await.unwrap(), "a new database has no statistics");
    // Demo data loaded by the start-up itself, then statistics.
    let mut config = fresh.config();
    config.no_demo = false;
    let app = Application::build(config).await.unwrap();
    assert!(statistics::present(&app.state().db).await.unwrap());
}
