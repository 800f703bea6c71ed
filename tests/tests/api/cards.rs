//! The card registry import: dry runs, all-or-nothing with every bad row
//! reported, idempotent re-imports, updates, lost cards, district scope, the
//! command line, ID numbers that never reach the database or a report, and
//! cards from before the birth date was a factor.

use linan_backend::{
    Application, Config,
    cards::check_character,
    cli,
    entity::{card, person},
};
use linan_shared::{AuditPage, CardNumberFormat, CheckDigit, ImportReport};
use linan_tests::{TestApp, db_tests, session::Who};
use reqwest::{Method, StatusCode};
use sea_orm::{ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, PaginatorTrait, QueryFilter, Statement};

db_tests!(Demo => {
    a_dry_run_reports_what_it_would_do_and_changes_nothing,
    a_bad_row_in_the_middle_leaves_the_registry_unchanged_and_every_bad_row_is_reported,
    reimporting_a_file_changes_nothing_and_a_changed_row_updates_its_card,
    id_numbers_never_reach_the_database_or_the_report,
    a_lost_card_is_suspended_and_reissued_to_the_same_person,
    district_admins_import_only_their_districts_cards,
    the_command_line_imports_through_the_same_code,
    the_demo_cards_cover_both_schemes_every_tier_and_one_person_with_two_cards,
    a_card_imported_before_the_birth_date_was_a_factor_signs_in_after_a_re_import,
    any_spacing_case_and_width_of_a_number_signs_in_and_reimports_to_the_same_card,
});

const HEADER: &str = "card_number,scheme,tier,holder_name,national_id,valid_from,valid_until,status\n";

/// A valid ID number (region 110105, born in January 1990; `seq` < 28,000
/// picks the day and the sequence number), unlike any demo holder's.
fn id(seq: u32) -> String {
    let body = format!("110105199001{:02}{:03}", 1 + seq / 1000, seq % 1000);
    let digits: [u8; 17] = body.as_bytes().try_into().unwrap();
    format!("{body}{}", char::from(check_character(&digits)))
}

/// The same ID number with a wrong check character.
fn bad_id(seq: u32) -> String {
    let good = id(seq);
    let last = if good.ends_with('1') { '2' } else { '1' };
    format!("{}{last}", &good[..17])
}

fn liwan(n: u32) -> String {
    CardNumberFormat::new("LW", 10, CheckDigit::Luhn).unwrap().number(&format!("{n:09}"))
}

fn youyue(n: u32) -> String {
    CardNumberFormat::new("YF", 12, CheckDigit::Luhn).unwrap().number(&format!("{n:011}"))
}

fn row(number: &str, scheme: &str, tier: &str, id: &str, status: &str) -> String {
    format!("{number},{scheme},{tier},测试{number},{id},2026-01-01,2027-12-31,{status}\n")
}

/// Uploads `csv`, expecting `status`; returns the body.
async fn upload(app: &TestApp, who: &Who, csv: &str, dry_run: bool, status: StatusCode) -> String {
    let response = app
        .client
        .post(format!("{}/api/v1/admin/cards/import?dry_run={dry_run}", app.address))
        .bearer_auth(&who.token)
        .header("content-type", "text/csv; charset=utf-8")
        .body(csv.to_owned())
        .send()
        .await
        .unwrap();
    let got = response.status();
    let text = response.text().await.unwrap();
    assert_eq!(got, status, "{text}");
    text
}

async fn import(app: &TestApp, who: &Who, csv: &str, dry_run: bool) -> ImportReport {
    serde_json::from_str(&upload(app, who, csv, dry_run, StatusCode::OK).await).unwrap()
}

async fn cards(app: &TestApp) -> u64 {
    card::Entity::find().count(&app.state.db).await.unwrap()
}

async fn card(app: &TestApp, number: &str) -> Option<card::Model> {
    card::Entity::find().filter(card::Column::Number.eq(number)).one(&app.state.db).await.unwrap()
}

async fn a_dry_run_reports_what_it_would_do_and_changes_nothing(app: TestApp) {
    let admin = app.demo("alliance@demo.linan").await;
    let before = cards(&app).await;
    let file = format!(
        "{HEADER}{}{}{}",
        row(&liwan(1), "liwan_talent", "A", &id(1), "active"),
        row(&youyue(1), "youyue_foshan", "T", &id(1), "active"),
        row(&liwan(2), "liwan_talent", "C", &id(2), "suspended"),
    );
    let report = import(&app, &admin, &file, true).await;
    assert_eq!((report.rows, report.created, report.updated, report.unchanged), (3, 3, 0, 0));
    assert_eq!(report.persons_created, 2);
    assert!(report.dry_run && report.rejected.is_empty());
    assert_eq!(cards(&app).await, before);
    assert!(card(&app, &liwan(1)).await.is_none());
    let audit: AuditPage = app
        .call(Method::GET, "/api/v1/admin/audit?action=cards.import", Some(&admin), None::<&()>, StatusCode::OK)
        .await;
    assert_eq!(audit.items.len(), 1, "only the demo's import; a dry run is not audited: {:?}", audit.items);

    // The real run does what the dry run said, and is audited once.
    let real = import(&app, &admin, &file, false).await;
    assert_eq!((real.created, real.persons_created, real.dry_run), (3, 2, false));
    assert_eq!(cards(&app).await, before + 3);
    let audit: AuditPage = app
        .call(Method::GET, "/api/v1/admin/audit?action=cards.import", Some(&admin), None::<&()>, StatusCode::OK)
        .await;
    assert_eq!(audit.items.len(), 2);
    assert_eq!(audit.items[0].after.as_ref().unwrap()["created"], 3);
    assert_eq!(audit.items[0].actor_id, Some(admin.session.account.id));
}

async fn a_bad_row_in_the_middle_leaves_the_registry_unchanged_and_every_bad_row_is_reported(app: TestApp) {
    let admin = app.demo("alliance@demo.linan").await;
    let before = cards(&app).await;
    let mut file = String::from(HEADER);
    for n in 1..=3000 {
        // Rows 1000 and 2000 of the data (lines 1001 and 2001) are bad;
        // the good rows around them would fill whole batches.
        let row = match n {
            1000 => row(&liwan(n), "liwan_talent", "A", &bad_id(n), "active"),
            2000 => row(&liwan(n), "liwan_talent", "Z", &id(n), "active"),
            _ => row(&liwan(n), "liwan_talent", "B", &id(n), "active"),
        };
        file.push_str(&row);
    }
    file.push_str(&row(&liwan(5), "liwan_talent", "A", &id(5), "active")); // line 3002: a duplicate
    file.push_str(&row(&liwan(9999).replace("LW", "YF"), "liwan_talent", "A", &id(9), "active")); // 3003
    file.push_str(&format!("{},liwan_talent,A,名,{},2027-01-01,2026-01-01,lost\n", liwan(9998), id(8))); // 3004
    file.push_str(&format!("{},nowhere,A,名,{},2026-02-30,2026-01-01,active\n", liwan(9997), id(7))); // 3005
    file.push_str("too,few,fields\n"); // 3006
    for dry_run in [true, false] {
        let report = import(&app, &admin, &file, dry_run).await;
        assert_eq!(report.rows, 3005);
        assert_eq!((report.created, report.updated, report.unchanged), (0, 0, 0));
        let lines: Vec<u64> = report.rejected.iter().map(|r| r.line).collect();
        assert_eq!(lines, [1001, 2001, 3002, 3003, 3004, 3005, 3006], "{:#?}", report.rejected);
        let reason = |line: u64| report.rejected.iter().find(|r| r.line == line).unwrap().reason.clone();
        assert!(reason(1001).starts_with("national_id:"), "{}", reason(1001));
        assert!(reason(2001).starts_with("tier:"), "{}", reason(2001));
        assert!(reason(3002).contains("line 6"), "{}", reason(3002));
        assert!(reason(3003).starts_with("card_number:"), "{}", reason(3003));
        for column in ["valid_until: before valid_from", "status:"] {
            assert!(reason(3004).contains(column), "{}", reason(3004));
        }
        for column in ["scheme:", "valid_from:"] {
            assert!(reason(3005).contains(column), "{}", reason(3005));
        }
        assert!(reason(3006).contains("fields"), "{}", reason(3006));
    }
    assert_eq!(cards(&app).await, before);
    assert!(card(&app, &liwan(1)).await.is_none());
    assert_eq!(person::Entity::find().count(&app.state.db).await.unwrap(), 7, "only the demo's persons");

    // Header and body problems are reported, not written.
    let report = import(&app, &admin, "card_number,scheme\nLW1,liwan_talent\n", false).await;
    assert_eq!(report.rejected[0].line, 1);
    assert!(report.rejected[0].reason.contains("national_id"), "{}", report.rejected[0].reason);
    let report = import(&app, &admin, "", false).await;
    assert_eq!(report.rejected.len(), 1);
    let wrong_type = app
        .client
        .post(format!("{}/api/v1/admin/cards/import", app.address))
        .bearer_auth(&admin.token)
        .json(&serde_json::json!({"csv": HEADER}))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_type.status(), StatusCode::BAD_REQUEST);
}

async fn reimporting_a_file_changes_nothing_and_a_changed_row_updates_its_card(app: TestApp) {
    let admin = app.demo("alliance@demo.linan").await;
    // Over two batches, so the counting spans statements.
    let file: String = std::iter::once(HEADER.to_owned())
        .chain((1..=4500).map(|n| row(&youyue(n), "youyue_foshan", "B", &id(n % 1000), "active")))
        .collect();
    let first = import(&app, &admin, &file, false).await;
    assert_eq!((first.rows, first.created, first.updated, first.unchanged), (4500, 4500, 0, 0));
    assert_eq!(first.persons_created, 1000);
    let again = import(&app, &admin, &file, false).await;
    assert_eq!((again.created, again.updated, again.unchanged, again.persons_created), (0, 0, 4500, 0));
    let stored = card(&app, &youyue(7)).await.unwrap();
    assert_eq!(stored.version, 1);

    let changed = file
        .replace(
            &row(&youyue(7), "youyue_foshan", "B", &id(7), "active"),
            &row(&youyue(7), "youyue_foshan", "A", &id(7), "active"),
        )
        .replace(
            &row(&youyue(8), "youyue_foshan", "B", &id(8), "active"),
            &row(&youyue(8), "youyue_foshan", "B", &id(8), "expired"),
        );
    let report = import(&app, &admin, &changed, false).await;
    assert_eq!((report.created, report.updated, report.unchanged), (0, 2, 4498));
    let updated = card(&app, &youyue(7)).await.unwrap();
    assert_eq!(updated.version, 2);
    assert_ne!(updated.tier_id, stored.tier_id);
    assert_eq!(updated.id, stored.id);
    assert_eq!(updated.person_id, stored.person_id);
    assert_eq!(card(&app, &youyue(8)).await.unwrap().status.as_str(), "expired");
}

/// Every value of every column of every table, as text, that contains `needle`.
async fn occurrences(app: &TestApp, needle: &str) -> Vec<String> {
    let db = &app.state.db;
    let backend = db.get_database_backend();
    let catalog = match backend {
        DbBackend::Postgres => {
            "SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = 'public'"
        }
        _ => {
            "SELECT m.name AS t, p.name AS c FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'"
        }
    };
    let columns = db.query_all_raw(Statement::from_string(backend, catalog)).await.unwrap();
    let mut found = Vec::new();
    for column in columns {
        let (t, c): (String, String) = (column.try_get("", "t").unwrap(), column.try_get("", "c").unwrap());
        let sql = format!("SELECT COUNT(*) AS n FROM \"{t}\" WHERE CAST(\"{c}\" AS TEXT) LIKE '%{needle}%'");
        let row = db.query_one_raw(Statement::from_string(backend, sql)).await.unwrap().unwrap();
        let n: i64 = row.try_get("", "n").unwrap();
        if n > 0 {
            found.push(format!("{t}.{c}"));
        }
    }
    assert!(found.len() < 1000);
    found
}

async fn id_numbers_never_reach_the_database_or_the_report(app: TestApp) {
    let admin = app.demo("alliance@demo.linan").await;
    let ids: Vec<String> = (41..=45).map(id).collect();
    let file: String = std::iter::once(HEADER.to_owned())
        .chain(ids.iter().enumerate().map(|(i, x)| row(&liwan(100 + i as u32), "liwan_talent", "A", x, "active")))
        .collect();
    let text = upload(&app, &admin, &file, false, StatusCode::OK).await;
    let report: ImportReport = serde_json::from_str(&text).unwrap();
    assert_eq!(report.created, 5);
    // A shifted file: the ID number in the scheme and tier columns, and a bad one in its own.
    let shifted = format!(
        "{HEADER}{},{},{},名,x,2026-01-01,2027-01-01,active\n{}",
        liwan(200),
        ids[0],
        ids[1],
        row(&liwan(201), "liwan_talent", "A", &bad_id(46), "active")
    );
    let rejected = upload(&app, &admin, &shifted, false, StatusCode::OK).await;
    for x in ids.iter().chain([&bad_id(46), &id(46)]) {
        assert!(!text.contains(x.as_str()) && !rejected.contains(x.as_str()), "a report repeats an ID number");
        // The first 14 characters (region and birth date) are enough to find a leak.
        assert_eq!(occurrences(&app, &x[..14]).await, Vec::<String>::new(), "stored somewhere");
    }
    assert!(rejected.contains("\"line\":2"), "{rejected}");
}

async fn a_lost_card_is_suspended_and_reissued_to_the_same_person(app: TestApp) {
    let admin = app.demo("nanhai-admin@demo.linan").await;
    let first = format!("{HEADER}{}", row(&youyue(500), "youyue_foshan", "A", &id(500), "active"));
    assert_eq!(import(&app, &admin, &first, false).await.persons_created, 1);
    // The registry's next file: the old card suspended, a new number issued.
    let next = format!(
        "{HEADER}{}{}",
        row(&youyue(500), "youyue_foshan", "A", &id(500), "suspended"),
        row(&youyue(501), "youyue_foshan", "A", &id(500), "active")
    );
    let report = import(&app, &admin, &next, false).await;
    assert_eq!((report.created, report.updated, report.persons_created), (1, 1, 0));
    let (old, new) = (card(&app, &youyue(500)).await.unwrap(), card(&app, &youyue(501)).await.unwrap());
    assert_eq!(old.status.as_str(), "suspended");
    assert_eq!(new.status.as_str(), "active");
    assert_eq!(old.person_id, new.person_id);
    assert_ne!(old.id_last4_hash, new.id_last4_hash, "the second factor is bound to the card number");
}

async fn district_admins_import_only_their_districts_cards(app: TestApp) {
    let liwan_admin = app.demo("liwan-admin@demo.linan").await;
    let before = cards(&app).await;
    let mixed = format!(
        "{HEADER}{}{}",
        row(&liwan(300), "liwan_talent", "A", &id(300), "active"),
        row(&youyue(300), "youyue_foshan", "A", &id(300), "active")
    );
    let report = import(&app, &liwan_admin, &mixed, false).await;
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(report.rejected[0].line, 3);
    assert!(report.rejected[0].reason.starts_with("scheme:"), "{}", report.rejected[0].reason);
    assert_eq!(cards(&app).await, before);

    let own = format!("{HEADER}{}", row(&liwan(300), "liwan_talent", "A", &id(300), "active"));
    assert_eq!(import(&app, &liwan_admin, &own, false).await.created, 1);
    let alliance = app.demo("alliance@demo.linan").await;
    assert_eq!(import(&app, &alliance, &mixed, false).await.created, 1);

    // The Liwan import is in the Liwan admin's audit log, not in Nanhai's.
    let path = "/api/v1/admin/audit?action=cards.import";
    let log: AuditPage = app.call(Method::GET, path, Some(&liwan_admin), None::<&()>, StatusCode::OK).await;
    assert_eq!(log.items.len(), 1);
    let nanhai_admin = app.demo("nanhai-admin@demo.linan").await;
    let log: AuditPage = app.call(Method::GET, path, Some(&nanhai_admin), None::<&()>, StatusCode::OK).await;
    assert!(log.items.is_empty());

    let merchant = app.demo("merchant1@demo.linan").await;
    upload(&app, &merchant, &own, false, StatusCode::FORBIDDEN).await;
}

async fn the_command_line_imports_through_the_same_code(app: TestApp) {
    let path = std::env::temp_dir().join(format!("linan-cards-{}.csv", uuid::Uuid::new_v4().simple()));
    let file = format!(
        "{HEADER}{}{}",
        row(&liwan(400), "liwan_talent", "B", &id(400), "active"),
        row(&youyue(400), "youyue_foshan", "B", &id(400), "active")
    );
    std::fs::write(&path, file).unwrap();
    let args = |dry_run: bool, district: Option<&str>| cli::cards_import::CardsImport {
        file: path.clone(),
        dry_run,
        district: district.map(str::to_owned),
        config: Config::for_database(&app.state.config.database_url),
    };
    cli::cards_import::import(args(true, None)).await.unwrap();
    assert!(card(&app, &liwan(400)).await.is_none());
    let refused = cli::cards_import::import(args(false, Some("nanhai"))).await.unwrap_err();
    assert!(refused.to_string().contains("1 row(s) rejected"), "{refused}");
    assert!(card(&app, &youyue(400)).await.is_none());
    cli::cards_import::import(args(false, None)).await.unwrap();
    let (a, b) = (card(&app, &liwan(400)).await.unwrap(), card(&app, &youyue(400)).await.unwrap());
    assert_eq!(a.person_id, b.person_id);
    let _ = std::fs::remove_file(&path);
}

async fn the_demo_cards_cover_both_schemes_every_tier_and_one_person_with_two_cards(app: TestApp) {
    let all = card::Entity::find().all(&app.state.db).await.unwrap();
    let reference = app.reference().await;
    let tiers: std::collections::BTreeSet<(String, String)> = all
        .iter()
        .map(|c| {
            let (scheme, tier) = reference.tier_codes(c.tier_id).unwrap();
            (scheme.to_string(), tier.to_string())
        })
        .collect();
    assert_eq!(tiers.len(), 7, "{tiers:?}");
    let both = all.iter().any(|a| {
        all.iter().any(|b| a.person_id == b.person_id && a.scheme_id != b.scheme_id && a.status.as_str() == "active")
    });
    assert!(both, "one person holds a card of each scheme");
    // The demo file itself re-imports unchanged, with the key the tests' server uses.
    let admin = app.demo("alliance@demo.linan").await;
    let report = import(&app, &admin, linan_backend::demo::DEMO_CARDS_CSV, true).await;
    assert_eq!((report.created, report.updated, report.unchanged), (0, 0, all.len() as u64));
}

/// Production mode refuses to start without the identity key.
#[tokio::test]
async fn production_mode_needs_the_id_secret() {
    let mut config = Config::for_database("sqlite::memory:");
    config.production = true;
    let refused = Application::build(config.clone()).await.err().unwrap();
    assert!(refused.to_string().contains("LINAN_ID_SECRET"), "{refused}");
    config.id_secret = Some(linan_backend::config::Secret::new("too short"));
    let refused = Application::build(config).await.err().unwrap();
    assert!(refused.to_string().contains("at least 32"), "{refused}");
}

async fn a_card_imported_before_the_birth_date_was_a_factor_signs_in_after_a_re_import(app: TestApp) {
    use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
    let admin = app.demo("alliance@demo.linan").await;
    let (number, national_id) = (liwan(300), id(50));
    let file = format!("{HEADER}{}", row(&number, "liwan_talent", "B", &national_id, "active"));
    assert_eq!(import(&app, &admin, &file, false).await.created, 1);
    // As the migration leaves a card imported before it: no birth-date hash.
    let mut old = card(&app, &number).await.unwrap().into_active_model();
    old.birth_date_hash = Set(None);
    old.update(&app.state.db).await.unwrap();
    let factor = serde_json::json!({"card_number": number, "id_last4": &national_id[14..], "birth_date": "1990-01-01"});
    let session = "/api/v1/cardholder/session";
    let refused = app.send(Method::POST, session, None, Some(&factor)).await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED, "the last 4 alone are not enough");
    // The district imports its registry again: the hash is written, and that is the only change.
    let report = import(&app, &admin, &file, false).await;
    assert_eq!((report.created, report.updated, report.unchanged), (0, 1, 0));
    let signed_in = app.send(Method::POST, session, None, Some(&factor)).await;
    assert_eq!(signed_in.status(), StatusCode::OK);
    assert_eq!(import(&app, &admin, &file, false).await.unchanged, 1, "then a re-import changes nothing again");
}

/// A small deterministic generator (xorshift64*), so a failing variant is
/// reproducible from its seed.
struct Variants(u64);

impl Variants {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }

    /// `number` with random blanks (ASCII and Unicode) around and between
    /// its characters, each letter in either case, and some characters
    /// full-width.
    fn of(&mut self, number: &str) -> String {
        const BLANKS: [&str; 6] = ["", " ", "  ", "\u{3000}", "\u{00A0}", "\u{2009}"];
        let mut out = String::from(BLANKS[self.next(BLANKS.len())]);
        for c in number.chars() {
            let c = if self.next(2) == 0 { c.to_ascii_lowercase() } else { c };
            let c = if self.next(4) == 0 { char::from_u32(u32::from(c) + 0xFEE0).unwrap() } else { c };
            out.push(c);
            out.push_str(BLANKS[self.next(BLANKS.len())]);
        }
        out
    }
}

async fn any_spacing_case_and_width_of_a_number_signs_in_and_reimports_to_the_same_card(app: TestApp) {
    // Sign-ins from many addresses, so the per-address budget is not what is tested.
    let proxy = app.replica_with(|c| c.trust_forwarded_for = true).await;
    let admin = app.demo("liwan-admin@demo.linan").await;
    let stored = card(&app, "LW2026000014").await.unwrap();
    let mut variants = Variants(0x5EED_CA2D);
    for i in 0..24 {
        let typed = variants.of("LW2026000014");
        let body = serde_json::json!({"card_number": typed, "id_last4": "0014", "birth_date": "1990-01-01"});
        let response = proxy
            .client
            .post(format!("{}/api/v1/cardholder/session", proxy.address))
            .header("x-forwarded-for", format!("10.9.{i}.1"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{typed:?} signs in");
        let session: linan_shared::CardSessionDto = response.json().await.unwrap();
        assert_eq!(session.card.number, "LW2026000014", "{typed:?}");

        let row = format!("{typed},liwan_talent,A,陈小荔,440103199001010014,2025-01-01,2035-12-31,active\n");
        let report = import(&app, &admin, &format!("{HEADER}{row}"), false).await;
        assert!(report.rejected.is_empty(), "{typed:?}: {:?}", report.rejected);
        assert_eq!((report.created, report.updated, report.unchanged), (0, 0, 1), "{typed:?} is the same card");
    }
    assert_eq!(card(&app, "LW2026000014").await.unwrap().id, stored.id);
}
