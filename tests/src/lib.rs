//! Test harness: starts the real application on an ephemeral port against a
//! fresh database and talks HTTP to it.
//!
//! Every test runs twice, through [`db_tests!`]: once on a new SQLite file and
//! once on a new PostgreSQL database. The PostgreSQL pass needs
//! `LINAN_TEST_POSTGRES_URL` (a URL whose user may create databases, e.g.
//! `postgres://postgres@127.0.0.1:5432/postgres`); without it the pass is
//! skipped with a notice, except under `CI=true`, where that is a failure.

use std::sync::Arc;

use linan_backend::{AppState, Application, Config, clock::Clock, db, demo, reference::Reference};
use linan_shared::{BenefitPage, ErrorBody};
use reqwest::StatusCode;
use sea_orm::ConnectionTrait;
use tokio::sync::oneshot;

pub use linan_backend;
pub use linan_shared;

pub mod events;
mod scratch;

use scratch::{Scratch, fresh_database};

/// Today by a fresh [`Clock`]: what every test application's clock says
/// until the test moves it (`app.state.clock`).
pub fn today() -> chrono::NaiveDate {
    Clock::default().today()
}

/// The time by a fresh [`Clock`] (see [`today`]).
pub fn now() -> chrono::DateTime<chrono::Utc> {
    Clock::default().now()
}

/// Which database a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Db {
    /// A fresh SQLite file in the temp folder.
    Sqlite,
    /// A fresh, uniquely named PostgreSQL database.
    Postgres,
}

/// What the database starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seed {
    /// The full demo data set.
    Demo,
    /// Nothing but the migrated schema.
    Empty,
}

/// A running application and a client for it.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`.
    pub address: String,
    /// `http://127.0.0.1:PORT` of the separate `/metrics` listener, when configured.
    pub metrics_address: Option<String>,
    /// A client without compression (so bodies and sizes are as sent).
    pub client: reqwest::Client,
    /// The application's state (database, caches).
    pub state: AppState,
    /// Which database this run uses.
    pub db: Db,
    shutdown: Option<oneshot::Sender<()>>,
    /// The database, if this application owns it (a replica does not);
    /// fields drop after `drop` below has told the server to stop.
    _owned: Option<Scratch>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// A fresh, migrated database that no application serves yet, for tests of
/// start-up itself ([`Application::build`]); removed on drop.
pub struct FreshDb {
    /// Which database.
    pub db: Db,
    /// Its URL.
    pub url: String,
    _owned: Scratch,
}

impl FreshDb {
    /// A configuration on this database (port 0, no demo).
    pub fn config(&self) -> Config {
        Config::for_database(&self.url)
    }

    /// A new connection to it.
    pub async fn connect(&self) -> sea_orm::DatabaseConnection {
        db::connect(&self.config()).await.unwrap_or_else(|e| panic!("connect {}: {e}", self.url))
    }
}

/// A fresh database with no tables at all (not even migrated), for tests
/// of migrations and of tools; `None` when the PostgreSQL pass is skipped.
pub async fn blank_db(db: Db) -> Option<FreshDb> {
    let (url, owned) = fresh_database(db).await?;
    Some(FreshDb { db, url, _owned: owned })
}

/// A fresh database with `seed` (the demo under the public demo key); `None`
/// when the PostgreSQL pass is skipped.
pub async fn fresh_db(db: Db, seed: Seed) -> Option<FreshDb> {
    let fresh = blank_db(db).await?;
    let conn = fresh.connect().await;
    db::migrate(&conn).await.unwrap_or_else(|e| panic!("migrate: {e}"));
    if seed == Seed::Demo {
        demo::load(&conn).await.unwrap_or_else(|e| panic!("demo data: {e}"));
    }
    let _ = conn.close().await;
    Some(fresh)
}

/// Starts the application on a fresh database with `seed`; `None` when the
/// PostgreSQL pass is skipped.
pub async fn spawn_app(db: Db, seed: Seed) -> Option<TestApp> {
    spawn_app_with(db, seed, |_| {}).await
}

/// Like [`spawn_app`], adjusting the configuration first.
pub async fn spawn_app_with(db: Db, seed: Seed, adjust: impl FnOnce(&mut Config)) -> Option<TestApp> {
    let (url, owned) = fresh_database(db).await?;
    let mut config = Config::for_database(&url);
    adjust(&mut config);
    let conn = db::connect(&config).await.unwrap_or_else(|e| panic!("connect {url}: {e}"));
    db::migrate(&conn).await.unwrap_or_else(|e| panic!("migrate: {e}"));
    if seed == Seed::Demo {
        demo::load(&conn).await.unwrap_or_else(|e| panic!("demo data: {e}"));
    }
    Some(start(config, conn, db, Some(owned)).await)
}

/// Serves `config` on `conn` in the background.
async fn start(config: Config, conn: sea_orm::DatabaseConnection, db: Db, owned: Option<Scratch>) -> TestApp {
    let app = Application::with_database(config, conn).await.unwrap_or_else(|e| panic!("start: {e}"));
    let address = format!("http://{}", app.local_addr());
    let metrics_address = app.metrics_addr().map(|a| format!("http://{a}"));
    let state = app.state().clone();
    let (tx, rx) = oneshot::channel::<()>();
    tokio::spawn(app.run_until(async move {
        let _ = rx.await;
    }));
    let client = reqwest::Client::builder()
        .no_gzip()
        .timeout(std::time::Duration::from_secs(30))
        .build()
        .unwrap_or_else(|e| panic!("client: {e}"));
    TestApp { address, metrics_address, client, state, db, shutdown: Some(tx), _owned: owned }
}

impl TestApp {
    /// A second replica on the same database (its own pool, caches and
    /// clock), as behind a load balancer.
    pub async fn replica(&self) -> TestApp {
        self.replica_with(|_| {}).await
    }

    /// A second replica on the same database, its configuration adjusted
    /// first (e.g. trusting `X-Forwarded-For`, so a test can speak from
    /// many addresses).
    pub async fn replica_with(&self, adjust: impl FnOnce(&mut Config)) -> TestApp {
        let mut config = (*self.state.config).clone();
        adjust(&mut config);
        let conn = db::connect(&config).await.unwrap_or_else(|e| panic!("connect replica: {e}"));
        start(config, conn, self.db, None).await
    }

    /// The keys of the shared throttle's rows, as stored.
    pub async fn throttle_keys(&self) -> Vec<String> {
        let statement =
            sea_orm::Statement::from_string(self.state.db.get_database_backend(), "SELECT key FROM throttle");
        let rows = self.state.db.query_all_raw(statement).await.unwrap_or_else(|e| panic!("throttle rows: {e}"));
        rows.iter().map(|r| r.try_get::<String>("", "key").unwrap_or_else(|e| panic!("throttle key: {e}"))).collect()
    }

    /// GET `path` (with its query string) and return the raw response.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(format!("{}{path}", self.address)).send().await.unwrap_or_else(|e| panic!("GET {path}: {e}"))
    }

    /// GET `path` with extra headers.
    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
        let mut request = self.client.get(format!("{}{path}", self.address));
        for (k, v) in headers {
            request = request.header(*k, *v);
        }
        request.send().await.unwrap_or_else(|e| panic!("GET {path}: {e}"))
    }

    /// GET a JSON document that must answer 200.
    pub async fn get_json<T: serde::de::DeserializeOwned>(&self, path: &str) -> T {
        let response = self.get(path).await;
        let status = response.status();
        let text = response.text().await.unwrap_or_default();
        assert_eq!(status, StatusCode::OK, "GET {path}: {text}");
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("GET {path}: {e}: {text}"))
    }

    /// `GET /api/v1/benefits?{query}`, which must answer 200.
    pub async fn benefits(&self, query: &str) -> BenefitPage {
        self.get_json(&format!("/api/v1/benefits?{query}")).await
    }

    /// Every page of `GET /api/v1/benefits?{query}`, following cursors.
    pub async fn all_benefits(&self, query: &str) -> Vec<linan_shared::BenefitSummary> {
        let mut items = Vec::new();
        let mut cursor: Option<String> = None;
        for _ in 0..1000 {
            let q = match &cursor {
                Some(c) => format!("{query}&cursor={c}"),
                None => query.to_owned(),
            };
            let page = self.benefits(&q).await;
            items.extend(page.items);
            match page.next_cursor {
                Some(c) => cursor = Some(c),
                None => return items,
            }
        }
        panic!("more than 1000 pages for {query}");
    }

    /// A request that must fail with `status`; returns the error body.
    pub async fn expect_error(&self, path: &str, status: StatusCode) -> ErrorBody {
        let response = self.get(path).await;
        let got = response.status();
        let text = response.text().await.unwrap_or_default();
        assert_eq!(got, status, "GET {path}: {text}");
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("GET {path}: error body is not {{error:{{code,message}}}}: {e}: {text}"))
    }

    /// Re-reads the catalogue version now, as the poller would (after a
    /// write made behind the application's back).
    pub async fn refresh(&self) {
        self.state.catalogue.refresh(&self.state.db).await.unwrap_or_else(|e| panic!("refresh: {e}"));
    }

    /// The current reference snapshot.
    pub async fn reference(&self) -> Arc<Reference> {
        self.state.catalogue.reference(&self.state.db).await.unwrap_or_else(|e| panic!("reference: {e}"))
    }
}

/// Declares each listed test once per database.
///
/// ```text
/// db_tests!(Demo => { lists_only_public_benefits, … });
/// ```
#[macro_export]
macro_rules! db_tests {
    ($seed:ident => { $($name:ident),* $(,)? }) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    if let Some(app) = $crate::spawn_app($crate::Db::Sqlite, $crate::Seed::$seed).await {
                        super::$name(app).await;
                    }
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    if let Some(app) = $crate::spawn_app($crate::Db::Postgres, $crate::Seed::$seed).await {
                        super::$name(app).await;
                    }
                }
            )*
        }
    };
}

/// Fixtures: partners and benefits written through the catalogue services,
/// and an oracle that reads the tables directly.
pub mod fixtures;

/// Signed-in clients: bearer sessions for the demo accounts and new
/// merchants, and requests that carry them.
pub mod session;
