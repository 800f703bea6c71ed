//! Accounts and sessions: sign-up, sign-in (same answer for unknown email and
//! wrong password), cookies with CSRF, bearer tokens, logout, password
//! change, staff invitations, the throttle, and `linan admin create`.

use linan_tests::{
    TestApp, db_tests,
    linan_shared::{
        AccountList, InviteDto, InviteRequest, LoginRequest, PasswordChange, Role, SessionDto, SignupRequest,
    },
    session::{PASSWORD, partner_input},
};
use reqwest::{Method, StatusCode};
use serde_json::json;

db_tests!(Demo => {
    sign_up_registers_a_pending_partner_and_signs_in,
    sign_up_refuses_bad_input_and_taken_emails,
    login_answers_the_same_for_unknown_email_and_wrong_password,
    cookie_sessions_need_the_csrf_header_to_change_state,
    logout_ends_the_session,
    password_change_keeps_this_session_and_ends_the_others,
    owners_invite_staff_who_join_their_partner,
    login_is_throttled_per_account,
    passwords_are_stored_only_as_argon2id_hashes,
    admins_are_created_by_the_command_only_with_valid_input,
});

async fn sign_up_registers_a_pending_partner_and_signs_in(app: TestApp) {
    let who = app.sign_up("Owner@Example.CN", "nanhai", "南海测试茶楼").await;
    let account = &who.session.account;
    assert_eq!((account.email.as_str(), account.role, account.owner), ("owner@example.cn", Role::Merchant, true));
    let me: SessionDto = app.call::<(), _>(Method::GET, "/api/v1/auth/me", Some(&who), None, StatusCode::OK).await;
    assert_eq!(me.account, *account);
    assert!(me.token.is_none(), "the token is only given at sign-in");
    let partner: linan_tests::linan_shared::PartnerProfileDto =
        app.call::<(), _>(Method::GET, "/api/v1/merchant/partner", Some(&who), None, StatusCode::OK).await;
    assert_eq!(partner.status, linan_tests::linan_shared::PartnerStatus::Pending);
    assert_eq!(partner.profile.name.zh_cn, "南海测试茶楼");
    // Pending partners are not public.
    app.expect_error(&format!("/api/v1/partners/{}", partner.id), StatusCode::NOT_FOUND).await;
}

async fn sign_up_refuses_bad_input_and_taken_emails(app: TestApp) {
    let mut request = SignupRequest {
        email: "not-an-email".into(),
        password: PASSWORD.into(),
        partner: Some(partner_input("liwan", "荔湾测试店")),
        invite: None,
        bearer: true,
    };
    let body = app
        .refused(
            Method::POST,
            "/api/v1/auth/signup",
            None,
            Some(&request),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
        )
        .await;
    assert_eq!(body.error.param.as_deref(), Some("email"));
    request.email = "short@example.cn".into();
    request.password = "short".into();
    let body = app
        .refused(
            Method::POST,
            "/api/v1/auth/signup",
            None,
            Some(&request),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
        )
        .await;
    assert_eq!(body.error.param.as_deref(), Some("password"));
    request.password = PASSWORD.into();
    request.partner.as_mut().unwrap().name.zh_cn = String::new();
    let body = app
        .refused(
            Method::POST,
            "/api/v1/auth/signup",
            None,
            Some(&request),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
        )
        .await;
    assert_eq!(body.error.param.as_deref(), Some("partner.name.zh-CN"));
    request.email = "merchant1@demo.linan".into();
    request.partner = Some(partner_input("liwan", "荔湾测试店"));
    app.refused(Method::POST, "/api/v1/auth/signup", None, Some(&request), StatusCode::CONFLICT, "conflict").await;
    // Malformed JSON is a 400 with the error body, not axum's plain text.
    let response = app
        .client
        .post(format!("{}/api/v1/auth/signup", app.address))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: linan_tests::linan_shared::ErrorBody = response.json().await.unwrap();
    assert_eq!(body.error.param.as_deref(), Some("body"));
    // Nothing was half-written: the refused sign-ups left no partner behind.
    let pending: linan_tests::linan_shared::PartnerList = app
        .call::<(), _>(
            Method::GET,
            "/api/v1/admin/partners",
            Some(&app.demo("alliance@demo.linan").await),
            None,
            StatusCode::OK,
        )
        .await;
    assert!(pending.items.iter().all(|p| p.profile.name.zh_cn != "荔湾测试店"));
}

async fn login_answers_the_same_for_unknown_email_and_wrong_password(app: TestApp) {
    let wrong = LoginRequest { email: "merchant1@demo.linan".into(), password: "wrong password!".into(), bearer: true };
    let unknown = LoginRequest { email: "nobody@demo.linan".into(), password: "wrong password!".into(), bearer: true };
    let a = app
        .refused(
            Method::POST,
            "/api/v1/auth/login",
            None,
            Some(&wrong),
            StatusCode::UNAUTHORIZED,
            "invalid_credentials",
        )
        .await;
    let b = app
        .refused(
            Method::POST,
            "/api/v1/auth/login",
            None,
            Some(&unknown),
            StatusCode::UNAUTHORIZED,
            "invalid_credentials",
        )
        .await;
    assert_eq!(a, b);
    // Emails match in any case.
    let who = app.login("Merchant1@Demo.Linan", PASSWORD).await;
    assert_eq!(who.session.account.email, "merchant1@demo.linan");
}

async fn cookie_sessions_need_the_csrf_header_to_change_state(app: TestApp) {
    let client = reqwest::Client::builder().cookie_store(true).build().unwrap();
    let url = |p: &str| format!("{}{p}", app.address);
    let response = client
        .post(url("/api/v1/auth/login"))
        .json(&json!({"email": "merchant1@demo.linan", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let cookie = response.headers()["set-cookie"].to_str().unwrap().to_owned();
    for attribute in ["linan_session=", "HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(attribute), "{cookie} lacks {attribute}");
    }
    assert!(!cookie.contains("Secure"), "local mode serves plain HTTP: {cookie}");
    let session: SessionDto = response.json().await.unwrap();
    assert!(session.token.is_none(), "a cookie session does not expose its token");
    // Reads work with the cookie alone.
    assert_eq!(client.get(url("/api/v1/merchant/offers")).send().await.unwrap().status(), StatusCode::OK);
    // Writes need the CSRF token.
    let input = linan_tests::fixtures::benefit_input(linan_tests::fixtures::zh("CSRF 测试"));
    let without = client.post(url("/api/v1/merchant/offers")).json(&input).send().await.unwrap();
    assert_eq!(without.status(), StatusCode::FORBIDDEN);
    let wrong =
        client.post(url("/api/v1/merchant/offers")).header("x-csrf-token", "nope").json(&input).send().await.unwrap();
    assert_eq!(wrong.status(), StatusCode::FORBIDDEN);
    let right = client
        .post(url("/api/v1/merchant/offers"))
        .header("x-csrf-token", &session.csrf_token)
        .json(&input)
        .send()
        .await
        .unwrap();
    assert_eq!(right.status(), StatusCode::CREATED);
}

async fn logout_ends_the_session(app: TestApp) {
    let who = app.demo("merchant2@demo.linan").await;
    let response = app.send::<()>(Method::POST, "/api/v1/auth/logout", Some(&who), None).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    app.refused::<()>(Method::GET, "/api/v1/auth/me", Some(&who), None, StatusCode::UNAUTHORIZED, "unauthenticated")
        .await;
    let forged = linan_tests::session::Who { token: "not-a-token".into(), session: who.session.clone() };
    app.refused::<()>(Method::GET, "/api/v1/auth/me", Some(&forged), None, StatusCode::UNAUTHORIZED, "unauthenticated")
        .await;
}

async fn password_change_keeps_this_session_and_ends_the_others(app: TestApp) {
    let first = app.demo("merchant1@demo.linan").await;
    let second = app.demo("merchant1@demo.linan").await;
    let wrong = PasswordChange { current: "not it at all".into(), new: "a brand new password".into() };
    let body = app
        .refused(
            Method::POST,
            "/api/v1/auth/password",
            Some(&first),
            Some(&wrong),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
        )
        .await;
    assert_eq!(body.error.param.as_deref(), Some("current"));
    let change = PasswordChange { current: PASSWORD.into(), new: "a brand new password".into() };
    let response = app.send(Method::POST, "/api/v1/auth/password", Some(&first), Some(&change)).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let _: SessionDto = app.call::<(), _>(Method::GET, "/api/v1/auth/me", Some(&first), None, StatusCode::OK).await;
    app.refused::<()>(Method::GET, "/api/v1/auth/me", Some(&second), None, StatusCode::UNAUTHORIZED, "unauthenticated")
        .await;
    let old = LoginRequest { email: "merchant1@demo.linan".into(), password: PASSWORD.into(), bearer: true };
    app.refused(Method::POST, "/api/v1/auth/login", None, Some(&old), StatusCode::UNAUTHORIZED, "invalid_credentials")
        .await;
    app.login("merchant1@demo.linan", "a brand new password").await;
}

async fn owners_invite_staff_who_join_their_partner(app: TestApp) {
    let owner = app.demo("merchant1@demo.linan").await;
    let invite: InviteDto = app
        .call(
            Method::POST,
            "/api/v1/merchant/staff/invites",
            Some(&owner),
            Some(&InviteRequest { email: "Staff@Example.cn".into() }),
            StatusCode::CREATED,
        )
        .await;
    // Only the invited email can use the code.
    let mut request = SignupRequest {
        email: "other@example.cn".into(),
        password: PASSWORD.into(),
        partner: None,
        invite: Some(invite.code.clone()),
        bearer: true,
    };
    app.refused(
        Method::POST,
        "/api/v1/auth/signup",
        None,
        Some(&request),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_field",
    )
    .await;
    request.email = "staff@example.cn".into();
    let staff: SessionDto =
        app.call(Method::POST, "/api/v1/auth/signup", None, Some(&request), StatusCode::CREATED).await;
    assert_eq!(staff.account.partner_id, owner.session.account.partner_id);
    assert!(!staff.account.owner);
    // The code works once.
    request.email = "staff@example.cn".into();
    app.refused(Method::POST, "/api/v1/auth/signup", None, Some(&request), StatusCode::CONFLICT, "conflict").await;
    let list: AccountList =
        app.call::<(), _>(Method::GET, "/api/v1/merchant/staff", Some(&owner), None, StatusCode::OK).await;
    assert_eq!(list.items.len(), 2);
    // Staff cannot invite.
    let staff_who = linan_tests::session::Who { token: staff.token.clone().unwrap(), session: staff };
    app.refused(
        Method::POST,
        "/api/v1/merchant/staff/invites",
        Some(&staff_who),
        Some(&InviteRequest { email: "third@example.cn".into() }),
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
}

async fn login_is_throttled_per_account(app: TestApp) {
    let wrong =
        LoginRequest { email: "nanhai-admin@demo.linan".into(), password: "guess guess guess".into(), bearer: true };
    app.wrong_logins(&wrong.email, linan_tests::linan_backend::auth::LOGIN_PER_ACCOUNT.burst).await;
    let response = app.send(Method::POST, "/api/v1/auth/login", None, Some(&wrong)).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(response.headers().contains_key("retry-after"));
    // Even the right password waits now; other accounts do not.
    let right = LoginRequest { password: PASSWORD.into(), ..wrong };
    app.refused(
        Method::POST,
        "/api/v1/auth/login",
        None,
        Some(&right),
        StatusCode::TOO_MANY_REQUESTS,
        "too_many_requests",
    )
    .await;
    app.demo("liwan-admin@demo.linan").await;
}

async fn passwords_are_stored_only_as_argon2id_hashes(app: TestApp) {
    use linan_tests::linan_backend::entity::{account, session};
    use sea_orm::EntityTrait;
    let who = app.demo("merchant2@demo.linan").await;
    for a in account::Entity::find().all(&app.state.db).await.unwrap() {
        assert!(a.password_hash.starts_with("$argon2id$"), "{}", a.email);
        assert!(!a.password_hash.contains(PASSWORD));
    }
    for s in session::Entity::find().all(&app.state.db).await.unwrap() {
        assert_ne!(s.token_hash, who.token, "the session token itself is never stored");
    }
}

async fn admins_are_created_by_the_command_only_with_valid_input(app: TestApp) {
    use linan_tests::linan_backend::accounts::create_admin;
    let reference = app.reference().await;
    let db = &app.state.db;
    let good = "a long enough password";
    let now = app.state.clock.now();
    assert!(
        create_admin(db, &reference, "x@y.cn", Role::DistrictAdmin, None, good, now).await.is_err(),
        "needs a district"
    );
    assert!(create_admin(db, &reference, "x@y.cn", Role::DistrictAdmin, Some("atlantis"), good, now).await.is_err());
    assert!(create_admin(db, &reference, "x@y.cn", Role::AllianceAdmin, Some("liwan"), good, now).await.is_err());
    assert!(create_admin(db, &reference, "x@y.cn", Role::AllianceAdmin, None, "short", now).await.is_err());
    assert!(create_admin(db, &reference, "alliance@demo.linan", Role::AllianceAdmin, None, good, now).await.is_err());
    create_admin(db, &reference, "New-Admin@Y.cn", Role::DistrictAdmin, Some("nanhai"), good, now).await.unwrap();
    let who = app.login("new-admin@y.cn", good).await;
    assert_eq!(who.session.account.role, Role::DistrictAdmin);
    assert_eq!(who.session.account.district.as_ref().map(|d| d.as_str()), Some("nanhai"));
}
