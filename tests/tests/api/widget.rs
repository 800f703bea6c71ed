//! Serving the widget: `/widget/*` files with the right types and caching,
//! the `/embed` iframe page and the `/` demo host page.

use linan_tests::{Db, Seed, spawn_app_with};
use reqwest::StatusCode;

async fn app_with_widget_dir(production: bool) -> (linan_tests::TestApp, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("linan-widget-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("linan-benefits.js"), "import init from \"./linan_widget.abc.js\";").unwrap();
    std::fs::write(dir.join("linan_widget_bg.0123456789ab.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(dir.join(".secret.js"), "no").unwrap();
    // What scripts/precompress.mjs writes beside each file (markers here, not real codings).
    std::fs::write(dir.join("linan_widget_bg.0123456789ab.wasm.br"), "brotli form").unwrap();
    std::fs::write(dir.join("linan_widget_bg.0123456789ab.wasm.gz"), "gzip form").unwrap();
    let widget_dir = dir.clone();
    let app = spawn_app_with(Db::Sqlite, Seed::Demo, move |c| {
        c.widget_dir = widget_dir;
        c.production = production;
    })
    .await
    .unwrap();
    (app, dir)
}

#[tokio::test]
async fn widget_files_are_served_with_types_caching_and_cors() {
    let (app, dir) = app_with_widget_dir(false).await;
    let loader = app.get_with("/widget/linan-benefits.js", &[("origin", "https://www.nanhai.gov.cn")]).await;
    assert_eq!(loader.status(), StatusCode::OK);
    assert_eq!(loader.headers()["content-type"], "text/javascript; charset=utf-8");
    assert_eq!(loader.headers()["cache-control"], "public, max-age=300");
    assert_eq!(loader.headers()["access-control-allow-origin"], "*");
    let wasm = app.get("/widget/linan_widget_bg.0123456789ab.wasm").await;
    assert_eq!(wasm.headers()["content-type"], "application/wasm");
    assert_eq!(wasm.headers()["cache-control"], "public, max-age=31536000, immutable");
    for bad in [
        "/widget/.secret.js",
        "/widget/..%2FCargo.toml",
        "/widget/%2Fetc%2Fpasswd",
        "/widget/missing.js",
        "/widget/x.exe",
    ] {
        let body = app.expect_error(bad, StatusCode::NOT_FOUND).await;
        assert_eq!(body.error.code, "not_found", "{bad}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn a_file_built_with_compressed_forms_is_sent_in_the_one_the_client_takes() {
    let (app, dir) = app_with_widget_dir(false).await;
    let wasm = "/widget/linan_widget_bg.0123456789ab.wasm";
    for (accept, coding, body) in [
        (Some("gzip, deflate, br, zstd"), Some("br"), &b"brotli form"[..]),
        (Some("gzip"), Some("gzip"), b"gzip form"),
        (Some("br;q=0.5, gzip"), Some("gzip"), b"gzip form"),
        (None, None, b"\0asm\x01\0\0\0"),
        (Some("identity"), None, b"\0asm\x01\0\0\0"),
    ] {
        let response = match accept {
            Some(accept) => app.get_with(wasm, &[("accept-encoding", accept)]).await,
            None => app.get(wasm).await,
        };
        assert_eq!(response.status(), StatusCode::OK, "{accept:?}");
        let headers = response.headers().clone();
        assert_eq!(headers.get("content-encoding").map(|v| v.to_str().unwrap()), coding, "{accept:?}");
        assert_eq!(headers["content-type"], "application/wasm", "{accept:?}");
        assert_eq!(headers["cache-control"], "public, max-age=31536000, immutable", "{accept:?}");
        let vary: Vec<_> = headers.get_all("vary").iter().map(|v| v.to_str().unwrap().to_owned()).collect();
        assert!(vary.join(",").contains("accept-encoding"), "{accept:?}: {vary:?}");
        assert_eq!(&response.bytes().await.unwrap()[..], body, "{accept:?}");
    }
    // The compressed forms are not files of their own.
    for form in [".br", ".gz"] {
        let body = app.expect_error(&format!("{wasm}{form}"), StatusCode::NOT_FOUND).await;
        assert_eq!(body.error.code, "not_found");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn the_embed_page_carries_validated_attributes_and_allows_framing() {
    let (app, dir) = app_with_widget_dir(false).await;
    let page = app
        .get("/embed?district=nanhai&category=scenic_discount&lang=en&theme=dark&limit=5&my-card=off&events=off")
        .await;
    assert_eq!(page.status(), StatusCode::OK);
    let csp = page.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert!(csp.contains("'wasm-unsafe-eval'") && csp.contains("frame-ancestors *"), "{csp}");
    assert!(csp.contains("frame-src 'self'"), "the widget frames My card from our origin: {csp}");
    let html = page.text().await.unwrap();
    assert!(html.contains(
        r#"<linan-benefits district="nanhai" category="scenic_discount" lang="en" theme="dark" limit="5" my-card="off" events="off"></linan-benefits>"#
    ));
    assert!(html.contains(r#"<html lang="en">"#));
    for (query, param) in [
        ("theme=blue", "theme"),
        ("district=%3Cscript%3E", "district"),
        ("limit=1000", "limit"),
        ("my-card=maybe", "my-card"),
        ("events=no", "events"),
    ] {
        let body = app.expect_error(&format!("/embed?{query}"), StatusCode::BAD_REQUEST).await;
        assert_eq!(body.error.param.as_deref(), Some(param));
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn the_my_card_page_talks_only_to_the_origin_it_is_given() {
    let (app, dir) = app_with_widget_dir(false).await;
    let page = app.get("/embed/my-card?lang=zh-HK&theme=dark&origin=https%3A%2F%2Fwww.nanhai.gov.cn").await;
    assert_eq!(page.status(), StatusCode::OK);
    let csp = page.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval'") && csp.contains("connect-src 'self'"), "{csp}");
    assert!(csp.contains("frame-ancestors *"), "framable as /embed is, until embed sites are registered: {csp}");
    let html = page.text().await.unwrap();
    assert!(html.contains(
        r#"<main id="linan-my-card" data-lang="zh-HK" data-theme="dark" data-origin="https://www.nanhai.gov.cn"></main>"#
    ));
    assert!(html.contains(r#"<script type="module" src="/widget/linan-my-card.js"></script>"#));
    for (query, param) in [
        ("origin=https%3A%2F%2Fa.cn%2Fpath", "origin"),
        ("origin=javascript%3Aalert(1)", "origin"),
        ("origin=https%3A%2F%2Fa.cn%22%3E%3Cscript%3E", "origin"),
        ("lang=fr", "lang"),
        ("theme=blue", "theme"),
    ] {
        let body = app.expect_error(&format!("/embed/my-card?{query}"), StatusCode::BAD_REQUEST).await;
        assert_eq!(body.error.param.as_deref(), Some(param), "{query}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn the_demo_host_page_embeds_two_widgets_and_shows_the_snippet() {
    let (app, dir) = app_with_widget_dir(false).await;
    let html = app.get("/").await.text().await.unwrap();
    assert_eq!(html.matches("<linan-benefits ").count(), 2);
    assert!(
        html.contains("&lt;script type=&quot;module&quot; src=&quot;http://127.0.0.1:"),
        "the snippet is shown as text"
    );
    assert!(html.contains("div:empty { display: none !important; }"), "the host CSS is hostile");
    assert!(html.contains(r#"<script src="/demo/hostile.js"></script>"#), "and so is its script");
    let spy = app.get("/demo/hostile.js").await;
    assert_eq!(spy.headers()["content-type"], "text/javascript; charset=utf-8");
    assert!(spy.text().await.unwrap().contains("addEventListener(type"));
    let _ = std::fs::remove_dir_all(dir);

    let (production, dir) = app_with_widget_dir(true).await;
    production.expect_error("/", StatusCode::NOT_FOUND).await;
    production.expect_error("/demo/hostile.js", StatusCode::NOT_FOUND).await;
    let _ = std::fs::remove_dir_all(dir);
}
