//! Production refuses an unsafe database: one that holds the demo data set
//! (public password, identities under the public demo key), or identities
//! hashed under another key than the configured one. Each test runs on a
//! fresh SQLite file and a fresh PostgreSQL database.

use linan_backend::{
    Application, Config,
    cards::{self, IdKey, ImportOptions, NoProgress},
    config::Secret,
    entity::install_fact,
    install,
};
use linan_tests::{Db, FreshDb, Seed, fresh_db};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

const KEY_A: &str = "the first production key, 32+ characters long";
const KEY_B: &str = "another production key, also 32+ characters";

/// The fresh databases of both passes (PostgreSQL only when configured).
async fn both(seed: Seed) -> Vec<FreshDb> {
    let mut all = Vec::new();
    for db in [Db::Sqlite, Db::Postgres] {
        all.extend(fresh_db(db, seed).await);
    }
    all
}

fn production(fresh: &FreshDb, key: &str) -> Config {
    Config { production: true, id_secret: Some(Secret::new(key)), ..fresh.config() }
}

/// Why `config` cannot start, or `None` if it starts.
async fn refusal(config: Config) -> Option<String> {
    Application::build(config).await.err().map(|e| e.to_string())
}

/// Deletes an install fact, as if the data had come another way.
async fn forget(fresh: &FreshDb, fact: &str) {
    let conn = fresh.connect().await;
    install_fact::Entity::delete_many().filter(install_fact::Column::Key.eq(fact)).exec(&conn).await.unwrap();
}

/// Loads the demo data set hashed under `key`, then forgets it was the demo:
/// a database whose identities are real as far as the server can tell.
async fn identities_under(fresh: &FreshDb, key: &str) {
    let conn = fresh.connect().await;
    let key = IdKey::from_config(&Config { id_secret: Some(Secret::new(key)), ..fresh.config() }).unwrap();
    linan_backend::demo::load_with_key(&conn, &key, linan_tests::now()).await.unwrap();
    forget(fresh, install::DEMO_DATA).await;
}

#[tokio::test]
async fn production_refuses_the_demo_database() {
    for fresh in both(Seed::Demo).await {
        let refused = refusal(production(&fresh, KEY_A)).await;
        let message = refused.unwrap_or_else(|| panic!("{:?}: production started on the demo data", fresh.db));
        assert!(message.contains("demo data set") && message.contains("new, empty database"), "{message}");
        // Outside production the demo is what it is for.
        assert_eq!(refusal(fresh.config()).await, None, "{:?}", fresh.db);
    }
}

#[tokio::test]
async fn production_starts_on_a_clean_database() {
    for fresh in both(Seed::Empty).await {
        assert_eq!(refusal(production(&fresh, KEY_A)).await, None, "{:?}", fresh.db);
        // And again: nothing it recorded makes its own next start unsafe.
        assert_eq!(refusal(production(&fresh, KEY_A)).await, None, "{:?}", fresh.db);
    }
}

#[tokio::test]
async fn production_refuses_identities_hashed_under_another_key() {
    for fresh in both(Seed::Empty).await {
        identities_under(&fresh, KEY_A).await;
        let message = refusal(production(&fresh, KEY_B)).await.unwrap_or_else(|| panic!("{:?}", fresh.db));
        assert!(message.contains("another LINAN_ID_SECRET"), "{message}");
        assert!(!message.contains(KEY_A) && !message.contains(KEY_B), "no key in the message: {message}");
        assert_eq!(refusal(production(&fresh, KEY_A)).await, None, "the right key starts ({:?})", fresh.db);
        // A changed key orphans every identity in any mode: refused outside production too.
        let local = Config { id_secret: Some(Secret::new(KEY_B)), ..fresh.config() };
        assert!(refusal(local).await.is_some_and(|m| m.contains("another LINAN_ID_SECRET")), "{:?}", fresh.db);
        assert!(refusal(fresh.config()).await.is_some(), "nor the demo key ({:?})", fresh.db);
    }
}

#[tokio::test]
async fn identities_written_before_the_fingerprint_existed_get_it_at_the_first_start() {
    for fresh in both(Seed::Empty).await {
        identities_under(&fresh, KEY_A).await;
        forget(&fresh, install::ID_KEY_FINGERPRINT).await;
        assert_eq!(refusal(production(&fresh, KEY_A)).await, None, "{:?}", fresh.db);
        let conn = fresh.connect().await;
        let stored = install_fact::Entity::find_by_id(install::ID_KEY_FINGERPRINT).one(&conn).await.unwrap().unwrap();
        let key_a = IdKey::from_config(&production(&fresh, KEY_A)).unwrap();
        assert_eq!(stored.value, key_a.fingerprint());
        assert!(refusal(production(&fresh, KEY_B)).await.is_some(), "{:?}", fresh.db);
    }
}

#[tokio::test]
async fn an_import_under_another_key_is_refused_and_writes_nothing() {
    for fresh in both(Seed::Demo).await {
        let conn = fresh.connect().await;
        let reference = linan_backend::reference::Reference::load(&conn).await.unwrap();
        let other = IdKey::from_config(&production(&fresh, KEY_B)).unwrap();
        let csv = "card_number,scheme,tier,holder_name,national_id,valid_from,valid_until,status\n\
                   LW2026009995,liwan_talent,A,新人,440103199001019995,2025-01-01,2035-12-31,active\n";
        let source = std::io::Cursor::new(csv.as_bytes().to_vec());
        let options = ImportOptions { now: linan_tests::now(), dry_run: false, district_id: None };
        let refused = cards::import(&conn, &other, &reference, source, options, None, std::sync::Arc::new(NoProgress))
            .await
            .unwrap_err();
        assert!(refused.to_string().contains("another LINAN_ID_SECRET"), "{refused}");
        let found = linan_backend::entity::card::Entity::find()
            .filter(linan_backend::entity::card::Column::Number.eq("LW2026009995"))
            .one(&conn)
            .await
            .unwrap();
        assert!(found.is_none(), "{:?}", fresh.db);
    }
}

#[tokio::test]
async fn a_database_seeded_before_the_marker_existed_is_marked_by_the_migration() {
    use sea_orm_migration::MigratorTrait;
    for fresh in both(Seed::Demo).await {
        let conn = fresh.connect().await;
        // Undo every migration from the one that added the marker on, then redo them.
        let names: Vec<String> =
            linan_backend::migration::Migrator::migrations().iter().map(|m| m.name().to_owned()).collect();
        let at = names.iter().position(|n| n == "m20261203_000008_install_facts").unwrap();
        linan_backend::migration::Migrator::down(&conn, Some(u32::try_from(names.len() - at).unwrap())).await.unwrap();
        linan_backend::migration::Migrator::up(&conn, None).await.unwrap();
        let message = refusal(production(&fresh, KEY_A)).await.unwrap_or_else(|| panic!("{:?}", fresh.db));
        assert!(message.contains("demo data set"), "{message}");
    }
}
