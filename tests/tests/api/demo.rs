//! Start-up: migrations on first start, the demo data set, and modes that
//! must not load it.

use linan_backend::{Application, Config};
use linan_shared::{BenefitSummary, CardSchemesDto, CategoryDto, DistrictDto, Lang, PartnerKind};
use linan_tests::{Db, FreshDb, TestApp, blank_db, db_tests};

db_tests!(Demo => {
    the_demo_catalogue_looks_alive,
    cross_city_government_services_are_listed_in_both_districts,
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
    for kind in PartnerKind::ALL {
        for district in ["liwan", "nanhai"] {
            assert!(
                all.iter().any(|b| b.partner.kind == kind && b.district.as_str() == district),
                "{kind:?} in {district}"
            );
        }
    }
    assert!(all.iter().all(|b| b.validity.from <= b.validity.until && !b.eligibility.is_empty()));
}

/// 政务服务跨城通办: the fourth category is data — its own chip, its items at
/// the service centres of both districts, open to the cards of both.
async fn cross_city_government_services_are_listed_in_both_districts(app: TestApp) {
    let categories: Vec<CategoryDto> = app.get_json("/api/v1/categories?lang=en").await;
    let government = categories.iter().find(|c| c.code.as_str() == "government_service").expect("the category");
    assert_eq!(government.name.get(Lang::ZhCn), "政务服务跨城通办");
    assert_eq!(government.name.get(Lang::En), "Cross-city government services");

    let items: Vec<BenefitSummary> = app.all_benefits("category=government_service&limit=100").await;
    assert!(items.len() >= 8, "{} items", items.len());
    for district in ["liwan", "nanhai"] {
        let here: Vec<&BenefitSummary> = items.iter().filter(|b| b.district.as_str() == district).collect();
        assert!(here.len() >= 3, "{district}: {}", here.len());
        let centres: std::collections::BTreeSet<i64> = here.iter().map(|b| b.partner.id).collect();
        assert!(centres.len() >= 2, "a district centre and a street or town centre in {district}");
    }
    assert!(items.iter().all(|b| b.partner.kind == PartnerKind::ServiceCentre));
    // Cross-city: every item is open to the cards of both districts.
    for item in &items {
        let schemes: std::collections::BTreeSet<&str> = item.eligibility.iter().map(|r| r.scheme.as_str()).collect();
        assert_eq!(schemes.len(), 2, "{}: {schemes:?}", item.title);
    }
}

/// A new SQLite database (not yet created), removed with its side files
/// when the result is dropped.
async fn sqlite() -> FreshDb {
    blank_db(Db::Sqlite).await.unwrap()
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
    serde_json::from_slice::<linan_shared::BenefitPage>(&page).unwrap().items.len()
}

#[tokio::test]
async fn first_start_creates_migrates_and_seeds_once() {
    let db = sqlite().await;
    let config = Config { no_demo: false, ..db.config() };
    let first = count_benefits(config.clone()).await;
    assert!(first >= 60, "{first}");
    assert_eq!(count_benefits(config).await, first, "a second start does not load the demo again");
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
        let db = sqlite().await;
        assert_eq!(count_benefits(config(&db.url)).await, 0, "{name}");
    }
}
