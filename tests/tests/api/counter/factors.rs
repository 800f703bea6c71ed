//! The cardholder's second factor — the ID number's last 4 characters and
//! the birth date, never the name printed on the card — and the budgets
//! that bound guessing it: per card (whatever the address), per address
//! (an IPv6 /64 is one), and at the counter per card, merchant account and
//! partner, each counter use audited without the factor.

use linan_tests::{
    TestApp, db_tests,
    linan_backend::auth::{CARD_FACTOR_PER_CARD, CARD_SIGN_IN_PER_ADDRESS, COUNTER_CARD_PER_ACCOUNT},
    linan_shared::{AuditPage, CardSessionDto, ErrorBody},
    session::Who,
};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::support::*;

db_tests!(Demo => {
    the_holders_name_never_signs_in_nor_passes_the_counter,
    a_cardholder_signs_in_with_the_ids_last_4_and_birth_date,
    malformed_factors_get_clear_422s_and_leave_no_throttle_row,
    guessing_one_cards_factor_from_many_addresses_meets_429_within_its_budget,
    card_sign_in_is_throttled_per_address_and_an_ipv6_64_is_one_address,
    the_counter_fallback_is_throttled_per_card_over_all_counters,
    the_counter_fallback_is_throttled_per_merchant_account_and_per_partner,
    every_counter_fallback_is_audited_without_the_factor,
});

const SESSION: &str = "/api/v1/cardholder/session";

async fn the_holders_name_never_signs_in_nor_passes_the_counter(app: TestApp) {
    // The old form: the name as the "second factor".
    let named = json!({"card_number": LIWAN_A, "second_factor": HOLDER});
    let body: ErrorBody = app.call(Method::POST, SESSION, None, Some(&named), StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(body.error.param.as_deref(), Some("id_last4"), "{}", body.error.message);
    // The name typed into the new fields.
    let named = json!({"card_number": LIWAN_A, "id_last4": HOLDER, "birth_date": HOLDER});
    app.refused(Method::POST, SESSION, None, Some(&named), StatusCode::UNPROCESSABLE_ENTITY, "invalid_field").await;
    // At the counter, neither.
    let merchant = app.demo("merchant1@demo.linan").await;
    let body = json!({"card_number": LIWAN_A, "second_factor": HOLDER});
    assert_eq!(verify(&app, &merchant, &body).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let id = offer(&app, &merchant, "姓名不是密码", once_for_life()).await;
    let response =
        redeem(&app, &merchant, "name", json!({"benefit_id": id, "card_number": LIWAN_A, "second_factor": HOLDER}))
            .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

async fn a_cardholder_signs_in_with_the_ids_last_4_and_birth_date(app: TestApp) {
    let session = signed_in(&app, LIWAN_A).await;
    assert_eq!(session.card.number, LIWAN_A);
    // Blanks and case do not matter; the date may also be written YYYYMMDD.
    let loose = json!({"card_number": "yf 2026 0000 0030", "id_last4": " 005x ", "birth_date": "19950315"});
    let session: CardSessionDto = app.call(Method::POST, SESSION, None, Some(&loose), StatusCode::OK).await;
    assert_eq!(session.card.number, "YF202600000030");
    // One half right is wrong, and it reads exactly like an unknown card.
    let wrong_date = json!({"card_number": LIWAN_A, "id_last4": "0014", "birth_date": "1990-01-02"});
    let wrong_last4 = json!({"card_number": LIWAN_A, "id_last4": "0015", "birth_date": "1990-01-01"});
    let unknown = json!({"card_number": "LW9999999999", "id_last4": "0014", "birth_date": "1990-01-01"});
    let mut answers = Vec::new();
    for body in [wrong_date, wrong_last4, unknown] {
        let error = app
            .refused(Method::POST, SESSION, None, Some(&body), StatusCode::UNAUTHORIZED, "invalid_credentials")
            .await;
        answers.push(error);
    }
    assert!(answers.windows(2).all(|w| w[0] == w[1]), "{answers:?}");
    // The refusal speaks of what the holder typed, not of an e-mail and password.
    let message = &answers[0].error.message;
    assert!(message.contains("card number") && message.contains("birth date"), "{message}");
    assert!(!message.contains("email") && !message.contains("password"), "{message}");
}

async fn malformed_factors_get_clear_422s_and_leave_no_throttle_row(app: TestApp) {
    let long_number = "LW".repeat(50_000);
    for (body, param) in [
        (json!({"card_number": LIWAN_A, "id_last4": "14", "birth_date": "1990-01-01"}), "id_last4"),
        (json!({"card_number": LIWAN_A, "id_last4": "00a4", "birth_date": "1990-01-01"}), "id_last4"),
        (json!({"card_number": LIWAN_A, "id_last4": "0014", "birth_date": "1990-13-01"}), "birth_date"),
        (json!({"card_number": LIWAN_A, "id_last4": "0014"}), "birth_date"),
        (json!({"card_number": " ", "id_last4": "0014", "birth_date": "1990-01-01"}), "card_number"),
        (json!({"card_number": long_number, "id_last4": "0014", "birth_date": "1990-01-01"}), "card_number"),
    ] {
        let error = app
            .refused(Method::POST, SESSION, None, Some(&body), StatusCode::UNPROCESSABLE_ENTITY, "invalid_field")
            .await;
        assert_eq!(error.error.param.as_deref(), Some(param), "{body}: {}", error.error.message);
    }
    assert_eq!(app.throttle_keys().await, Vec::<String>::new(), "refused before any budget is touched");
}

async fn guessing_one_cards_factor_from_many_addresses_meets_429_within_its_budget(app: TestApp) {
    let proxy = app.replica_with(|c| c.trust_forwarded_for = true).await;
    let wrong = json!({"card_number": "LW2026000022", "id_last4": "0023", "birth_date": "1985-05-06"});
    for i in 0..CARD_FACTOR_PER_CARD.burst {
        let response = sign_in_from(&proxy, &format!("10.0.{i}.1"), &wrong).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "guess {i}");
    }
    let response = sign_in_from(&proxy, "10.1.0.1", &wrong).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS, "a fresh address does not reset the card's budget");
    assert!(response.headers().contains_key("retry-after"));
    // Even the right factor waits now: the answer says nothing about the guess.
    let response = sign_in_from(&proxy, "10.2.0.1", &proof("LW2026000022")).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    // Other cards are not held up.
    assert_eq!(sign_in_from(&proxy, "10.3.0.1", &proof(LIWAN_A)).await.status(), StatusCode::OK);
}

async fn card_sign_in_is_throttled_per_address_and_an_ipv6_64_is_one_address(app: TestApp) {
    let proxy = app.replica_with(|c| c.trust_forwarded_for = true).await;
    // Each attempt names another (unknown) card, so only the address budget counts.
    let attempt =
        |i: u32| json!({"card_number": format!("LW90000{i:05}"), "id_last4": "0000", "birth_date": "1990-01-01"});
    for i in 0..CARD_SIGN_IN_PER_ADDRESS.burst {
        let address = format!("2001:db8:1:2::{:x}", i + 1);
        assert_eq!(sign_in_from(&proxy, &address, &attempt(i)).await.status(), StatusCode::UNAUTHORIZED, "{address}");
    }
    let response = sign_in_from(&proxy, "2001:db8:1:2:ffff:ffff:ffff:fffe", &attempt(100)).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS, "the same /64");
    let response = sign_in_from(&proxy, "2001:db8:1:3::1", &attempt(101)).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "the next /64 is another address");
}

/// A wrong factor for `number` at the counter.
fn wrong_for(number: &str) -> Value {
    json!({"card_number": number, "id_last4": "9999", "birth_date": "1901-01-01"})
}

async fn the_counter_fallback_is_throttled_per_card_over_all_counters(app: TestApp) {
    let counters = [app.demo("merchant1@demo.linan").await, app.demo("merchant2@demo.linan").await];
    for i in 0..CARD_FACTOR_PER_CARD.burst as usize {
        let response = verify(&app, &counters[i % 2], &wrong_for("LW2026000022")).await;
        assert_eq!(code_of(response).await, "invalid_credentials", "guess {i}");
    }
    let response = verify(&app, &counters[0], &wrong_for("LW2026000022")).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    // The card's budget is one, at the counter and at sign-in.
    let response = app.send(Method::POST, SESSION, None, Some(&proof("LW2026000022"))).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    // The holder's code still works at the counter.
    let who = card_who(&signed_in(&app, LIWAN_A).await);
    let code: linan_tests::linan_shared::CounterCodeDto =
        app.call::<(), _>(Method::GET, "/api/v1/cardholder/code", Some(&who), None, StatusCode::OK).await;
    assert_eq!(verify(&app, &counters[1], &json!({"code": code.code})).await.status(), StatusCode::OK);
}

/// `n` wrong factors for made-up cards (one each, so no card's budget counts).
async fn guess_cards(app: &TestApp, who: &Who, from: u32, n: u32) {
    for i in from..from + n {
        let response = verify(app, who, &wrong_for(&format!("LW91000{i:05}"))).await;
        assert_eq!(code_of(response).await, "invalid_credentials", "guess {i}");
    }
}

async fn the_counter_fallback_is_throttled_per_merchant_account_and_per_partner(app: TestApp) {
    let owner = app.demo("merchant1@demo.linan").await;
    let per_account = COUNTER_CARD_PER_ACCOUNT.burst;
    guess_cards(&app, &owner, 0, per_account).await;
    let response = verify(&app, &owner, &wrong_for("LW9200000001")).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS, "the account's budget");
    let other = app.demo("merchant2@demo.linan").await;
    guess_cards(&app, &other, 100, 1).await;
    // A colleague has an account budget of their own, but shares the partner's.
    let partner_left = linan_tests::linan_backend::auth::COUNTER_CARD_PER_PARTNER.burst - per_account;
    assert!(partner_left < per_account, "the test reaches the partner's budget before the colleague's");
    let invite: linan_tests::linan_shared::InviteDto = app
        .call(
            Method::POST,
            "/api/v1/merchant/staff/invites",
            Some(&owner),
            Some(&json!({"email": "desk@example.cn"})),
            StatusCode::CREATED,
        )
        .await;
    let signup = json!({"email": "desk@example.cn", "password": linan_tests::session::PASSWORD, "invite": invite.code, "bearer": true});
    let session: linan_tests::linan_shared::SessionDto =
        app.call(Method::POST, "/api/v1/auth/signup", None, Some(&signup), StatusCode::CREATED).await;
    let colleague = Who { token: session.token.clone().unwrap(), session };
    guess_cards(&app, &colleague, 200, partner_left).await;
    let response = verify(&app, &colleague, &wrong_for("LW9200000002")).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS, "the partner's budget");
}

async fn every_counter_fallback_is_audited_without_the_factor(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    assert_eq!(verify(&app, &merchant, &proof("LW2026000022")).await.status(), StatusCode::OK);
    assert_eq!(code_of(verify(&app, &merchant, &wrong_for("LW2026000022")).await).await, "invalid_credentials");
    let admin = app.demo("liwan-admin@demo.linan").await;
    let page: AuditPage = app
        .call::<(), _>(Method::GET, "/api/v1/admin/audit?action=counter.card_check", Some(&admin), None, StatusCode::OK)
        .await;
    assert_eq!(page.items.len(), 2, "{page:?}");
    for event in &page.items {
        assert_eq!(event.actor_email.as_deref(), Some("merchant1@demo.linan"));
        let after = event.after.as_ref().unwrap();
        assert_eq!(after["card_number"], "LW2026000022");
        // (Only what the event says: its request id is random hex.)
        let text = format!("{after} {:?}", event.before);
        for secret in ["0023", "1985", "9999", "1901"] {
            assert!(!text.contains(secret), "the factor ({secret}) is not in the log: {text}");
        }
    }
    let wrong: Vec<&Value> = page.items.iter().map(|e| &e.after.as_ref().unwrap()["wrong_factor"]).collect();
    assert_eq!(wrong, [&json!(true), &json!(false)], "newest first");
}
