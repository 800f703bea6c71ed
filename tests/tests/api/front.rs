//! A cached list page is answered in front of the middleware
//! (`linan_backend::http::front`); what the client gets is what the full
//! stack gives: the same status, body and headers (a fresh request id of
//! ours, CORS, ETag, coding, language), and the page still counts in the
//! metrics and the embed site's figures.

use chrono::Duration;
use linan_backend::http::front;
use linan_tests::{
    TestApp, db_tests,
    fixtures::{benefit_input, zh},
    linan_shared::{BenefitPage, EmbedFigures},
};
use reqwest::{Method, StatusCode, header::HeaderMap};
use serde_json::{Value, json};

db_tests!(Demo => {
    a_cached_page_answers_as_the_stack_does,
    a_cached_page_still_counts,
    a_kept_key_follows_the_language_the_version_and_the_day,
});

const PAGE: &str = "/api/v1/benefits?district=liwan";

/// The headers that must match, as sorted `name: value` lines (the date and
/// our request id differ per answer).
fn comparable(headers: &HeaderMap) -> Vec<String> {
    let mut lines: Vec<String> = headers
        .iter()
        .filter(|(name, _)| !matches!(name.as_str(), "date" | "x-request-id"))
        .map(|(name, value)| format!("{name}: {}", value.to_str().unwrap_or("?")))
        .collect();
    lines.sort();
    lines
}

/// Whether this replica's cache holds the answer to `GET path` with `headers`
/// (so the front answers it).
fn front_answers(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> bool {
    let mut map = HeaderMap::new();
    for (k, v) in headers {
        map.append(reqwest::header::HeaderName::from_bytes(k.as_bytes()).unwrap(), v.parse().unwrap());
    }
    let query = path.strip_prefix("/api/v1/benefits").and_then(|rest| rest.strip_prefix('?'));
    front::hit(&app.state, query, &map).is_some()
}

async fn a_cached_page_answers_as_the_stack_does(app: TestApp) {
    let cases: [&[(&str, &str)]; 4] = [
        &[],
        &[("accept-encoding", "gzip, deflate, br, zstd"), ("accept-language", "en")],
        &[("origin", "https://site.example"), ("accept-encoding", "gzip")],
        &[("x-request-id", "client-chosen")],
    ];
    for (i, headers) in cases.into_iter().enumerate() {
        // A page of its own for each case: the key does not depend on the coding or the origin.
        let page = format!("{PAGE}&limit={}", i + 1);
        let page = page.as_str();
        assert!(!front_answers(&app, page, headers), "nothing cached yet for {headers:?}");
        let first = app.get_with(page, headers).await;
        assert!(front_answers(&app, page, headers), "cached after the first answer: {headers:?}");
        let second = app.get_with(page, headers).await;
        assert_eq!((first.status(), second.status()), (StatusCode::OK, StatusCode::OK));
        assert_eq!(comparable(first.headers()), comparable(second.headers()), "{headers:?}");
        let ids: Vec<String> =
            [&first, &second].iter().map(|r| r.headers()["x-request-id"].to_str().unwrap().to_owned()).collect();
        assert_ne!(ids[0], ids[1], "each answer has its own id");
        assert!(ids.iter().all(|id| id.len() == 36 && id != "client-chosen"), "{ids:?}");
        let etag = second.headers()["etag"].to_str().unwrap().to_owned();
        let (a, b) = (first.bytes().await.unwrap(), second.bytes().await.unwrap());
        assert_eq!(a, b, "{headers:?}");

        // The 304 to a validator, in front and through the stack alike.
        let mut conditional = headers.to_vec();
        conditional.push(("if-none-match", etag.as_str()));
        let not_modified = app.get_with(page, &conditional).await;
        assert_eq!(not_modified.status(), StatusCode::NOT_MODIFIED);
        assert_eq!(not_modified.headers()["etag"].to_str().unwrap(), etag);
    }
    // A bad parameter is never answered in front: the stack's 400 (and its U+0000 rule) stand.
    assert!(!front_answers(&app, "/api/v1/benefits?limit=nope", &[]));
    let bad = app.get(&format!("{PAGE}&limit=1&q=%00")).await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
}

async fn a_cached_page_still_counts(app: TestApp) {
    let liwan = app.demo("liwan-admin@demo.linan").await;
    let body = json!({"name": "前置缓存站", "district": "liwan", "origins": ["https://front.lw.test"], "contact": "t", "active": true});
    let site: Value =
        app.call(Method::POST, "/api/v1/admin/embed-sites", Some(&liwan), Some(&body), StatusCode::CREATED).await;
    app.refresh().await;
    let search = "/api/v1/benefits?q=%E5%85%AC%E5%9B%AD";
    let origin = [("origin", "https://front.lw.test")];
    for _ in 0..3 {
        assert_eq!(app.get_with(search, &origin).await.status(), StatusCode::OK);
    }
    assert!(front_answers(&app, search, &origin));
    app.state.embed_counts.flush(&app.state.db).await.unwrap();
    let path = format!("/api/v1/admin/embed-sites/{}/figures?days=1", site["id"]);
    let figures: EmbedFigures = app.call::<Value, _>(Method::GET, &path, Some(&liwan), None, StatusCode::OK).await;
    assert_eq!(figures.days[0].searches, 3, "every answer counts, cached or not");

    let metrics = app.get("/metrics").await.text().await.unwrap();
    let line = metrics
        .lines()
        .find(|l| l.starts_with(r#"http_requests_total{method="GET",route="/api/v1/benefits",status="200"}"#))
        .unwrap_or_else(|| panic!("no list counter in\n{metrics}"));
    let count: f64 = line.rsplit(' ').next().unwrap().parse().unwrap();
    assert!(count >= 3.0, "{line}");
}

/// The front finds a page's cache key by the raw query and Accept-Language
/// (`linan_backend::http::list_keys`): a key kept for one language, version
/// or day must never answer for another.
async fn a_kept_key_follows_the_language_the_version_and_the_day(app: TestApp) {
    const LIST: &str = "/api/v1/benefits?limit=50";
    async fn page(app: &TestApp, language: &str) -> (String, Vec<i64>) {
        let response = app.get_with(LIST, &[("accept-language", language)]).await;
        assert_eq!(response.status(), StatusCode::OK);
        let tag = response.headers()["content-language"].to_str().unwrap().to_owned();
        let page: BenefitPage = response.json().await.unwrap();
        (tag, page.items.iter().map(|b| b.id).collect())
    }
    for (language, tag) in [("en", "en"), ("zh-CN", "zh-CN"), ("en", "en"), ("zh-HK", "zh-HK"), ("zh-CN", "zh-CN")] {
        for _ in 0..2 {
            assert_eq!(page(&app, language).await.0, tag, "Accept-Language: {language}");
        }
        assert!(front_answers(&app, LIST, &[("accept-language", language)]), "{language} answered in front");
    }
    let (_, before) = page(&app, "en").await;

    // A new benefit (a new version): the same raw query lists it, in front too.
    let partner = app.add_partner("liwan", "键缓存测试商户", 23.12, 113.26).await;
    let id = app.add_benefit(partner, &benefit_input(zh("键缓存新优惠"))).await;
    for _ in 0..2 {
        let (_, ids) = page(&app, "en").await;
        assert_eq!(ids.first(), Some(&id), "newest first, after {before:?}");
    }
    assert!(front_answers(&app, LIST, &[("accept-language", "en")]));

    // The next day: nothing kept from yesterday answers.
    app.state.clock.advance(Duration::days(1));
    assert!(!front_answers(&app, LIST, &[("accept-language", "en")]), "yesterday's page answered today");
    assert_eq!(page(&app, "en").await.0, "en");
    assert!(front_answers(&app, LIST, &[("accept-language", "en")]));
}
