//! Requests the OpenAPI document allows get the answer it promises: the
//! edge values an outside tester generates from the schemas (whole decimals
//! for integers, the largest version, the NUL character) are handled like
//! any other value, never a 500.

use linan_tests::{
    TestApp, db_tests,
    fixtures::{benefit_input, zh},
    linan_backend::catalogue::set_benefit_status,
    linan_shared::{BenefitStatus, OfferDto},
};
use reqwest::{Method, StatusCode};
use sea_orm::ConnectionTrait;
use serde_json::json;

db_tests!(Demo => {
    a_whole_decimal_is_an_integer,
    the_largest_version_is_a_stale_version,
    a_version_that_cannot_grow_is_a_conflict,
    the_nul_character_is_refused_everywhere,
});

async fn draft(app: &TestApp) -> (linan_tests::session::Who, OfferDto) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let input = benefit_input(zh("合同测试优惠"));
    let offer: OfferDto =
        app.call(Method::POST, "/api/v1/merchant/offers", Some(&merchant), Some(&input), StatusCode::CREATED).await;
    (merchant, offer)
}

/// JSON Schema counts `1.0` as an integer, so a generated client may send it.
async fn a_whole_decimal_is_an_integer(app: TestApp) {
    let (merchant, offer) = draft(&app).await;
    let path = format!("/api/v1/merchant/offers/{}/submit", offer.id);
    let body = json!({ "version": f64::from(offer.version) });
    assert!(serde_json::to_string(&body).unwrap().contains(".0"), "the test sends a decimal");
    let submitted: OfferDto = app.call(Method::POST, &path, Some(&merchant), Some(&body), StatusCode::OK).await;
    assert_eq!(submitted.version, offer.version + 1);
    // A fraction is still refused, with the API's error body.
    let path = format!("/api/v1/merchant/offers/{}/withdraw", offer.id);
    let body = json!({ "version": 2.5 });
    let error =
        app.refused(Method::POST, &path, Some(&merchant), Some(&body), StatusCode::BAD_REQUEST, "invalid_parameter");
    assert_eq!(error.await.error.param.as_deref(), Some("body"));
}

async fn the_largest_version_is_a_stale_version(app: TestApp) {
    let (merchant, offer) = draft(&app).await;
    let path = format!("/api/v1/merchant/offers/{}/submit", offer.id);
    let body = json!({ "version": i32::MAX });
    let error = app.refused(Method::POST, &path, Some(&merchant), Some(&body), StatusCode::CONFLICT, "stale_version");
    assert_eq!(error.await.error.current_version, Some(offer.version));
    let admin = app.demo("liwan-admin@demo.linan").await;
    let partner = merchant.session.account.partner_id.unwrap();
    let path = format!("/api/v1/admin/partners/{partner}/suspend");
    let body = json!({ "version": i32::MAX, "reason": "测试" });
    app.refused(Method::POST, &path, Some(&admin), Some(&body), StatusCode::CONFLICT, "stale_version").await;
}

/// A row whose version reached the top is refused, not wrapped around.
async fn a_version_that_cannot_grow_is_a_conflict(app: TestApp) {
    let (_, offer) = draft(&app).await;
    let sql = format!("UPDATE benefit SET version = {} WHERE id = {}", i32::MAX, offer.id);
    app.state.db.execute_unprepared(&sql).await.unwrap();
    let now = linan_tests::now();
    let refused = set_benefit_status(&app.state.db, offer.id, BenefitStatus::Withdrawn, now).await;
    assert_eq!(refused.unwrap_err().status_code(), StatusCode::CONFLICT);
}

/// PostgreSQL text cannot hold U+0000: wherever text may reach the database
/// it is refused up front, on both databases alike.
async fn the_nul_character_is_refused_everywhere(app: TestApp) {
    let login = json!({ "email": "merchant1\u{0}@demo.linan", "password": "x", "bearer": true });
    let body = app.refused(
        Method::POST,
        "/api/v1/auth/login",
        None,
        Some(&login),
        StatusCode::BAD_REQUEST,
        "invalid_parameter",
    );
    let body = body.await;
    assert_eq!(body.error.param.as_deref(), Some("body"));
    assert!(body.error.message.contains("U+0000"), "{}", body.error.message);
    // An escaped backslash before `u0000` is plain text, not a NUL.
    let login = json!({ "email": "merchant1\\u0000@demo.linan", "password": "x", "bearer": true });
    let path = "/api/v1/auth/login";
    app.refused(Method::POST, path, None, Some(&login), StatusCode::UNAUTHORIZED, "invalid_credentials").await;
    // Query strings name the parameter; paths are refused as a whole.
    let admin = app.demo("liwan-admin@demo.linan").await;
    let reason = json!({ "reason": "测试" });
    for (method, path, param) in [
        (Method::GET, "/api/v1/benefits?q=%00", "q"),
        (Method::GET, "/api/v1/benefits?lang=en&q=a%00b", "q"),
        (Method::POST, "/api/v1/admin/cards/LW%00/suspend", "path"),
    ] {
        let response = app.send(method, path, Some(&admin), Some(&reason)).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{path}");
        let body: linan_tests::linan_shared::ErrorBody = response.json().await.unwrap();
        assert_eq!(body.error.param.as_deref(), Some(param), "{path}");
    }
    // A card file with a NUL byte.
    let response = app
        .client
        .post(format!("{}/api/v1/admin/cards/import?dry_run=true", app.address))
        .bearer_auth(&admin.token)
        .header("content-type", "text/csv")
        .body("card_number,scheme,tier,holder_name,national_id,valid_from,valid_until,status\nLW1,liwan_talent,A,\0,x,2026-01-01,2027-01-01,active\n")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}
