//! `linan check`: what it finds about a configuration and its database, on
//! a fresh SQLite file and a fresh PostgreSQL database — and that it never
//! writes. (The command's exit status is tested in backend/tests/cli.rs.)

use linan_backend::{
    Application, Config,
    cli::check::{Level, Report, check},
    config::Secret,
    entity::install_fact,
    install,
    migration::Migrator,
};
use linan_tests::{Db, FreshDb, Seed, blank_db, fresh_db};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use sea_orm_migration::MigratorTrait;

const KEY: &str = "the production key of these checks, 32+ chars";

async fn both(seed: Option<Seed>) -> Vec<FreshDb> {
    let mut all = Vec::new();
    for db in [Db::Sqlite, Db::Postgres] {
        all.extend(match seed {
            Some(seed) => fresh_db(db, seed).await,
            None => blank_db(db).await,
        });
    }
    all
}

fn production(fresh: &FreshDb) -> Config {
    Config { production: true, id_secret: Some(Secret::new(KEY)), ..fresh.config() }
}

fn failures(report: &Report) -> Vec<String> {
    report.failures().map(|f| format!("{}: {}", f.topic, f.text)).collect()
}

#[tokio::test]
async fn a_migrated_empty_database_passes_in_production() {
    for fresh in both(Some(Seed::Empty)).await {
        let report = check(&production(&fresh)).await;
        assert!(report.is_ok(), "{:?}: {}", fresh.db, report.render());
        assert!(report.pending.is_empty(), "{:?}", report.pending);
        let text = report.render();
        assert!(text.contains("reachable") && text.contains("all ") && text.contains("serve would start"), "{text}");
    }
}

#[tokio::test]
async fn production_on_the_demo_database_fails_with_the_words_serve_refuses_with() {
    for fresh in both(Some(Seed::Demo)).await {
        let report = check(&production(&fresh)).await;
        let serve = Application::build(production(&fresh)).await.err().map(|e| e.to_string()).unwrap_or_default();
        let failed = failures(&report);
        assert_eq!(failed.len(), 1, "{:?}: {}", fresh.db, report.render());
        assert!(failed[0].contains("demo data set"), "{failed:?}");
        assert!(serve.ends_with(&report.failures().next().unwrap().text), "check: {failed:?}\nserve: {serve}");
        // The same database outside production passes, and says what it holds.
        let local = check(&fresh.config()).await;
        assert!(local.is_ok() && local.render().contains("holds the demo data set"), "{}", local.render());
    }
}

#[tokio::test]
async fn production_without_an_identity_secret_fails_the_configuration() {
    for fresh in both(Some(Seed::Empty)).await {
        let report = check(&Config { id_secret: None, ..production(&fresh) }).await;
        let failed = failures(&report);
        assert!(failed.len() == 1 && failed[0].contains("LINAN_ID_SECRET must be set"), "{failed:?}");
        // The database was still looked at.
        assert!(report.findings.iter().any(|f| f.topic == "database" && f.level == Level::Ok), "{}", report.render());
    }
}

#[tokio::test]
async fn pending_migrations_are_listed_and_not_applied() {
    for fresh in both(None).await {
        let conn = fresh.connect().await;
        Migrator::up(&conn, Some(5)).await.unwrap();
        let report = check(&production(&fresh)).await;
        let names: Vec<String> = Migrator::migrations().iter().skip(5).map(|m| m.name().to_owned()).collect();
        assert_eq!(report.pending, names, "{:?}", fresh.db);
        assert!(report.is_ok(), "pending migrations are applied by serve: {}", report.render());
        assert!(report.render().contains("checked once the pending migrations are applied"), "{}", report.render());
        assert_eq!(Migrator::get_pending_migrations(&conn).await.unwrap().len(), names.len(), "check applied none");
    }
}

#[tokio::test]
async fn a_check_records_nothing_even_where_serve_would() {
    for fresh in both(Some(Seed::Demo)).await {
        // Identities with no record of their key: serve records the configured
        // key's fingerprint at its start; check only says so.
        let conn = fresh.connect().await;
        install_fact::Entity::delete_many()
            .filter(install_fact::Column::Key.eq(install::ID_KEY_FINGERPRINT))
            .exec(&conn)
            .await
            .unwrap();
        let report = check(&Config { id_secret: Some(Secret::new(KEY)), ..fresh.config() }).await;
        assert!(report.is_ok(), "{}", report.render());
        assert!(report.render().contains("no record of their key"), "{}", report.render());
        let facts = install_fact::Entity::find().filter(install_fact::Column::Key.eq(install::ID_KEY_FINGERPRINT));
        assert_eq!(facts.count(&conn).await.unwrap(), 0, "{:?}: check wrote the fingerprint", fresh.db);
    }
}

#[tokio::test]
async fn an_unreachable_database_fails_and_a_missing_sqlite_file_is_created_by_serve() {
    let unreachable = Config::for_database("postgres://linan:secret@127.0.0.1:1/linan");
    let report = check(&unreachable).await;
    let failed = failures(&report);
    assert!(failed.len() == 1 && failed[0].starts_with("database: postgres://linan:***@"), "{failed:?}");
    assert!(!report.render().contains("secret"), "the password is never printed");
    let path = std::env::temp_dir().join(format!("linan-check-missing-{}.sqlite", std::process::id()));
    let missing = Config::for_database(&format!("sqlite://{}?mode=rwc", path.display()));
    let report = check(&missing).await;
    assert!(report.is_ok(), "{}", report.render());
    assert_eq!(report.pending.len(), Migrator::migrations().len());
    assert!(!path.exists(), "check created the database file");
}
