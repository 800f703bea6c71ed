//! Upgrades: a database of the previous release (`daeb787`, whose last
//! migration was `m20261128_000005_redemptions`) migrates to this one with
//! its data intact, and this release serves it — on SQLite and PostgreSQL.
//!
//! The old database is made by applying only that release's migrations and
//! writing representative rows with plain SQL in its schema (the current
//! entities know columns it lacks), as its code would have.

use linan_backend::{
    Application, Config,
    auth::password::Passwords,
    config::Secret,
    entity::{account, card, install_fact},
    migration::Migrator,
};
use linan_tests::{Db, FreshDb, blank_db};
use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, Statement};
use sea_orm_migration::MigratorTrait;
use serde_json::{Value, json};

/// The first migration the previous release did not have.
const FIRST_NEW: &str = "m20261203_000006";
const PASSWORD: &str = "an owner's password from before";

/// The previous release's migrations: those named before [`FIRST_NEW`].
fn previous_release() -> u32 {
    let old = Migrator::migrations().iter().filter(|m| m.name() < FIRST_NEW).count();
    u32::try_from(old).unwrap()
}

/// Rows of each kind the previous release wrote, in its schema.
fn old_rows(owner_hash: &str) -> Vec<String> {
    let at = "'2026-11-30 08:00:00+00:00'";
    let district = "(SELECT id FROM district WHERE code = 'liwan')";
    let scheme = "(SELECT id FROM card_scheme WHERE code = 'liwan_talent')";
    let tier = "(SELECT id FROM card_tier WHERE code = 'A')";
    let partner = "(SELECT id FROM partner WHERE name_zh_cn = '老字号茶楼')";
    let benefit = "(SELECT id FROM benefit WHERE title_zh_cn = '升级前的优惠')";
    let person = "(SELECT id FROM person WHERE id_hash = 'old-person-hash')";
    let owner = "(SELECT id FROM account WHERE email = 'owner@teahouse.example')";
    let card = "(SELECT id FROM card WHERE number = 'LW2026123456')";
    vec![
        "INSERT INTO district (code, name_zh_cn, name_en, position) VALUES ('liwan', '荔湾区', 'Liwan', 1)".into(),
        "INSERT INTO category (code, name_zh_cn, position) VALUES ('merchant_offer', '商家折扣优惠', 1)".into(),
        format!(
            "INSERT INTO card_scheme (code, district_id, name_zh_cn) VALUES ('liwan_talent', {district}, '英才卡')"
        ),
        format!("INSERT INTO card_tier (scheme_id, code, rank, name_zh_cn) VALUES ({scheme}, 'A', 1, 'A 类')"),
        format!(
            "INSERT INTO partner (district_id, kind, status, name_zh_cn, address_zh_cn, lat, lon, created_at, \
             updated_at) VALUES ({district}, 'merchant', 'approved', '老字号茶楼', '荔湾路 1 号', 23.12, 113.24, {at}, {at})"
        ),
        format!(
            "INSERT INTO benefit (partner_id, district_id, category_id, status, title_zh_cn, summary_zh_cn, \
             description_zh_cn, terms_zh_cn, gives, per_person_limit, per_person_period, valid_from, valid_until, \
             published_at, search_title, search_body, created_at, updated_at) VALUES ({partner}, {district}, \
             (SELECT id FROM category WHERE code = 'merchant_offer'), 'published', '升级前的优惠', '早茶八折', '说明', \
             '条款', '{{\"kind\":\"percent_off\",\"percent\":20}}', 1, 'lifetime', '2026-01-01', '2030-12-31', 1, \
             '升级前的优惠', '早茶八折 说明', {at}, {at})"
        ),
        format!(
            "INSERT INTO benefit_eligibility (benefit_id, scheme_id, min_tier_id) VALUES ({benefit}, {scheme}, {tier})"
        ),
        format!(
            "INSERT INTO account (email, password_hash, role, partner_id, is_owner, created_at, updated_at) VALUES \
             ('owner@teahouse.example', '{owner_hash}', 'merchant', {partner}, true, {at}, {at})"
        ),
        format!("INSERT INTO person (id_hash, status, created_at) VALUES ('old-person-hash', 'active', {at})"),
        format!(
            "INSERT INTO card (number, scheme_id, tier_id, person_id, holder_name, id_last4_hash, valid_from, \
             valid_until, status, created_at, updated_at) VALUES ('LW2026123456', {scheme}, {tier}, {person}, \
             '老用户', 'old-last4-hash', '2025-01-01', '2035-12-31', 'active', {at}, {at})"
        ),
        format!(
            "INSERT INTO redemption (benefit_id, partner_id, card_id, person_id, account_id, redeemed_at, day, \
             period_key, idempotency_key) VALUES ({benefit}, {partner}, {card}, {person}, {owner}, {at}, \
             '2026-11-30', 'lifetime', 'before-upgrade')"
        ),
        format!(
            "INSERT INTO quota_usage (person_id, benefit_id, period_key, used) VALUES ({person}, {benefit}, 'lifetime', 1)"
        ),
        "INSERT INTO throttle (key, tat_ms, allowed) VALUES ('login:old', 0, 1)".into(),
    ]
}

/// The tables the old rows went into, with their counts.
async fn counts(conn: &DatabaseConnection) -> Vec<(&'static str, i64)> {
    let mut out = Vec::new();
    for table in [
        "district",
        "category",
        "card_scheme",
        "card_tier",
        "partner",
        "benefit",
        "benefit_eligibility",
        "account",
        "person",
        "card",
        "redemption",
        "quota_usage",
        "throttle",
    ] {
        let sql = format!("SELECT COUNT(*) AS n FROM {table}");
        let row = conn.query_one_raw(Statement::from_string(conn.get_database_backend(), sql)).await.unwrap();
        out.push((table, row.unwrap().try_get::<i64>("", "n").unwrap()));
    }
    out
}

async fn a_database_of_the_previous_release_migrates_and_is_served(fresh: FreshDb) {
    let conn = fresh.connect().await;
    Migrator::up(&conn, Some(previous_release())).await.unwrap();
    let owner_hash = Passwords::new(1).hash(PASSWORD.into()).await.unwrap();
    for sql in old_rows(&owner_hash) {
        conn.execute_unprepared(&sql).await.unwrap_or_else(|e| panic!("{:?}: {sql}: {e}", fresh.db));
    }
    let before = counts(&conn).await;
    assert!(before.iter().all(|(_, n)| *n >= 1), "{before:?}");

    // The upgrade: the new release's migrations, as `serve` runs them at start-up.
    let pending = Migrator::get_pending_migrations(&conn).await.unwrap();
    assert!(pending.iter().all(|m| m.name() >= FIRST_NEW) && !pending.is_empty());
    Migrator::up(&conn, None).await.unwrap();
    assert_eq!(counts(&conn).await, before, "{:?}: rows changed in the upgrade", fresh.db);
    let old_card = card::Entity::find().one(&conn).await.unwrap().unwrap();
    assert_eq!((old_card.number.as_str(), old_card.birth_date_hash), ("LW2026123456", None));
    let owner = account::Entity::find().one(&conn).await.unwrap().unwrap();
    assert_eq!(owner.removed_at, None);
    let facts = install_fact::Entity::find().all(&conn).await.unwrap();
    assert!(facts.iter().all(|f| f.key != linan_backend::install::DEMO_DATA), "not the demo: {facts:?}");
    let _ = conn.close().await;

    // This release serves it in production: its catalogue, and its owner signs in.
    let secret = Secret::new("the district's production key, 32+ characters");
    let config = Config { production: true, id_secret: Some(secret), ..fresh.config() };
    let app = Application::build(config).await.unwrap_or_else(|e| panic!("{:?}: {e}", fresh.db));
    let base = format!("http://{}", app.local_addr());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(app.run_until(async move {
        let _ = stopped.await;
    }));
    let client = reqwest::Client::new();
    let page: Value = client.get(format!("{base}/api/v1/benefits")).send().await.unwrap().json().await.unwrap();
    assert_eq!(page["items"][0]["title"], "升级前的优惠", "{page}");
    let login = json!({"email": "owner@teahouse.example", "password": PASSWORD, "bearer": true});
    let signed_in = client.post(format!("{base}/api/v1/auth/login")).json(&login).send().await.unwrap();
    assert_eq!(signed_in.status(), StatusCode::OK, "{}", signed_in.text().await.unwrap());
    let _ = stop.send(());
    server.await.unwrap().unwrap();
}

#[tokio::test]
async fn sqlite_a_database_of_the_previous_release_migrates_and_is_served() {
    a_database_of_the_previous_release_migrates_and_is_served(blank_db(Db::Sqlite).await.unwrap()).await;
}

#[tokio::test]
async fn postgres_a_database_of_the_previous_release_migrates_and_is_served() {
    if let Some(fresh) = blank_db(Db::Postgres).await {
        a_database_of_the_previous_release_migrates_and_is_served(fresh).await;
    }
}
