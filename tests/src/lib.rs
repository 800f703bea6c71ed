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
pub mod fixtures {
    use chrono::{Duration, NaiveDate};
    use linan_backend::{
        calendar::from_naive,
        catalogue::{create_benefit, create_partner},
        entity::{benefit, partner},
    };
    use linan_shared::{
        BenefitInput, BenefitStatus, CategoryCode, DistrictCode, EligibilityRule, GeoPoint, Gives, LocalizedText,
        PartnerInput, PartnerKind, Quota, SchemeCode, TierCode, Validity,
    };
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

    use super::{TestApp, today};

    /// A plain text with only zh-CN.
    pub fn zh(s: &str) -> LocalizedText {
        LocalizedText::new(s, None, None)
    }

    /// A valid merchant offer open to Youyue Foshan Card tier C and above,
    /// valid from yesterday for 30 days.
    pub fn benefit_input(title: LocalizedText) -> BenefitInput {
        let day = today();
        BenefitInput {
            category: CategoryCode::parse("merchant_offer").unwrap_or_else(|e| panic!("{e}")),
            title,
            summary: zh("测试摘要"),
            description: zh("测试说明"),
            terms: zh("测试条款"),
            gives: Gives::PercentOff { percent: 10 },
            quota: Quota::default(),
            eligibility: vec![rule("youyue_foshan", "C")],
            validity: Validity {
                from: from_naive(day - Duration::days(1)),
                until: from_naive(day + Duration::days(30)),
            },
        }
    }

    /// An eligibility rule.
    pub fn rule(scheme: &str, min_tier: &str) -> EligibilityRule {
        EligibilityRule {
            scheme: SchemeCode::parse(scheme).unwrap_or_else(|e| panic!("{e}")),
            min_tier: TierCode::parse(min_tier).unwrap_or_else(|e| panic!("{e}")),
        }
    }

    impl TestApp {
        /// Registers an approved merchant in `district` at `lat,lon`.
        pub async fn add_partner(&self, district: &str, name: &str, lat: f64, lon: f64) -> i64 {
            let input = PartnerInput {
                name: zh(name),
                kind: PartnerKind::Merchant,
                district: DistrictCode::parse(district).unwrap_or_else(|e| panic!("{e}")),
                address: zh("测试地址"),
                location: GeoPoint::new(lat, lon).unwrap_or_else(|e| panic!("{e}")),
                phone: None,
            };
            let reference = self.reference().await;
            let now = self.state.clock.now();
            let id = create_partner(&self.state.db, &reference, &input, linan_shared::PartnerStatus::Approved, now)
                .await
                .unwrap_or_else(|e| panic!("add partner: {e}"));
            self.refresh().await;
            id
        }

        /// Creates a published benefit of `partner`.
        pub async fn add_benefit(&self, partner: i64, input: &BenefitInput) -> i64 {
            self.add_benefit_in(partner, input, BenefitStatus::Published).await
        }

        /// Creates a benefit of `partner` in `status`.
        pub async fn add_benefit_in(&self, partner: i64, input: &BenefitInput, status: BenefitStatus) -> i64 {
            let reference = self.reference().await;
            let id = create_benefit(&self.state.db, &reference, partner, input, status, None, self.state.clock.now())
                .await
                .unwrap_or_else(|e| panic!("add benefit: {e}"));
            self.refresh().await;
            id
        }

        /// The oracle: every benefit that should be public on `day`, read
        /// straight from the tables and filtered in Rust.
        pub async fn public_in_db(&self, day: NaiveDate) -> Vec<(benefit::Model, partner::Model)> {
            let rows = benefit::Entity::find()
                .find_also_related(partner::Entity)
                .filter(benefit::Column::Status.eq("published"))
                .all(&self.state.db)
                .await
                .unwrap_or_else(|e| panic!("oracle: {e}"));
            rows.into_iter()
                .filter_map(|(b, p)| p.map(|p| (b, p)))
                .filter(|(b, p)| p.status.as_str() == "approved" && b.valid_from <= day && day <= b.valid_until)
                .collect()
        }
    }
}

/// Signed-in clients: bearer sessions for the demo accounts and new
/// merchants, and requests that carry them.
pub mod session {
    use linan_shared::{
        DistrictCode, ErrorBody, GeoPoint, InviteDto, InviteRequest, LoginRequest, PartnerInput, PartnerKind,
        SessionDto, SignupRequest,
    };
    use reqwest::{Method, StatusCode};
    use serde::{Serialize, de::DeserializeOwned};

    use super::{TestApp, fixtures::zh};

    /// The demo accounts' password.
    pub const PASSWORD: &str = linan_backend::demo::DEMO_PASSWORD;

    /// A bearer session.
    #[derive(Debug, Clone)]
    pub struct Who {
        /// The bearer token.
        pub token: String,
        /// The session as the server answered it.
        pub session: SessionDto,
    }

    /// A partner registration in `district` named `name`.
    pub fn partner_input(district: &str, name: &str) -> PartnerInput {
        PartnerInput {
            name: zh(name),
            kind: PartnerKind::Merchant,
            district: DistrictCode::parse(district).unwrap_or_else(|e| panic!("{e}")),
            address: zh("测试地址 1 号"),
            location: GeoPoint::new(23.05, 113.15).unwrap_or_else(|e| panic!("{e}")),
            phone: None,
        }
    }

    impl TestApp {
        /// Sends `method path` with an optional bearer token and JSON body.
        pub async fn send<B: Serialize>(
            &self,
            method: Method,
            path: &str,
            who: Option<&Who>,
            body: Option<&B>,
        ) -> reqwest::Response {
            let mut request = self.client.request(method.clone(), format!("{}{path}", self.address));
            if let Some(who) = who {
                request = request.bearer_auth(&who.token);
            }
            if let Some(body) = body {
                request = request.json(body);
            }
            request.send().await.unwrap_or_else(|e| panic!("{method} {path}: {e}"))
        }

        /// Sends and expects `status`, returning the JSON body.
        pub async fn call<B: Serialize, T: DeserializeOwned>(
            &self,
            method: Method,
            path: &str,
            who: Option<&Who>,
            body: Option<&B>,
            status: StatusCode,
        ) -> T {
            let response = self.send(method.clone(), path, who, body).await;
            let got = response.status();
            let text = response.text().await.unwrap_or_default();
            assert_eq!(got, status, "{method} {path}: {text}");
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{method} {path}: {e}: {text}"))
        }

        /// Sends and expects an error with `status` and `code`.
        pub async fn refused<B: Serialize>(
            &self,
            method: Method,
            path: &str,
            who: Option<&Who>,
            body: Option<&B>,
            status: StatusCode,
            code: &str,
        ) -> ErrorBody {
            let body: ErrorBody = self.call(method.clone(), path, who, body, status).await;
            assert_eq!(body.error.code, code, "{method} {path}: {}", body.error.message);
            body
        }

        /// Signs in with a bearer token.
        pub async fn login(&self, email: &str, password: &str) -> Who {
            let request = LoginRequest { email: email.into(), password: password.into(), bearer: true };
            let session: SessionDto =
                self.call(Method::POST, "/api/v1/auth/login", None, Some(&request), StatusCode::OK).await;
            Who { token: session.token.clone().unwrap_or_else(|| panic!("no token")), session }
        }

        /// `n` sign-ins as `email` with a wrong password, each answered 401.
        pub async fn wrong_logins(&self, email: &str, n: u32) {
            let wrong = LoginRequest { email: email.into(), password: "a guess at it".into(), bearer: true };
            for _ in 0..n {
                let path = "/api/v1/auth/login";
                self.refused(Method::POST, path, None, Some(&wrong), StatusCode::UNAUTHORIZED, "invalid_credentials")
                    .await;
            }
        }

        /// Signs in as a demo account.
        pub async fn demo(&self, email: &str) -> Who {
            self.login(email, PASSWORD).await
        }

        /// The owner invites `email` to their partner.
        pub async fn invite(&self, owner: &Who, email: &str) -> InviteDto {
            let request = InviteRequest { email: email.into() };
            self.call(Method::POST, "/api/v1/merchant/staff/invites", Some(owner), Some(&request), StatusCode::CREATED)
                .await
        }

        /// The owner invites `email`, who signs up with the code: a staff account of the owner's partner.
        pub async fn join_staff(&self, owner: &Who, email: &str) -> Who {
            let code = self.invite(owner, email).await.code;
            let request = SignupRequest {
                email: email.into(),
                password: PASSWORD.into(),
                partner: None,
                invite: Some(code),
                bearer: true,
            };
            let session: SessionDto =
                self.call(Method::POST, "/api/v1/auth/signup", None, Some(&request), StatusCode::CREATED).await;
            Who { token: session.token.clone().unwrap_or_else(|| panic!("no token")), session }
        }

        /// Signs a new merchant up with a partner in `district`.
        pub async fn sign_up(&self, email: &str, district: &str, name: &str) -> Who {
            let request = SignupRequest {
                email: email.into(),
                password: PASSWORD.into(),
                partner: Some(partner_input(district, name)),
                invite: None,
                bearer: true,
            };
            let session: SessionDto =
                self.call(Method::POST, "/api/v1/auth/signup", None, Some(&request), StatusCode::CREATED).await;
            Who { token: session.token.clone().unwrap_or_else(|| panic!("no token")), session }
        }
    }
}
