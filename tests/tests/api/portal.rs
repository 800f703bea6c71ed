//! `/portal`: the built portal is served with a strict CSP, hashed files are
//! immutable, and nothing outside its folder is reachable.

use linan_tests::{Db, Seed, spawn_app_with};
use reqwest::StatusCode;

#[tokio::test]
async fn the_portal_is_served_with_a_strict_policy() {
    let dir = std::env::temp_dir().join(format!("linan-portal-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html><title>portal</title>").unwrap();
    std::fs::write(dir.join("linan_portal_bg.0123abcd.wasm"), b"\0asm").unwrap();
    let portal_dir = dir.clone();
    let app = spawn_app_with(Db::Sqlite, Seed::Empty, move |c| c.portal_dir = portal_dir).await.unwrap();

    for path in ["/portal", "/portal/"] {
        let page = app.get(path).await;
        assert_eq!(page.status(), StatusCode::OK, "{path}");
        assert_eq!(page.headers()["content-type"], "text/html; charset=utf-8");
        assert_eq!(page.headers()["cache-control"], "no-cache");
        let csp = page.headers()["content-security-policy"].to_str().unwrap().to_owned();
        for directive in ["default-src 'self'", "'wasm-unsafe-eval'", "frame-ancestors 'none'"] {
            assert!(csp.contains(directive), "{csp} lacks {directive}");
        }
        assert!(!csp.contains("unsafe-inline"), "{csp}");
    }
    let wasm = app.get("/portal/linan_portal_bg.0123abcd.wasm").await;
    assert_eq!(wasm.headers()["content-type"], "application/wasm");
    assert!(wasm.headers()["cache-control"].to_str().unwrap().contains("immutable"));
    for bad in ["/portal/..%2FCargo.toml", "/portal/.hidden.js", "/portal/missing.js", "/portal/index.txt"] {
        assert_eq!(app.get(bad).await.status(), StatusCode::NOT_FOUND, "{bad}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
