//! Read-then-write under concurrency: two requests that both read "free"
//! (or the same version) and both write. One wins; the other gets a clear
//! 409, never a 500 (see docs/security.md, "Read-then-write under concurrency").

use linan_tests::{
    TestApp, db_tests,
    fixtures::{benefit_input, zh},
    linan_shared::{OfferDto, SignupRequest},
    session::{PASSWORD, partner_input},
};
use reqwest::{Method, StatusCode};
use serde_json::json;

db_tests!(Demo => {
    two_simultaneous_approvals_of_one_offer_give_one_200_and_one_409,
    two_simultaneous_sign_ups_with_one_email_give_one_201_and_one_409,
    two_simultaneous_recognition_rows_for_one_pair_give_one_201_and_one_409,
});

/// The statuses of two answers, sorted.
fn sorted(a: &reqwest::Response, b: &reqwest::Response) -> [StatusCode; 2] {
    let mut s = [a.status(), b.status()];
    s.sort();
    s
}

async fn two_simultaneous_approvals_of_one_offer_give_one_200_and_one_409(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let liwan = app.demo("liwan-admin@demo.linan").await;
    let alliance = app.demo("alliance@demo.linan").await;
    let draft: OfferDto = app
        .call(
            Method::POST,
            "/api/v1/merchant/offers",
            Some(&merchant),
            Some(&benefit_input(zh("并发审核"))),
            StatusCode::CREATED,
        )
        .await;
    let submit = format!("/api/v1/merchant/offers/{}/submit", draft.id);
    let pending: OfferDto = app
        .call(Method::POST, &submit, Some(&merchant), Some(&json!({"version": draft.version})), StatusCode::OK)
        .await;
    let approve = format!("/api/v1/admin/offers/{}/approve", pending.id);
    let body = json!({"version": pending.version});
    let (a, b) = tokio::join!(
        app.send(Method::POST, &approve, Some(&liwan), Some(&body)),
        app.send(Method::POST, &approve, Some(&alliance), Some(&body))
    );
    assert_eq!(sorted(&a, &b), [StatusCode::OK, StatusCode::CONFLICT]);
    let path = "/api/v1/admin/audit?action=offer.approve";
    let log: linan_tests::linan_shared::AuditPage =
        app.call::<(), _>(Method::GET, path, Some(&alliance), None, StatusCode::OK).await;
    assert_eq!(log.items.iter().filter(|e| e.entity_id == pending.id).count(), 1, "one decision recorded");
}

async fn two_simultaneous_sign_ups_with_one_email_give_one_201_and_one_409(app: TestApp) {
    for round in 0..3 {
        let request = |name: &str| SignupRequest {
            email: format!("race{round}@example.com"),
            password: PASSWORD.into(),
            partner: Some(partner_input("liwan", name)),
            invite: None,
            bearer: true,
        };
        let (first, second) = (request("甲店"), request("乙店"));
        let (a, b) = tokio::join!(
            app.send(Method::POST, "/api/v1/auth/signup", None, Some(&first)),
            app.send(Method::POST, "/api/v1/auth/signup", None, Some(&second))
        );
        assert_eq!(sorted(&a, &b), [StatusCode::CREATED, StatusCode::CONFLICT], "round {round}");
    }
}

async fn two_simultaneous_recognition_rows_for_one_pair_give_one_201_and_one_409(app: TestApp) {
    let alliance = app.demo("alliance@demo.linan").await;
    let pairs = [("A", "A"), ("B", "B"), ("C", "C")];
    for (from, to) in pairs {
        let row =
            json!({"from_scheme": "liwan_talent", "from_tier": from, "to_scheme": "youyue_foshan", "to_tier": to});
        let (a, b) = tokio::join!(
            app.send(Method::POST, "/api/v1/admin/recognitions", Some(&alliance), Some(&row)),
            app.send(Method::POST, "/api/v1/admin/recognitions", Some(&alliance), Some(&row))
        );
        let statuses = sorted(&a, &b);
        // A pair the demo has already is 409 twice; a new one is one 201 and one 409.
        assert!(
            statuses == [StatusCode::CREATED, StatusCode::CONFLICT] || statuses == [StatusCode::CONFLICT; 2],
            "{from}⇒{to}: {statuses:?}"
        );
    }
}
