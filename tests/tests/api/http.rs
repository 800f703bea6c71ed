//! HTTP behaviour: validators and 304s, caching without the database,
//! compression, request ids, CORS, health, readiness and metrics.

use linan_tests::{
    TestApp, db_tests,
    fixtures::{benefit_input, zh},
};
use reqwest::StatusCode;

db_tests!(Demo => {
    a_matching_etag_gets_304_and_a_change_gets_a_new_etag,
    conditional_and_repeated_reads_need_no_database,
    public_reads_are_cacheable_and_cross_origin,
    responses_are_compressed_on_request,
    a_cached_page_is_sent_in_the_coding_the_client_takes,
    every_response_carries_a_request_id,
    a_client_request_id_never_reaches_the_audit_log,
    health_readiness_and_metrics,
});

async fn a_matching_etag_gets_304_and_a_change_gets_a_new_etag(app: TestApp) {
    let path = "/api/v1/benefits?district=liwan&limit=5";
    let first = app.get(path).await;
    assert_eq!(first.status(), StatusCode::OK);
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    assert!(etag.starts_with("W/\""), "{etag}");

    let again = app.get_with(path, &[("if-none-match", &etag)]).await;
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(again.headers()["etag"], etag.as_str());
    assert!(again.text().await.unwrap().is_empty());

    // Another language is another representation.
    let en = app.get_with(&format!("{path}&lang=en"), &[("if-none-match", &etag)]).await;
    assert_eq!(en.status(), StatusCode::OK);

    // A catalogue change invalidates it.
    let partner = app.add_partner("liwan", "新商户", 23.12, 113.24).await;
    app.add_benefit(partner, &benefit_input(zh("新优惠"))).await;
    let changed = app.get_with(path, &[("if-none-match", &etag)]).await;
    assert_eq!(changed.status(), StatusCode::OK);
    assert_ne!(changed.headers()["etag"], etag.as_str());

    // Details and reference lists have validators too.
    for path in
        ["/api/v1/districts", "/api/v1/categories", "/api/v1/card-schemes", &format!("/api/v1/partners/{partner}")]
    {
        let first = app.get(path).await;
        let etag = first.headers()["etag"].to_str().unwrap().to_owned();
        assert_eq!(app.get_with(path, &[("if-none-match", &etag)]).await.status(), StatusCode::NOT_MODIFIED, "{path}");
    }
}

async fn conditional_and_repeated_reads_need_no_database(app: TestApp) {
    let path = "/api/v1/benefits?category=scenic_discount&limit=10";
    let first = app.get(path).await;
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    let body = first.text().await.unwrap();
    for _ in 0..200 {
        if app.state.catalogue.read_model().is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(app.state.catalogue.read_model().is_some(), "the read model is built within 10 s");

    // Take the database away: nothing that needs it can be answered now.
    app.state.db.clone().close().await.unwrap();
    let uncached = app.get("/api/v1/benefits/3").await;
    assert_eq!(uncached.status(), StatusCode::SERVICE_UNAVAILABLE, "an unreachable database is retryable");
    assert_eq!(uncached.headers()["retry-after"], "1");
    let error: linan_shared::ErrorBody = uncached.json().await.unwrap();
    assert_eq!(error.error.code, "unavailable");
    assert!(!error.error.message.to_lowercase().contains("pool"), "no internal detail leaks");

    let conditional = app.get_with(path, &[("if-none-match", &etag)]).await;
    assert_eq!(conditional.status(), StatusCode::NOT_MODIFIED, "a 304 costs no query");
    let repeated = app.get(path).await;
    assert_eq!(repeated.status(), StatusCode::OK, "a cached page costs no query");
    assert_eq!(repeated.text().await.unwrap(), body);
    // A list page never asked for is chosen and filled by the read model.
    let from_model = app.get("/api/v1/benefits?category=merchant_offer&limit=3").await;
    assert_eq!(from_model.status(), StatusCode::OK, "a list page from the read model costs no query");
}

async fn public_reads_are_cacheable_and_cross_origin(app: TestApp) {
    let response = app.get_with("/api/v1/benefits?limit=1", &[("origin", "https://www.lw.gov.cn")]).await;
    assert_eq!(response.headers()["access-control-allow-origin"], "*");
    let cache_control = response.headers()["cache-control"].to_str().unwrap();
    assert!(cache_control.starts_with("public, max-age="), "{cache_control}");
    assert!(
        response.headers()["vary"].to_str().unwrap().to_ascii_lowercase().contains("accept-language")
            || response
                .headers()
                .get_all("vary")
                .iter()
                .any(|v| v.to_str().unwrap().eq_ignore_ascii_case("accept-language"))
    );
    let preflight = app
        .client
        .request(reqwest::Method::OPTIONS, format!("{}/api/v1/benefits", app.address))
        .header("origin", "https://www.nanhai.gov.cn")
        .header("access-control-request-method", "GET")
        .header("access-control-request-headers", "if-none-match")
        .send()
        .await
        .unwrap();
    assert!(preflight.status().is_success());
    assert_eq!(preflight.headers()["access-control-allow-origin"], "*");
}

async fn responses_are_compressed_on_request(app: TestApp) {
    let plain = app.get("/api/v1/benefits?limit=50").await;
    assert!(plain.headers().get("content-encoding").is_none());
    let plain_len = plain.bytes().await.unwrap().len();
    let gzipped = app.get_with("/api/v1/benefits?limit=50", &[("accept-encoding", "gzip")]).await;
    assert_eq!(gzipped.headers()["content-encoding"], "gzip");
    let gz_len = gzipped.bytes().await.unwrap().len();
    assert!(gz_len * 3 < plain_len, "gzip {gz_len} vs plain {plain_len}");
}

/// Cached pages keep their gzip and brotli forms: every coding a client may
/// take decodes to the same JSON, on the first answer and on hits.
async fn a_cached_page_is_sent_in_the_coding_the_client_takes(app: TestApp) {
    use std::io::Read;
    let path = "/api/v1/benefits?limit=30&lang=en";
    let plain = app.get(path).await.bytes().await.unwrap();
    for (accept, coding) in [
        ("gzip, deflate, br, zstd", Some("br")),
        ("gzip;q=1.0, br;q=0.5", Some("gzip")),
        ("br;q=0, gzip;q=0", None),
        ("identity", None),
    ] {
        for round in 0..2 {
            let response = app.get_with(path, &[("accept-encoding", accept)]).await;
            assert_eq!(response.status(), StatusCode::OK);
            let vary = response.headers().get_all("vary").iter().map(|v| v.to_str().unwrap().to_ascii_lowercase());
            assert!(vary.collect::<Vec<_>>().join(",").contains("accept-encoding"), "{accept}");
            let sent = response.headers().get("content-encoding").map(|v| v.to_str().unwrap().to_owned());
            assert_eq!(sent.as_deref(), coding, "{accept}, round {round}");
            let bytes = response.bytes().await.unwrap();
            let mut decoded = Vec::new();
            match coding {
                Some("br") => brotli::BrotliDecompress(&mut &bytes[..], &mut decoded).unwrap(),
                Some(_) => drop(flate2::read::GzDecoder::new(&bytes[..]).read_to_end(&mut decoded).unwrap()),
                None => decoded = bytes.to_vec(),
            }
            assert_eq!(decoded, plain, "{accept}, round {round}");
        }
    }
}

async fn every_response_carries_a_request_id(app: TestApp) {
    let a = app.get("/healthz").await;
    let b = app.get("/api/v1/benefits?limit=abc").await;
    let id_a = a.headers()["x-request-id"].to_str().unwrap().to_owned();
    let id_b = b.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert_ne!(id_a, id_b);
    let given = app.get_with("/healthz", &[("x-request-id", "trace-me-123")]).await;
    let ours = given.headers()["x-request-id"].to_str().unwrap();
    assert_ne!(ours, "trace-me-123", "a caller's id is never taken for ours");
    assert!(uuid::Uuid::parse_str(ours).is_ok(), "{ours}");
    // Answers the router makes itself (no route, wrong method) go through
    // the same layers as a route's.
    let wrong_method = app.client.delete(format!("{}/api/v1/benefits", app.address)).send().await.unwrap();
    for response in [app.get("/api/v1/no-such-thing").await, wrong_method] {
        assert!(response.status().is_client_error(), "{}", response.status());
        let id = response.headers()["x-request-id"].to_str().unwrap();
        assert!(uuid::Uuid::parse_str(id).is_ok(), "{id}");
    }
}

/// Regression: a client-supplied `x-request-id` was trusted into the audit
/// log, so a caller could forge one request's trail or tie it to another's.
async fn a_client_request_id_never_reaches_the_audit_log(app: TestApp) {
    use linan_tests::linan_shared::{AuditPage, OfferDto};
    let merchant = app.demo("merchant1@demo.linan").await;
    let response = app
        .client
        .post(format!("{}/api/v1/merchant/offers", app.address))
        .bearer_auth(&merchant.token)
        .header("x-request-id", "forged-by-the-client")
        .json(&benefit_input(zh("请求编号测试")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let ours = response.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert_ne!(ours, "forged-by-the-client");
    let offer: OfferDto = response.json().await.unwrap();
    let admin = app.demo("alliance@demo.linan").await;
    let path = format!("/api/v1/admin/audit?entity=offer&entity_id={}", offer.id);
    let log: AuditPage = app.call(reqwest::Method::GET, &path, Some(&admin), None::<&()>, StatusCode::OK).await;
    assert_eq!(log.items.len(), 1);
    assert_eq!(log.items[0].request_id.as_deref(), Some(ours.as_str()), "the event carries the id we answered with");
    let text = serde_json::to_string(&log).unwrap();
    assert!(!text.contains("forged-by-the-client"), "{text}");
}

async fn health_readiness_and_metrics(app: TestApp) {
    let health: linan_shared::HealthDto = app.get_json("/healthz").await;
    assert_eq!(health.status, "ok");
    let ready: linan_shared::HealthDto = app.get_json("/readyz").await;
    assert_eq!(ready.status, "ready");
    app.get("/api/v1/benefits?limit=2").await;
    app.get("/api/v1/benefits?limit=nope").await;
    let metrics = app.get("/metrics").await.text().await.unwrap();
    for needle in [
        r#"http_requests_total{method="GET",route="/api/v1/benefits",status="200"}"#,
        r#"http_requests_total{method="GET",route="/api/v1/benefits",status="400"}"#,
        "http_request_duration_seconds_bucket",
        "db_pool_connections",
        "db_pool_max_connections",
    ] {
        assert!(metrics.contains(needle), "missing {needle} in\n{metrics}");
    }
    app.state.db.clone().close().await.unwrap();
    assert_eq!(app.get("/readyz").await.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(app.get("/healthz").await.status(), StatusCode::OK);
}

/// The configurations `/metrics` is tested under, on both databases.
async fn apps_with(adjust: impl Fn(&mut linan_backend::Config) + Copy) -> Vec<TestApp> {
    let mut apps = Vec::new();
    for db in [linan_tests::Db::Sqlite, linan_tests::Db::Postgres] {
        apps.extend(linan_tests::spawn_app_with(db, linan_tests::Seed::Empty, adjust).await);
    }
    apps
}

fn production(config: &mut linan_backend::Config) {
    config.production = true;
    config.id_secret = Some(linan_backend::config::Secret::new("a production secret of 32+ characters"));
}

const METRICS_TOKEN: &str = "scraper token that is 32+ characters";

#[tokio::test]
async fn production_serves_metrics_only_with_the_token() {
    for app in apps_with(|c| {
        production(c);
        c.metrics_token = Some(linan_backend::config::Secret::new(METRICS_TOKEN));
    })
    .await
    {
        let without = app.get("/metrics").await;
        assert_eq!(without.status(), StatusCode::UNAUTHORIZED, "{:?}", app.db);
        let body: linan_shared::ErrorBody = without.json().await.unwrap();
        assert_eq!(body.error.code, "unauthenticated");
        let wrong = app.get_with("/metrics", &[("authorization", "Bearer not the token at all, but as long")]).await;
        assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
        let right = app.get_with("/metrics", &[("authorization", &format!("Bearer {METRICS_TOKEN}"))]).await;
        assert_eq!(right.status(), StatusCode::OK);
        assert!(right.text().await.unwrap().contains("db_pool_max_connections"));
    }
}

#[tokio::test]
async fn production_without_a_token_serves_no_public_metrics() {
    for app in apps_with(production).await {
        assert_eq!(app.get("/metrics").await.status(), StatusCode::NOT_FOUND, "{:?}", app.db);
        assert_eq!(app.get("/healthz").await.status(), StatusCode::OK);
    }
}

#[tokio::test]
async fn metrics_on_their_own_listener_leave_the_public_one() {
    for app in apps_with(|c| {
        production(c);
        c.metrics_bind = Some(std::net::SocketAddr::from(([127, 0, 0, 1], 0)));
    })
    .await
    {
        assert_eq!(app.get("/metrics").await.status(), StatusCode::NOT_FOUND, "{:?}", app.db);
        let private = app.metrics_address.clone().unwrap();
        let scraped = app.client.get(format!("{private}/metrics")).send().await.unwrap();
        assert_eq!(scraped.status(), StatusCode::OK);
        assert!(scraped.text().await.unwrap().contains("db_pool_connections"));
        let other = app.client.get(format!("{private}/api/v1/benefits")).send().await.unwrap();
        assert_eq!(other.status(), StatusCode::NOT_FOUND, "the metrics listener serves nothing else");
    }
}

#[tokio::test]
async fn a_short_metrics_token_is_refused_at_start() {
    let config = linan_backend::Config {
        metrics_token: Some(linan_backend::config::Secret::new("short")),
        ..linan_backend::Config::for_database("sqlite::memory:")
    };
    let refused = linan_backend::Application::build(config).await.err().unwrap();
    assert!(refused.to_string().contains("LINAN_METRICS_TOKEN"), "{refused}");
}

/// Regression: ETags were derived from the version counter alone, so two
/// databases with equal counters (or a restored backup) validated each
/// other's pages.
#[tokio::test]
async fn equal_catalogues_in_different_databases_have_different_etags() {
    let a = linan_tests::spawn_app(linan_tests::Db::Sqlite, linan_tests::Seed::Demo).await.unwrap();
    let b = linan_tests::spawn_app(linan_tests::Db::Sqlite, linan_tests::Seed::Demo).await.unwrap();
    assert_eq!(a.state.catalogue.version(), b.state.catalogue.version(), "same history, same counter");
    let etag = |r: &reqwest::Response| r.headers()["etag"].to_str().unwrap().to_owned();
    let from_a = etag(&a.get("/api/v1/districts").await);
    let from_b = etag(&b.get("/api/v1/districts").await);
    assert_ne!(from_a, from_b);
    assert_eq!(b.get_with("/api/v1/districts", &[("if-none-match", &from_a)]).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_request_that_times_out_gets_the_json_error_body() {
    // The only pooled connection is held by the test, so the request waits
    // for it (acquire timeout 5 s) until the 1 s request timeout fires.
    let app = linan_tests::spawn_app_with(linan_tests::Db::Sqlite, linan_tests::Seed::Demo, |c| {
        c.request_timeout_secs = 1;
        c.response_cache_entries = 0;
        c.db_max_connections = 1;
    })
    .await
    .unwrap();
    let held = sea_orm::TransactionTrait::begin(&app.state.db).await.unwrap();
    let body = app.expect_error("/api/v1/benefits?limit=3", StatusCode::REQUEST_TIMEOUT).await;
    assert_eq!(body.error.code, "timeout");
    // A widget on another origin can read the answer.
    let response = app.get_with("/api/v1/benefits?limit=3", &[("origin", "https://www.example.gov.cn")]).await;
    assert_eq!(response.status(), StatusCode::REQUEST_TIMEOUT);
    assert_eq!(response.headers()["access-control-allow-origin"], "*");
    drop(held);
}
