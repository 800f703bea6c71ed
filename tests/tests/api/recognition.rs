//! Editing the recognition table: alliance admins only, validated, audited,
//! and eligibility (the catalogue's scheme+tier filter) follows at once.

use linan_tests::{
    TestApp, db_tests,
    fixtures::{benefit_input, rule, zh},
    linan_shared::{AuditPage, RecognitionDto},
};
use reqwest::{Method, StatusCode};
use serde_json::json;

db_tests!(Demo => { alliance_admins_edit_the_recognition_table_and_eligibility_follows });

async fn alliance_admins_edit_the_recognition_table_and_eligibility_follows(app: TestApp) {
    let partner = app.add_partner("nanhai", "认定测试店", 23.03, 113.14).await;
    let mut input = benefit_input(zh("仅限优粤 A 卡"));
    input.eligibility = vec![rule("youyue_foshan", "A")];
    let id = app.add_benefit(partner, &input).await;
    assert!(!reaches(&app, id).await, "Liwan B counts as Youyue B, below A");

    let alliance = app.demo("alliance@demo.linan").await;
    let liwan_admin = app.demo("liwan-admin@demo.linan").await;
    let row = json!({"from_scheme": "liwan_talent", "from_tier": "B", "to_scheme": "youyue_foshan", "to_tier": "A",
        "valid_from": "2020-01-01"});
    app.refused(
        Method::POST,
        "/api/v1/admin/recognitions",
        Some(&liwan_admin),
        Some(&row),
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let same = json!({"from_scheme": "liwan_talent", "from_tier": "B", "to_scheme": "liwan_talent", "to_tier": "A"});
    app.refused(
        Method::POST,
        "/api/v1/admin/recognitions",
        Some(&alliance),
        Some(&same),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_field",
    )
    .await;
    let unknown =
        json!({"from_scheme": "liwan_talent", "from_tier": "Z", "to_scheme": "youyue_foshan", "to_tier": "A"});
    let body = app
        .refused(
            Method::POST,
            "/api/v1/admin/recognitions",
            Some(&alliance),
            Some(&unknown),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
        )
        .await;
    assert_eq!(body.error.param.as_deref(), Some("from_tier"));

    let created: RecognitionDto =
        app.call(Method::POST, "/api/v1/admin/recognitions", Some(&alliance), Some(&row), StatusCode::CREATED).await;
    app.refused(
        Method::POST,
        "/api/v1/admin/recognitions",
        Some(&alliance),
        Some(&row),
        StatusCode::CONFLICT,
        "conflict",
    )
    .await;
    assert!(reaches(&app, id).await, "Liwan B now counts as Youyue A");

    // A window that has ended turns it off again.
    let ended = json!({"from_scheme": "liwan_talent", "from_tier": "B", "to_scheme": "youyue_foshan", "to_tier": "A",
        "valid_from": "2020-01-01", "valid_until": "2020-12-31"});
    let path = format!("/api/v1/admin/recognitions/{}", created.id);
    let _: RecognitionDto = app.call(Method::PUT, &path, Some(&alliance), Some(&ended), StatusCode::OK).await;
    assert!(!reaches(&app, id).await);
    let response = app.send::<()>(Method::DELETE, &path, Some(&alliance), None).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    app.refused::<()>(Method::DELETE, &path, Some(&alliance), None, StatusCode::NOT_FOUND, "not_found").await;

    let audit: AuditPage = app
        .call::<(), _>(Method::GET, "/api/v1/admin/audit?entity=recognition", Some(&alliance), None, StatusCode::OK)
        .await;
    let actions: Vec<&str> = audit.items.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["recognition.delete", "recognition.update", "recognition.create"]);
}

/// Whether a Liwan Talent Card of tier B reaches benefit `id` today.
async fn reaches(app: &TestApp, id: i64) -> bool {
    app.refresh().await;
    app.all_benefits("scheme=liwan_talent&tier=B").await.iter().any(|b| b.id == id)
}
