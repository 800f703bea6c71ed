//! Start-up: migrations on first start, the demo data set, and modes that
//! must not load it.

use linan_backend::{Application, Config};
use linan_shared::{BenefitSummary, CardSchemesDto, DistrictDto, PartnerKind};
use linan_tests::{TestApp, db_tests};

db_tests!(Demo => {
    the_demo_catalogue_looks_alive,
});

async fn the_demo_catalogue_looks_alive(app: TestApp) {
    let districts: Vec<DistrictDto> = app.get_json("/api/v1/districts").await;
    let codes: Vec<&str> = districts.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["liwan", "nanhai"]);
    let schemes: CardSchemesDto = app.get_json("/api/v1/card-schemes").await;
    let tiers = |code: &str| -> Vec<String> {
        schemes
            .schemes
            .iter()
            .find(|s| s.code.as_str() == code)
            .unwrap()
            .tiers
            .iter()
            .map(|t| t.code.to_string())
            .collect()
    };
    assert_eq!(tiers("youyue_foshan"), ["A", "B", "C", "T"]);
    assert_eq!(tiers("liwan_talent"), ["A", "B", "C"]);
    assert!(schemes.recognition.len() >= 6);

    let all: Vec<BenefitSummary> = app.all_benefits("limit=100").await;
    assert!(all.len() >= 60);
    let partners: std::collections::BTreeSet<i64> = all.iter().map(|b| b.partner.id).collect();
    assert!(partners.len() >= 25);
    for kind in [PartnerKind::Hospital, PartnerKind::ScenicSpot, PartnerKind::Merchant] {
        for district in ["liwan", "nanhai"] {
            assert!(
                all.iter().any(|b| b.partner.kind == kind && b.district.as_str() == district),
                "{kind:?} in {district}"
            );
        }
    }
    assert!(all.iter().all(|b| b.validity.from <= b.validity.until && !b.eligibility.is_empty()));
}

fn sqlite_url(name: &str) -> (String, std::path::PathBuf) {
    let path = std::env::temp_dir().join(format!("linan-start-{name}-{}.sqlite", uuid::Uuid::new_v4().simple()));
    (format!("sqlite://{}?mode=rwc", path.display()), path)
}

async fn count_benefits(config: Config) -> usize {
    let app = Application::build(config).await.unwrap();
    let reference = app.state().catalogue.reference(&app.state().db).await.unwrap();
    let query = linan_shared::BenefitQuery { limit: Some(100), ..Default::default() };
    let page = linan_backend::catalogue::list_benefits(
        &app.state().db,
        &reference,
        None,
        &query,
        linan_shared::Lang::ZhCn,
        app.state().clock.today(),
    )
    .await
    .unwrap();
    page.items.len()
}

#[tokio::test]
async fn first_start_creates_migrates_and_seeds_once() {
    let (url, path) = sqlite_url("demo");
    let config = Config { no_demo: false, ..Config::for_database(&url) };
    let first = count_benefits(config.clone()).await;
    assert!(first >= 60, "{first}");
    assert_eq!(count_benefits(config).await, first, "a second start does not load the demo again");
    let _ = std::fs::remove_file(path);
}

#[tokio::test]
async fn production_mode_and_no_demo_load_nothing() {
    type MakeConfig = fn(&str) -> Config;
    let modes: [(&str, MakeConfig); 2] = [
        ("production", |url| Config {
            production: true,
            no_demo: false,
            id_secret: Some(linan_backend::config::Secret::new("a production secret of 32+ characters")),
            ..Config::for_database(url)
        }),
        ("no-demo", |url| Config { no_demo: true, ..Config::for_database(url) }),
    ];
    for (name, config) in modes {
        let (url, path) = sqlite_url(name);
        assert_eq!(count_benefits(config(&url)).await, 0, "{name}");
        let _ = std::fs::remove_file(path);
    }
}
