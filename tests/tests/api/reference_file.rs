//! The alliance's reference data applied by code (`linan reference load`,
//! the demo): into an empty database once, then additions and renames, and
//! a refused file writes nothing — on SQLite and PostgreSQL.

use linan_backend::reference::file::{Applied, ReferenceFile, apply};
use linan_shared::{CardSchemesDto, CategoryDto, DistrictDto, Lang};
use linan_tests::{TestApp, db_tests};
use sea_orm::TransactionTrait;

db_tests!(Empty => {
    the_alliance_reference_loads_into_an_empty_database_once,
    a_file_adds_and_renames_by_code_and_a_refused_one_writes_nothing,
});

async fn applied(app: &TestApp, file: &ReferenceFile) -> Result<Applied, String> {
    let txn = app.state.db.begin().await.unwrap();
    match apply(&txn, file, linan_tests::now()).await {
        Ok(applied) => {
            txn.commit().await.unwrap();
            app.refresh().await;
            Ok(applied)
        }
        Err(e) => Err(e.to_string()),
    }
}

async fn category_codes(app: &TestApp) -> Vec<String> {
    let categories: Vec<CategoryDto> = app.get_json("/api/v1/categories").await;
    categories.into_iter().map(|c| c.code.to_string()).collect()
}

async fn the_alliance_reference_loads_into_an_empty_database_once(app: TestApp) {
    assert!(category_codes(&app).await.is_empty());
    let first = applied(&app, &ReferenceFile::alliance()).await.unwrap();
    assert_eq!(first, Applied { added: 22, updated: 0 });
    let districts: Vec<DistrictDto> = app.get_json("/api/v1/districts").await;
    assert_eq!(districts.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(), ["liwan", "nanhai"]);
    assert_eq!(
        category_codes(&app).await,
        ["medical_green_channel", "scenic_discount", "merchant_offer", "government_service"]
    );
    let schemes: CardSchemesDto = app.get_json("/api/v1/card-schemes").await;
    assert_eq!(schemes.schemes.len(), 2);
    assert_eq!(schemes.recognition.len(), 7);

    assert_eq!(applied(&app, &ReferenceFile::alliance()).await.unwrap(), Applied::default());
}

async fn a_file_adds_and_renames_by_code_and_a_refused_one_writes_nothing(app: TestApp) {
    applied(&app, &ReferenceFile::alliance()).await.unwrap();
    let mut file = ReferenceFile::alliance();
    file.categories[3].name.en = Some("Government services across the two cities".into());
    let mut youth = file.categories[0].clone();
    youth.code = linan_shared::CategoryCode::parse("youth_internship").unwrap();
    youth.name = linan_shared::LocalizedText::new("青年见习", None, Some("Youth internships"));
    file.categories.push(youth);
    assert_eq!(applied(&app, &file).await.unwrap(), Applied { added: 1, updated: 1 });
    let categories: Vec<CategoryDto> = app.get_json("/api/v1/categories").await;
    assert_eq!(categories[3].name.get(Lang::En), "Government services across the two cities");
    assert_eq!(categories[4].code.as_str(), "youth_internship");

    // Moving a scheme to the other district is refused, and the rename in
    // the same file is not written either.
    let mut moved = file.clone();
    moved.categories[4].name.en = Some("Internships".into());
    moved.schemes[0].district = moved.schemes[1].district.clone();
    let refused = applied(&app, &moved).await.unwrap_err();
    assert!(refused.contains("moving it is refused"), "{refused}");
    let mut reformatted = file.clone();
    reformatted.schemes[1].card_numbers.digits = 14;
    let refused = applied(&app, &reformatted).await.unwrap_err();
    assert!(refused.contains("card number format cannot change"), "{refused}");
    let categories: Vec<CategoryDto> = app.get_json("/api/v1/categories").await;
    assert_eq!(categories[4].name.get(Lang::En), "Youth internships");
    assert_eq!(applied(&app, &file).await.unwrap(), Applied::default());
}
