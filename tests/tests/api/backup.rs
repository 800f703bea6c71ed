//! `linan backup` and `linan restore`: a SQLite backup taken while
//! redemptions are being written holds every redemption acknowledged
//! before it began, and its usage counters agree with its redemptions;
//! a restore refuses to overwrite data without `--force`. On PostgreSQL
//! both commands point to `pg_dump`/`pg_restore`.

use std::{
    collections::{BTreeMap, BTreeSet},
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use linan_backend::{
    Config,
    cli::backup::{backup_to, restore_from},
    db,
    entity::{quota_usage, redemption, stock_usage},
};
use linan_tests::{
    Db, Seed, TestApp,
    fixtures::{benefit_input, rule},
    linan_shared::{Quota, QuotaPeriod},
    session::Who,
    spawn_app,
};
use reqwest::StatusCode;
use sea_orm::EntityTrait;
use serde_json::json;

/// Demo cards of four different persons, with their second factors.
const CARDS: [(&str, &str, &str); 4] = [
    ("LW2026000014", "0014", "1990-01-01"),
    ("LW2026000022", "0023", "1985-05-05"),
    ("LW2026000030", "0032", "1992-02-02"),
    ("YF202600000022", "0043", "1988-08-08"),
];
const PER_CARD: usize = 25;

/// A temp file path that is removed (with SQLite's side files) on drop.
struct TempFile(std::path::PathBuf);

impl TempFile {
    fn new(name: &str) -> Self {
        TempFile(std::env::temp_dir().join(format!("linan-{name}-{}.sqlite", uuid::Uuid::new_v4().simple())))
    }

    fn url(&self) -> String {
        format!("sqlite://{}?mode=rwc", self.0.display())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let dir = self.0.parent().map(std::path::Path::to_path_buf).unwrap_or_default();
        let name = self.0.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            if entry.file_name().to_string_lossy().starts_with(&name) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// An offer of merchant1's partner that every card below may take many times a day.
async fn plentiful_offer(app: &TestApp, merchant: &Who) -> i64 {
    let mut input = benefit_input(linan_tests::fixtures::zh("备份测试"));
    input.quota =
        Quota { per_person_limit: Some(1000), per_person_period: Some(QuotaPeriod::Day), daily_stock: Some(1000) };
    input.eligibility = vec![rule("liwan_talent", "C"), rule("youyue_foshan", "C")];
    app.add_benefit(merchant.session.account.partner_id.unwrap(), &input).await
}

/// Redeems `offer` with `card` `PER_CARD` times; each acknowledged id with when its answer came.
async fn redeem_many(app: &TestApp, merchant: &Who, offer: i64, card: usize, acked: Arc<Mutex<Vec<(i64, Instant)>>>) {
    let (number, last4, birth) = CARDS[card];
    let body = json!({"benefit_id": offer, "card_number": number, "id_last4": last4, "birth_date": birth});
    for i in 0..PER_CARD {
        let response = app
            .client
            .post(format!("{}/api/v1/redemptions", app.address))
            .bearer_auth(&merchant.token)
            .header("idempotency-key", format!("backup-{card}-{i}"))
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = response.status();
        let text = response.text().await.unwrap();
        assert_eq!(status, StatusCode::CREATED, "{text}");
        let id = serde_json::from_str::<serde_json::Value>(&text).unwrap()["id"].as_i64().unwrap();
        acked.lock().unwrap().push((id, Instant::now()));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_taken_while_redemptions_are_written_restores_every_acknowledged_one() {
    let app = spawn_app(Db::Sqlite, Seed::Demo).await.unwrap();
    let merchant = app.demo("merchant1@demo.linan").await;
    let offer = plentiful_offer(&app, &merchant).await;
    let acked = Arc::new(Mutex::new(Vec::new()));
    let writers = (0..CARDS.len()).map(|card| redeem_many(&app, &merchant, offer, card, acked.clone()));
    let writing = futures::future::join_all(writers);
    let out = TempFile::new("backup");
    let backing_up = async {
        let deadline = Instant::now() + Duration::from_secs(60);
        while acked.lock().unwrap().len() < 20 && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        let started = Instant::now();
        let written = backup_to(&app.state.config, &out.0).await.unwrap();
        (started, written)
    };
    let (_, (started, written)) = tokio::join!(writing, backing_up);
    let acked = acked.lock().unwrap().clone();
    assert_eq!(acked.len(), CARDS.len() * PER_CARD);
    assert!(written.bytes > 0 && written.migrations > 0, "{written:?}");
    let before: BTreeSet<i64> = acked.iter().filter(|(_, at)| *at < started).map(|(id, _)| *id).collect();
    let all: BTreeSet<i64> = acked.iter().map(|(id, _)| *id).collect();
    assert!(before.len() >= 20, "the backup began after {} acknowledged redemptions", before.len());
    assert!(before.len() < all.len(), "the writers had finished before the backup began");

    let target = TempFile::new("restored");
    let config = Config::for_database(&target.url());
    let restored = restore_from(&config, &out.0, false).await.unwrap();
    assert!(restored.report.is_ok() && restored.kept.is_none(), "{}", restored.report.render());

    let conn = db::connect(&config).await.unwrap();
    let rows = redemption::Entity::find().all(&conn).await.unwrap();
    let ids: BTreeSet<i64> = rows.iter().map(|r| r.id).collect();
    assert!(before.is_subset(&ids), "lost: {:?}", before.difference(&ids).collect::<Vec<_>>());
    assert!(ids.is_subset(&all), "never acknowledged: {:?}", ids.difference(&all).collect::<Vec<_>>());
    // The counters agree with the redemptions they count.
    let mut per_person: BTreeMap<(i64, i64, String), i32> = BTreeMap::new();
    let mut per_day: BTreeMap<(i64, chrono::NaiveDate), i32> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.voided_at.is_none()) {
        *per_person.entry((r.person_id, r.benefit_id, r.period_key.clone())).or_default() += 1;
        *per_day.entry((r.benefit_id, r.day)).or_default() += 1;
    }
    let quota: BTreeMap<_, _> = quota_usage::Entity::find()
        .all(&conn)
        .await
        .unwrap()
        .into_iter()
        .filter(|q| q.used > 0)
        .map(|q| ((q.person_id, q.benefit_id, q.period_key), q.used))
        .collect();
    let stock: BTreeMap<_, _> = stock_usage::Entity::find()
        .all(&conn)
        .await
        .unwrap()
        .into_iter()
        .filter(|s| s.used > 0)
        .map(|s| ((s.benefit_id, s.day), s.used))
        .collect();
    assert_eq!(quota, per_person);
    assert_eq!(stock, per_day);
    let _ = conn.close().await;

    // Now it holds data: a second restore needs --force, and keeps what it replaces.
    let refused = restore_from(&config, &out.0, false).await.unwrap_err().to_string();
    assert!(refused.contains("holds data") && refused.contains("--force"), "{refused}");
    let again = restore_from(&config, &out.0, true).await.unwrap();
    assert!(again.kept.as_ref().is_some_and(|k| k.exists()), "{:?}", again.kept);
    // And a backup never overwrites.
    let twice = backup_to(&app.state.config, &out.0).await.unwrap_err().to_string();
    assert!(twice.contains("never overwrites"), "{twice}");
}

#[tokio::test]
async fn on_postgresql_backup_and_restore_point_to_pg_dump_and_pg_restore() {
    let config = Config::for_database("postgres://postgres@127.0.0.1:5432/linan");
    let out = std::env::temp_dir().join("linan-never-written.dump");
    let backup = backup_to(&config, &out).await.unwrap_err().to_string();
    assert!(backup.contains("pg_dump") && backup.contains("docs/operations.md"), "{backup}");
    let restore = restore_from(&config, &out, true).await.unwrap_err().to_string();
    assert!(restore.contains("pg_restore"), "{restore}");
    assert!(!out.exists());
}
