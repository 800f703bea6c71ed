//! Helpers of the counter tests: the demo holder's cards, card sessions,
//! offers of merchant1's partner, and redemption requests.

use chrono::Duration;
use linan_tests::{
    TestApp,
    fixtures::{benefit_input, rule, zh},
    linan_backend::calendar::from_naive,
    linan_shared::{CardSessionDto, LocalizedText, Quota, QuotaPeriod},
    session::Who,
    today,
};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

/// 陈小荔 holds both a Liwan (A) and a Youyue (A) card; see the demo cards.
pub(super) const LIWAN_A: &str = "LW2026000014";
/// The holder's Youyue Foshan Card.
pub(super) const YOUYUE_A: &str = "YF202600000014";
/// The holder's name: printed on the card, seen at every counter, and so never a factor.
pub(super) const HOLDER: &str = "陈小荔";

/// The demo cards' second factors: the ID number's last 4 characters and
/// the birth date inside it (see `backend/src/demo/cards.csv`).
pub(super) fn factor(number: &str) -> (&'static str, &'static str) {
    match number {
        LIWAN_A | YOUYUE_A => ("0014", "1990-01-01"),
        "LW2026000022" => ("0023", "1985-05-05"),
        "LW2026000030" => ("0032", "1992-02-02"),
        "YF202600000022" => ("0043", "1988-08-08"),
        "YF202600000030" => ("005X", "1995-03-15"),
        "YF202600000048" => ("0066", "1979-11-11"),
        "YF202600000055" | "YF202600000063" => ("0075", "2000-06-06"),
        other => panic!("no demo card {other}"),
    }
}

/// The card-number fallback at the counter: the number with its holder's factor.
pub(super) fn proof(number: &str) -> Value {
    let (id_last4, birth_date) = factor(number);
    json!({"card_number": number, "id_last4": id_last4, "birth_date": birth_date})
}

/// A redemption request of `benefit` for card `number`, by the card-number fallback.
pub(super) fn redemption(benefit: i64, number: &str) -> Value {
    let mut body = proof(number);
    body["benefit_id"] = json!(benefit);
    body
}

/// `POST /api/v1/cardholder/session` with `body`, from `address` when the
/// app trusts `X-Forwarded-For`.
pub(super) async fn sign_in_from(app: &TestApp, address: &str, body: &Value) -> reqwest::Response {
    app.client
        .post(format!("{}/api/v1/cardholder/session", app.address))
        .header("x-forwarded-for", address)
        .json(body)
        .send()
        .await
        .unwrap()
}

/// A card session of a demo card, signed in with its factor.
pub(super) async fn signed_in(app: &TestApp, number: &str) -> CardSessionDto {
    app.call(Method::POST, "/api/v1/cardholder/session", None, Some(&proof(number)), StatusCode::OK).await
}

/// `POST /api/v1/merchant/counter/verify` with `body`.
pub(super) async fn verify(app: &TestApp, merchant: &Who, body: &Value) -> reqwest::Response {
    app.send(Method::POST, "/api/v1/merchant/counter/verify", Some(merchant), Some(body)).await
}

pub(super) fn card_who(session: &CardSessionDto) -> Who {
    Who {
        token: session.token.clone(),
        session: linan_tests::linan_shared::SessionDto {
            account: linan_tests::linan_shared::AccountDto {
                id: 0,
                email: String::new(),
                role: linan_tests::linan_shared::Role::Merchant,
                district: None,
                partner_id: None,
                owner: false,
            },
            csrf_token: String::new(),
            expires_at: session.expires_at.clone(),
            token: None,
        },
    }
}

/// A published offer of merchant1's partner (Liwan) open to both schemes' C and above.
pub(super) async fn offer(app: &TestApp, merchant: &Who, title: &str, quota: Quota) -> i64 {
    offer_titled(app, merchant, zh(title), quota).await
}

/// [`offer`] with a title in more than one language.
pub(super) async fn offer_titled(app: &TestApp, merchant: &Who, title: LocalizedText, quota: Quota) -> i64 {
    let mut input = benefit_input(title);
    input.quota = quota;
    // Long enough for the tests that move the clock into the next month.
    input.validity.until = from_naive(today() + Duration::days(70));
    input.eligibility = vec![rule("liwan_talent", "C"), rule("youyue_foshan", "C")];
    app.add_benefit(merchant.session.account.partner_id.unwrap(), &input).await
}

pub(super) fn once_for_life() -> Quota {
    Quota { per_person_limit: Some(1), per_person_period: Some(QuotaPeriod::Lifetime), daily_stock: None }
}

pub(super) async fn redeem(app: &TestApp, merchant: &Who, key: &str, body: Value) -> reqwest::Response {
    app.client
        .post(format!("{}/api/v1/redemptions", app.address))
        .bearer_auth(&merchant.token)
        .header("idempotency-key", key)
        .json(&body)
        .send()
        .await
        .unwrap()
}

pub(super) async fn redeem_card(
    app: &TestApp,
    merchant: &Who,
    key: &str,
    benefit: i64,
    number: &str,
) -> reqwest::Response {
    redeem(app, merchant, key, redemption(benefit, number)).await
}

pub(super) async fn code_of(response: reqwest::Response) -> String {
    let body: Value = response.json().await.unwrap();
    body["error"]["code"].as_str().unwrap_or("none").to_owned()
}
