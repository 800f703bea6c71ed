//! Bad input: every bad parameter is a 400 naming it; unknown ids are 404;
//! nothing produces a 500.

use linan_tests::{TestApp, db_tests};
use reqwest::{Method, StatusCode};

db_tests!(Demo => {
    each_bad_parameter_is_a_400_naming_it,
    unknown_and_malformed_ids,
    no_odd_input_causes_a_server_error,
    unknown_routes_get_the_json_error_body,
    a_repeated_parameter_is_refused_on_every_route,
    an_unknown_audit_action_is_a_400_not_an_empty_page,
});

/// The audit filter takes only the actions the log can hold: a typo is told,
/// not answered with an empty list that looks like "nothing happened".
async fn an_unknown_audit_action_is_a_400_not_an_empty_page(app: TestApp) {
    let admin = app.demo("alliance@demo.linan").await;
    for path in ["/api/v1/admin/audit?action=offer.aprove", "/api/v1/admin/audit?action="] {
        let body =
            app.refused::<()>(Method::GET, path, Some(&admin), None, StatusCode::BAD_REQUEST, "invalid_parameter");
        assert_eq!(body.await.error.param.as_deref(), Some("action"), "{path}");
    }
    let page: linan_shared::AuditPage = app
        .call(Method::GET, "/api/v1/admin/audit?action=offer.approve", Some(&admin), None::<&()>, StatusCode::OK)
        .await;
    assert!(page.items.iter().all(|e| e.action == linan_shared::AuditAction::OfferApprove));
}

/// One rule for repeated parameters (see `backend/src/http/query.rs`):
/// a parameter the route reads, given twice, is a 400 naming it.
async fn a_repeated_parameter_is_refused_on_every_route(app: TestApp) {
    let partner = app.all_benefits("limit=1").await[0].partner.id;
    for path in [
        "/api/v1/benefits?limit=1&limit=2".to_owned(),
        format!("/api/v1/partners/{partner}?lang=en&lang=zh-CN"),
        "/embed/my-card?lang=en&lang=en".to_owned(),
        "/embed?theme=dark&theme=light".to_owned(),
    ] {
        let body = app.expect_error(&path, StatusCode::BAD_REQUEST).await;
        assert_eq!(body.error.code, "invalid_parameter", "{path}");
    }
    let body = app.expect_error(&format!("/api/v1/partners/{partner}?lang=en&lang=en"), StatusCode::BAD_REQUEST).await;
    assert_eq!(body.error.param.as_deref(), Some("lang"));
    // Parameters a route does not read are ignored, repeated or not.
    assert_eq!(app.get(&format!("/api/v1/partners/{partner}?_=1&_=2")).await.status(), StatusCode::OK);
    // Typed query structs refuse a duplicate too.
    let admin = app.demo("liwan-admin@demo.linan").await;
    let body = app.refused::<()>(
        Method::GET,
        "/api/v1/admin/audit?limit=1&limit=2",
        Some(&admin),
        None,
        StatusCode::BAD_REQUEST,
        "invalid_parameter",
    );
    body.await;
    let merchant = app.demo("merchant1@demo.linan").await;
    let path = "/api/v1/merchant/figures?days=7&days=30";
    let body =
        app.refused::<()>(Method::GET, path, Some(&merchant), None, StatusCode::BAD_REQUEST, "invalid_parameter");
    assert_eq!(body.await.error.param.as_deref(), Some("days"));
}

async fn each_bad_parameter_is_a_400_naming_it(app: TestApp) {
    let cases = [
        ("limit=abc", "limit"),
        ("limit=100000", "limit"),
        ("limit=0", "limit"),
        ("limit=-1", "limit"),
        ("near=91,200", "near"),
        ("near=abc", "near"),
        ("near=23.1,113.2&radius_km=-5", "radius_km"),
        ("radius_km=5", "near"),
        ("category=unknown_category", "category"),
        ("category=%3Cscript%3E", "category"),
        ("district=shenzhen", "district"),
        ("scheme=liwan_talent", "tier"),
        ("scheme=liwan_talent&tier=T", "tier"),
        ("scheme=nope&tier=A", "scheme"),
        ("valid_on=2020-01-01", "valid_on"),
        ("valid_on=2026-02-30", "valid_on"),
        ("sort=random", "sort"),
        ("sort=nearest", "near"),
        ("sort=relevance", "q"),
        ("cursor=%2F%2F%2F", "cursor"),
        ("lang=fr", "lang"),
        ("partner=abc", "partner"),
        ("limit=5&limit=6", "limit"),
    ];
    for (query, param) in cases {
        let body = app.expect_error(&format!("/api/v1/benefits?{query}"), StatusCode::BAD_REQUEST).await;
        assert_eq!(body.error.code, "invalid_parameter", "{query}");
        assert_eq!(body.error.param.as_deref(), Some(param), "{query}: {}", body.error.message);
        assert!(body.error.message.contains(param), "{query}: the message names the parameter: {}", body.error.message);
    }
    let long = "x".repeat(101);
    let body = app.expect_error(&format!("/api/v1/benefits?q={long}"), StatusCode::BAD_REQUEST).await;
    assert_eq!(body.error.param.as_deref(), Some("q"));
}

async fn unknown_and_malformed_ids(app: TestApp) {
    for path in [
        "/api/v1/benefits/0",
        "/api/v1/benefits/abc",
        "/api/v1/benefits/-4",
        "/api/v1/partners/1.5",
        "/api/v1/benefits/99999999999999999999",
    ] {
        let body = app.expect_error(path, StatusCode::BAD_REQUEST).await;
        assert_eq!(body.error.param.as_deref(), Some("id"), "{path}");
    }
    for path in ["/api/v1/benefits/424242", "/api/v1/partners/424242"] {
        app.expect_error(path, StatusCode::NOT_FOUND).await;
    }
    let body = app.expect_error("/api/v1/benefits/1?lang=xx", StatusCode::BAD_REQUEST).await;
    assert_eq!(body.error.param.as_deref(), Some("lang"));
}

async fn no_odd_input_causes_a_server_error(app: TestApp) {
    let odd = [
        "q=%25%25%25",
        "q=%27%3B%20DROP%20TABLE%20benefit%3B--",
        "q=%00",
        "q=%E2%80%8B",
        "q=%F0%9F%8F%A5",
        "q=a%20b%20c%20d%20e%20f%20g%20h%20i%20j%20k%20l%20m%20n%20o%20p",
        "near=0,0&sort=nearest",
        "near=-90,-180&radius_km=500",
        "near=90,180&sort=nearest",
        "valid_on=9999-12-31",
        "partner=9223372036854775807",
        "q=%E5",
        "%=%",
        "&&&",
        "q",
        "limit=1&cursor=eyJzIjoibmVhcmVzdCIsImQiOjAsImlkIjowfQ",
        "lang=EN",
        "district=LIWAN",
    ];
    for query in odd {
        let response = app.get(&format!("/api/v1/benefits?{query}")).await;
        let status = response.status();
        assert!(status.is_success() || status.is_client_error(), "{query}: {status}");
        if status.is_client_error() {
            let body: linan_shared::ErrorBody = response.json().await.unwrap_or_else(|e| panic!("{query}: {e}"));
            assert!(!body.error.message.is_empty());
        }
    }
}

async fn unknown_routes_get_the_json_error_body(app: TestApp) {
    let body = app.expect_error("/api/v1/nothing-here", StatusCode::NOT_FOUND).await;
    assert_eq!(body.error.code, "not_found");
}
