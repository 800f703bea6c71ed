//! The budgets of the account routes and the throttle's own housekeeping:
//! over-long input is refused before it can become a throttle key, a
//! password change is throttled like a login, argon2 runs under a bounded
//! number of permits (503 with `Retry-After` beyond them), and expired
//! throttle state is forgotten, in the table and in memory.

use chrono::Duration;
use linan_tests::{
    TestApp, db_tests,
    linan_backend::auth::{CODE_ISSUE_PER_SESSION, PASSWORD_PER_ACCOUNT, ThrottleKey},
    linan_shared::{ErrorBody, LoginRequest, PasswordChange, SignupRequest},
    session::{PASSWORD, partner_input},
};
use reqwest::{Method, StatusCode};

db_tests!(Demo => {
    a_megabyte_email_at_login_or_signup_leaves_no_throttle_row,
    a_password_change_is_throttled_per_account,
    argon2_beyond_its_permits_answers_503_with_retry_after,
    expired_throttle_state_is_forgotten,
    a_burst_is_granted_whatever_order_its_requests_reach_the_database,
});

async fn a_megabyte_email_at_login_or_signup_leaves_no_throttle_row(app: TestApp) {
    // Just under the 1 MiB body limit, so the request reaches the handler.
    let email = format!("{}@example.cn", "a".repeat(1024 * 1024 - 1024));
    let login = LoginRequest { email: email.clone(), password: "whatever it is".into(), bearer: true };
    let body: ErrorBody =
        app.call(Method::POST, "/api/v1/auth/login", None, Some(&login), StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(body.error.param.as_deref(), Some("email"));
    let signup = SignupRequest {
        email,
        password: PASSWORD.into(),
        partner: Some(partner_input("liwan", "超长邮箱")),
        invite: None,
        bearer: true,
    };
    let body: ErrorBody =
        app.call(Method::POST, "/api/v1/auth/signup", None, Some(&signup), StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(body.error.param.as_deref(), Some("email"));
    assert_eq!(app.throttle_keys().await, Vec::<String>::new());
}

async fn a_password_change_is_throttled_per_account(app: TestApp) {
    let who = app.demo("merchant1@demo.linan").await;
    let guess = PasswordChange { current: "a guess at it".into(), new: "a brand new password".into() };
    for _ in 0..PASSWORD_PER_ACCOUNT.burst {
        app.refused(
            Method::POST,
            "/api/v1/auth/password",
            Some(&who),
            Some(&guess),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
        )
        .await;
    }
    let response = app.send(Method::POST, "/api/v1/auth/password", Some(&who), Some(&guess)).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(response.headers().contains_key("retry-after"));
    // Even the right password waits; another account does not.
    let right = PasswordChange { current: PASSWORD.into(), new: "a brand new password".into() };
    let response = app.send(Method::POST, "/api/v1/auth/password", Some(&who), Some(&right)).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let other = app.demo("merchant2@demo.linan").await;
    let response = app.send(Method::POST, "/api/v1/auth/password", Some(&other), Some(&guess)).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

async fn argon2_beyond_its_permits_answers_503_with_retry_after(app: TestApp) {
    let one = app.replica_with(|c| c.argon2_permits = Some(1)).await;
    let who = one.demo("merchant1@demo.linan").await;
    // Someone else's hash holds the only permit.
    let held = one.state.passwords.try_permit().unwrap();
    let login = LoginRequest { email: "merchant2@demo.linan".into(), password: PASSWORD.into(), bearer: true };
    let signup = SignupRequest {
        email: "busy@example.cn".into(),
        password: PASSWORD.into(),
        partner: Some(partner_input("nanhai", "繁忙时段")),
        invite: None,
        bearer: true,
    };
    let change = PasswordChange { current: PASSWORD.into(), new: "a brand new password".into() };
    for (path, response) in [
        ("login", one.send(Method::POST, "/api/v1/auth/login", None, Some(&login)).await),
        ("signup", one.send(Method::POST, "/api/v1/auth/signup", None, Some(&signup)).await),
        ("password", one.send(Method::POST, "/api/v1/auth/password", Some(&who), Some(&change)).await),
    ] {
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE, "{path}");
        assert_eq!(response.headers()["retry-after"], "1", "{path}");
        let body: ErrorBody = response.json().await.unwrap();
        assert_eq!(body.error.code, "busy", "{path}");
    }
    drop(held);
    one.demo("merchant2@demo.linan").await;
}

async fn expired_throttle_state_is_forgotten(app: TestApp) {
    app.wrong_logins("nanhai-admin@demo.linan", 3).await;
    assert!(app.throttle_keys().await.iter().any(|k| k.contains("nanhai-admin")));
    assert!(app.state.throttle.remembered() >= 2, "the address and the account");
    // A day later every budget is whole again: the state is worth nothing and goes.
    app.state.clock.advance(Duration::days(1));
    app.demo("liwan-admin@demo.linan").await;
    let keys = app.throttle_keys().await;
    assert!(!keys.iter().any(|k| k.contains("nanhai-admin")), "{keys:?}");
    assert!(app.state.throttle.remembered() <= 2, "only the last sign-in's keys stay in memory");
}

async fn a_burst_is_granted_whatever_order_its_requests_reach_the_database(app: TestApp) {
    // Simultaneous requests read the clock, then queue for the database:
    // the one that read it last may write first. Its later "now" must not
    // cost the others their burst.
    let key = ThrottleKey::new("code:session", "out-of-order");
    let (throttle, db, clock) = (&app.state.throttle, &app.state.db, &app.state.clock);
    clock.advance(Duration::milliseconds(40));
    throttle.check(db, &key, CODE_ISSUE_PER_SESSION).await.expect("the latest reading first");
    clock.advance(Duration::milliseconds(-40));
    for i in 1..CODE_ISSUE_PER_SESSION.burst {
        throttle.check(db, &key, CODE_ISSUE_PER_SESSION).await.unwrap_or_else(|e| panic!("attempt {i}: {e:?}"));
    }
    // The burst is spent, not widened.
    assert!(throttle.check(db, &key, CODE_ISSUE_PER_SESSION).await.is_err());
}
