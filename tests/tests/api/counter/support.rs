//! Helpers of the counter tests: the demo holder's cards, card sessions,
//! offers of merchant1's partner, and redemption requests.

use chrono::Duration;
use linan_tests::{
    TestApp,
    fixtures::{benefit_input, rule, zh},
    linan_backend::catalogue::{from_naive, today},
    linan_shared::{CardLogin, CardSessionDto, LocalizedText, Quota, QuotaPeriod},
    session::Who,
};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

/// 陈小荔 holds both a Liwan (A) and a Youyue (A) card; see the demo cards.
pub(super) const LIWAN_A: &str = "LW2026000014";
/// The holder's Youyue Foshan Card.
pub(super) const YOUYUE_A: &str = "YF202600000014";
/// The holder's name, one of the two second factors.
pub(super) const HOLDER: &str = "陈小荔";

pub(super) async fn card_session(app: &TestApp, number: &str, factor: &str) -> CardSessionDto {
    let body = CardLogin { card_number: number.into(), second_factor: factor.into() };
    app.call(Method::POST, "/api/v1/cardholder/session", None, Some(&body), StatusCode::OK).await
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
    redeem(app, merchant, key, json!({"benefit_id": benefit, "card_number": number, "second_factor": HOLDER})).await
}

pub(super) async fn code_of(response: reqwest::Response) -> String {
    let body: Value = response.json().await.unwrap();
    body["error"]["code"].as_str().unwrap_or("none").to_owned()
}
