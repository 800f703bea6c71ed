//! The embed-site registry: district admins register their sites (validated,
//! versioned, audited, scoped to their district); in production the
//! registry decides who may frame `/embed` and `/embed/my-card` and call the
//! cardholder API from a page, and every replica follows a change within a
//! poll; each site's figures are counted per day from the requests' origin.

use linan_tests::{
    Db, Seed, TestApp, db_tests,
    linan_shared::{AuditPage, EmbedFigures, EmbedSiteDto, EmbedSiteList},
    spawn_app_with,
};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

db_tests!(Demo => {
    district_admins_register_and_edit_their_sites,
    figures_count_each_kind_per_site_and_day,
});

const SITES: &str = "/api/v1/admin/embed-sites";

fn site(name: &str, district: &str, origins: &[&str]) -> Value {
    json!({"name": name, "district": district, "origins": origins, "contact": "网站科 020-1234",
        "attrs": {"category": "scenic_discount", "lang": "zh-CN", "my_card": false, "events": false}, "active": true})
}

async fn register(app: &TestApp, who: &linan_tests::session::Who, body: &Value) -> EmbedSiteDto {
    app.call(Method::POST, SITES, Some(who), Some(body), StatusCode::CREATED).await
}

async fn district_admins_register_and_edit_their_sites(app: TestApp) {
    let liwan = app.demo("liwan-admin@demo.linan").await;
    let nanhai = app.demo("nanhai-admin@demo.linan").await;
    let alliance = app.demo("alliance@demo.linan").await;
    let merchant = app.demo("merchant1@demo.linan").await;

    let created =
        register(&app, &liwan, &site(" 荔湾人才网 ", "liwan", &["HTTPS://WWW.LW.gov.cn:443/", "http://lw.test:8080"]))
            .await;
    assert_eq!(created.name, "荔湾人才网");
    assert_eq!(created.origins, ["http://lw.test:8080", "https://www.lw.gov.cn"]);
    assert_eq!(created.version, 1);
    assert!(created.active);
    assert_eq!(
        (created.attrs.my_card, created.attrs.events),
        (Some(false), Some(false)),
        "the snippet's switches are kept"
    );

    // Authorization: others' districts, merchants, anonymous.
    let other = site("越权", "nanhai", &["https://x.nh.gov.cn"]);
    app.refused(Method::POST, SITES, Some(&liwan), Some(&other), StatusCode::FORBIDDEN, "forbidden").await;
    app.refused(Method::POST, SITES, Some(&merchant), Some(&other), StatusCode::FORBIDDEN, "forbidden").await;
    app.refused(Method::POST, SITES, None, Some(&other), StatusCode::UNAUTHORIZED, "unauthenticated").await;
    let path = format!("{SITES}/{}", created.id);
    app.refused::<Value>(Method::GET, &path, Some(&nanhai), None, StatusCode::NOT_FOUND, "not_found").await;
    let nanhai_list: EmbedSiteList =
        app.call::<Value, _>(Method::GET, SITES, Some(&nanhai), None, StatusCode::OK).await;
    assert!(nanhai_list.sites.is_empty());
    let all: EmbedSiteList = app.call::<Value, _>(Method::GET, SITES, Some(&alliance), None, StatusCode::OK).await;
    assert_eq!(all.sites.len(), 1);

    // Validation: 422 naming the field; an origin of another site is a 409.
    for (bad, field) in [
        (site("", "liwan", &["https://a.cn"]), "name"),
        (site("x", "liwan", &[]), "origins"),
        (site("x", "liwan", &["https://a.cn/path"]), "origins.0"),
        (site("x", "liwan", &["https://a.cn", "javascript:alert(1)"]), "origins.1"),
        (site("x", "atlantis", &["https://a.cn"]), "district"),
    ] {
        let body = app
            .refused(Method::POST, SITES, Some(&liwan), Some(&bad), StatusCode::UNPROCESSABLE_ENTITY, "invalid_field")
            .await;
        assert_eq!(body.error.param.as_deref(), Some(field), "{bad}");
    }
    let mut bad_attrs = site("x", "liwan", &["https://a.cn"]);
    bad_attrs["attrs"] = json!({"limit": 0});
    app.refused(Method::POST, SITES, Some(&liwan), Some(&bad_attrs), StatusCode::UNPROCESSABLE_ENTITY, "invalid_field")
        .await;
    bad_attrs["attrs"] = json!({"colour": "red"});
    let refused = app.send(Method::POST, SITES, Some(&liwan), Some(&bad_attrs)).await;
    assert!(refused.status().is_client_error(), "{}", refused.status());
    let taken = site("抢注", "liwan", &["https://www.lw.gov.cn"]);
    app.refused(Method::POST, SITES, Some(&liwan), Some(&taken), StatusCode::CONFLICT, "conflict").await;

    // A versioned edit: deactivate; the stale version is a 409.
    let mut edit = site("荔湾人才网", "liwan", &["https://www.lw.gov.cn"]);
    edit["active"] = json!(false);
    let updated: EmbedSiteDto =
        app.call(Method::PUT, &path, Some(&alliance), Some(&json!({"version": 1, "site": edit})), StatusCode::OK).await;
    assert_eq!((updated.version, updated.active), (2, false));
    assert_eq!(updated.origins, ["https://www.lw.gov.cn"]);
    app.refused(
        Method::PUT,
        &path,
        Some(&liwan),
        Some(&json!({"version": 1, "site": edit})),
        StatusCode::CONFLICT,
        "stale_version",
    )
    .await;
    app.refused(
        Method::PUT,
        &path,
        Some(&nanhai),
        Some(&json!({"version": 2, "site": edit})),
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    // The released origin can be registered again.
    register(&app, &liwan, &site("荔湾测试站", "liwan", &["http://lw.test:8080"])).await;

    // Audited, in the district's log.
    let log: AuditPage =
        app.call::<Value, _>(Method::GET, "/api/v1/admin/audit", Some(&liwan), None, StatusCode::OK).await;
    let actions: Vec<&str> = log.items.iter().map(|e| e.action.as_str()).collect();
    assert!(actions.contains(&"embed_site.create") && actions.contains(&"embed_site.update"), "{actions:?}");
}

/// Sends `GET path` from a page of `origin`.
async fn from_page(app: &TestApp, path: &str, origin: &str) {
    let response = app.get_with(path, &[("origin", origin)]).await;
    assert!(response.status().is_success(), "{path}: {}", response.status());
}

async fn figures_count_each_kind_per_site_and_day(app: TestApp) {
    let liwan = app.demo("liwan-admin@demo.linan").await;
    let a = register(&app, &liwan, &site("A 站", "liwan", &["https://a.lw.test"])).await;
    let b = register(&app, &liwan, &site("B 站", "liwan", &["https://b.lw.test"])).await;
    app.refresh().await;
    let benefit = app.benefits("limit=1").await.items[0].id;
    for _ in 0..2 {
        from_page(&app, "/api/v1/districts", "https://a.lw.test").await;
    }
    from_page(&app, "/api/v1/benefits?q=%E5%85%AC%E5%9B%AD", "https://a.lw.test").await;
    from_page(&app, "/api/v1/benefits?district=liwan", "https://a.lw.test").await; // not a search
    from_page(&app, &format!("/api/v1/benefits/{benefit}"), "https://a.lw.test").await;
    from_page(&app, "/api/v1/districts", "https://b.lw.test").await;
    // Not registered, or no origin at all: not counted.
    from_page(&app, "/api/v1/districts", "https://evil.test").await;
    app.get("/api/v1/districts").await;
    // A sign-in from the My card frame of site B's page; a wrong one does not count.
    let frame = format!("{}/embed/my-card?lang=zh-CN&theme=light&origin=https%3A%2F%2Fb.lw.test", app.address);
    for (last4, status) in [("0014", StatusCode::OK), ("9999", StatusCode::UNAUTHORIZED)] {
        let signed_in = app
            .client
            .post(format!("{}/api/v1/cardholder/session", app.address))
            .header("referer", &frame)
            .json(&json!({"card_number": "LW2026000014", "id_last4": last4, "birth_date": "1990-01-01"}))
            .send()
            .await
            .unwrap();
        assert_eq!(signed_in.status(), status);
    }
    app.state.embed_counts.flush(&app.state.db).await.unwrap();

    let figures = |id: i64| format!("{SITES}/{id}/figures?days=7");
    let fa: EmbedFigures = app.call::<Value, _>(Method::GET, &figures(a.id), Some(&liwan), None, StatusCode::OK).await;
    let fb: EmbedFigures = app.call::<Value, _>(Method::GET, &figures(b.id), Some(&liwan), None, StatusCode::OK).await;
    assert_eq!(fa.days.len(), 1, "{fa:?}");
    assert_eq!(fa.days[0].day, fa.to, "today, China Standard Time");
    let counts = |f: &EmbedFigures| (f.days[0].loads, f.days[0].searches, f.days[0].details, f.days[0].sign_ins);
    assert_eq!(counts(&fa), (2, 1, 1, 0));
    assert_eq!(counts(&fb), (1, 0, 0, 1));
    // A second flush adds to the day's row.
    from_page(&app, "/api/v1/districts", "https://a.lw.test").await;
    app.state.embed_counts.flush(&app.state.db).await.unwrap();
    let fa: EmbedFigures = app.call::<Value, _>(Method::GET, &figures(a.id), Some(&liwan), None, StatusCode::OK).await;
    assert_eq!(counts(&fa), (3, 1, 1, 0));
    let nanhai = app.demo("nanhai-admin@demo.linan").await;
    app.refused::<Value>(Method::GET, &figures(a.id), Some(&nanhai), None, StatusCode::NOT_FOUND, "not_found").await;
    app.refused::<Value>(
        Method::GET,
        &format!("{SITES}/{}/figures?days=0", a.id),
        Some(&liwan),
        None,
        StatusCode::BAD_REQUEST,
        "invalid_parameter",
    )
    .await;
}

/// The production app of each database pass.
async fn production_apps() -> Vec<TestApp> {
    let mut apps = Vec::new();
    for db in [Db::Sqlite, Db::Postgres] {
        apps.extend(spawn_app_with(db, Seed::Demo, |c| c.production = true).await);
    }
    apps
}

fn csp(response: &reqwest::Response) -> String {
    response.headers()["content-security-policy"].to_str().unwrap().to_owned()
}

/// The preflight answer's `Access-Control-Allow-Origin` for a sign-in from `origin`.
async fn preflight(app: &TestApp, origin: &str) -> Option<String> {
    let response = app
        .client
        .request(Method::OPTIONS, format!("{}/api/v1/cardholder/session", app.address))
        .header("origin", origin)
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", "content-type")
        .send()
        .await
        .unwrap();
    response.headers().get("access-control-allow-origin").map(|v| v.to_str().unwrap().to_owned())
}

#[tokio::test]
async fn production_frames_and_cors_follow_the_registry_on_every_replica() {
    for app in production_apps().await {
        let other = app.replica().await;
        for path in ["/embed", "/embed/my-card"] {
            let response = app.get(path).await;
            assert!(csp(&response).ends_with("frame-ancestors 'self'"), "{path}: {}", csp(&response));
            assert_eq!(response.headers()["cache-control"], "no-cache");
        }
        assert_eq!(preflight(&app, "https://www.nh.gov.cn").await, None);

        let nanhai = app.demo("nanhai-admin@demo.linan").await;
        let created = register(&app, &nanhai, &site("南海人才网", "nanhai", &["https://www.nh.gov.cn"])).await;
        // The other replica learns it through the version poll (1 s here).
        for replica in [&app, &other] {
            let mut seen = String::new();
            for _ in 0..50 {
                seen = csp(&replica.get("/embed/my-card").await);
                if seen.contains("www.nh.gov.cn") {
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            assert!(seen.ends_with("frame-ancestors 'self' https://www.nh.gov.cn"), "{seen}");
            assert_eq!(preflight(replica, "https://www.nh.gov.cn").await.as_deref(), Some("https://www.nh.gov.cn"));
            assert_eq!(preflight(replica, "https://evil.test").await, None);
        }
        // The public catalogue stays open to all.
        let open = app.get_with("/api/v1/districts", &[("origin", "https://evil.test")]).await;
        assert_eq!(open.headers()["access-control-allow-origin"], "*");

        // Deactivated: framing and CORS end.
        let mut off = site("南海人才网", "nanhai", &["https://www.nh.gov.cn"]);
        off["active"] = json!(false);
        let _: EmbedSiteDto = app
            .call(
                Method::PUT,
                &format!("{SITES}/{}", created.id),
                Some(&nanhai),
                Some(&json!({"version": 1, "site": off})),
                StatusCode::OK,
            )
            .await;
        app.refresh().await;
        assert!(csp(&app.get("/embed").await).ends_with("frame-ancestors 'self'"));
        assert_eq!(preflight(&app, "https://www.nh.gov.cn").await, None);
    }
}

#[tokio::test]
async fn demo_mode_lets_any_page_frame_and_call() {
    for db in [Db::Sqlite, Db::Postgres] {
        let Some(app) = spawn_app_with(db, Seed::Demo, |_| {}).await else { continue };
        for path in ["/embed", "/embed/my-card"] {
            let response = app.get(path).await;
            assert!(csp(&response).ends_with("frame-ancestors *"), "{path}: {}", csp(&response));
        }
        assert_eq!(preflight(&app, "https://anyone.test").await.as_deref(), Some("*"));
    }
}
