//! The authorization matrix: every non-public route × {anonymous, merchant
//! of partner A, merchant of partner B, Liwan admin, Nanhai admin, alliance
//! admin, merchant of a partner pending review}, with the expected allow or
//! deny. The routes come from the OpenAPI
//! document, so a new route without a row here fails the test.
//!
//! "Denied" is 401 (no session), 403 (wrong role) or 404 (another partner's
//! or district's thing, whose existence is not revealed). "Allowed" is any
//! other answer: the request got past authorization (a 409 for a wrong state
//! or a 422 for a deliberately wrong password still proves that).

use std::collections::BTreeSet;

use linan_tests::{TestApp, db_tests, fixtures, linan_shared::OfferDto, session::Who};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

db_tests!(Demo => { every_non_public_route_allows_exactly_its_roles });

/// The roles of the matrix, in column order.
const ROLES: [&str; 7] =
    ["anonymous", "merchant A", "merchant B", "Liwan admin", "Nanhai admin", "alliance admin", "pending merchant"];

/// Routes anyone may call.
const PUBLIC: &[&str] = &[
    "GET /api/v1/benefits",
    "GET /api/v1/benefits/{id}",
    "GET /api/v1/events",
    "GET /api/v1/events/{id}",
    "GET /api/v1/events.ics",
    "GET /api/v1/events/{id}.ics",
    "GET /api/v1/partners/{id}",
    "GET /api/v1/districts",
    "GET /api/v1/categories",
    "GET /api/v1/card-schemes",
    "POST /api/v1/auth/signup",
    "POST /api/v1/auth/login",
    "POST /api/v1/cardholder/session",
    "GET /api/openapi.json",
    "GET /healthz",
    "GET /readyz",
    "GET /metrics",
    "GET /widget/{file}",
    "GET /embed",
    "GET /embed/my-card",
    "GET /demo/hostile.js",
    "GET /",
    "GET /portal",
    "GET /portal/{file}",
];

/// A Liwan demo card.
const CARD: &str = "LW2026000014";

/// Who may: anonymous, merchant A, merchant B, Liwan admin, Nanhai admin,
/// alliance admin, merchant of a pending partner.
type Allowed = [bool; 7];
const SIGNED_IN: Allowed = [false, true, true, true, true, true, true];
const MERCHANTS: Allowed = [false, true, true, false, false, false, true];
/// The counter: staff of approved partners only.
const COUNTER: Allowed = [false, true, true, false, false, false, false];
const OWN_OFFER: Allowed = [false, true, false, false, false, false, false];
/// An event's door: its partner's staff, and its district's and the alliance's admins.
const ORGANISER: Allowed = [false, true, false, true, false, true, false];
const ADMINS: Allowed = [false, false, false, true, true, true, false];
const LIWAN_ADMINS: Allowed = [false, false, false, true, false, true, false];
const ALLIANCE: Allowed = [false, false, false, false, false, true, false];
/// Cardholder routes take a card's token, which none of these roles has.
const NOBODY: Allowed = [false; 7];

/// The matrix: route, body, who may. `{offer}` is partner A's draft offer,
/// `{partner}` partner A (Liwan).
fn matrix() -> Vec<(&'static str, Value, Allowed)> {
    let offer = serde_json::to_value(fixtures::benefit_input(fixtures::zh("矩阵测试"))).unwrap();
    let version = json!({"version": 1});
    // A row that exists (Youyue T ⇒ Liwan C): creating it again is a 409, updating it changes nothing.
    let recognition =
        json!({"from_scheme": "youyue_foshan", "from_tier": "T", "to_scheme": "liwan_talent", "to_tier": "C"});
    let profile = serde_json::to_value(linan_tests::session::partner_input("liwan", "矩阵")).unwrap();
    let decision = json!({"version": 1, "reason": "matrix"});
    let card = json!({"card_number": CARD, "id_last4": "0014", "birth_date": "1990-01-01"});
    let event =
        serde_json::to_value(linan_tests::events::event_input("liwan", "矩阵活动", 10, linan_tests::now())).unwrap();
    let embed_site = |origin: &str| json!({"name": "矩阵站", "district": "liwan", "origins": [origin], "contact": "matrix", "active": true});
    vec![
        ("GET /api/v1/auth/me", Value::Null, SIGNED_IN),
        ("POST /api/v1/auth/password", json!({"current": "not the password", "new": "new password 123"}), SIGNED_IN),
        ("GET /api/v1/merchant/partner", Value::Null, MERCHANTS),
        ("PUT /api/v1/merchant/partner", json!({"version": 0, "profile": profile}), MERCHANTS),
        ("GET /api/v1/merchant/staff", Value::Null, MERCHANTS),
        ("GET /api/v1/merchant/staff/invites", Value::Null, MERCHANTS),
        ("POST /api/v1/merchant/staff/invites", json!({"email": "bad"}), MERCHANTS),
        ("DELETE /api/v1/merchant/staff/invites/{invite}", Value::Null, OWN_OFFER),
        ("DELETE /api/v1/merchant/staff/{staff}", Value::Null, OWN_OFFER),
        ("GET /api/v1/merchant/offers", Value::Null, MERCHANTS),
        ("POST /api/v1/merchant/offers", offer.clone(), MERCHANTS),
        ("GET /api/v1/merchant/offers/{offer}", Value::Null, OWN_OFFER),
        ("PUT /api/v1/merchant/offers/{offer}", json!({"version": 1, "offer": offer}), OWN_OFFER),
        ("POST /api/v1/merchant/offers/{offer}/submit", version.clone(), OWN_OFFER),
        ("POST /api/v1/merchant/offers/{offer}/pause", version.clone(), OWN_OFFER),
        ("POST /api/v1/merchant/offers/{offer}/resume", version.clone(), OWN_OFFER),
        ("GET /api/v1/admin/partners", Value::Null, ADMINS),
        ("GET /api/v1/admin/partners/{partner}", Value::Null, LIWAN_ADMINS),
        ("POST /api/v1/admin/partners/{partner}/approve", decision.clone(), LIWAN_ADMINS),
        ("POST /api/v1/admin/partners/{partner}/reject", decision.clone(), LIWAN_ADMINS),
        ("POST /api/v1/admin/partners/{partner}/suspend", json!({"version": 0, "reason": "matrix"}), LIWAN_ADMINS),
        ("POST /api/v1/admin/partners/{partner}/reinstate", decision.clone(), LIWAN_ADMINS),
        ("GET /api/v1/admin/partner-revisions", Value::Null, ADMINS),
        // Partner A has no revision: its admins get past authorization to a 409.
        ("POST /api/v1/admin/partner-revisions/{partner}/approve", decision.clone(), LIWAN_ADMINS),
        ("POST /api/v1/admin/partner-revisions/{partner}/reject", decision.clone(), LIWAN_ADMINS),
        ("GET /api/v1/admin/offers", Value::Null, ADMINS),
        ("GET /api/v1/admin/offers/{offer}", Value::Null, LIWAN_ADMINS),
        ("POST /api/v1/admin/offers/{offer}/approve", decision.clone(), LIWAN_ADMINS),
        ("POST /api/v1/admin/offers/{offer}/reject", decision.clone(), LIWAN_ADMINS),
        ("GET /api/v1/admin/audit", Value::Null, ADMINS),
        // No CSV body: admins get past authorization to a 400.
        ("POST /api/v1/admin/cards/import", Value::Null, ADMINS),
        ("POST /api/v1/admin/recognitions", recognition.clone(), ALLIANCE),
        ("PUT /api/v1/admin/recognitions/{recognition}", recognition, ALLIANCE),
        ("DELETE /api/v1/admin/recognitions/{recognition}", Value::Null, ALLIANCE),
        ("GET /api/v1/admin/embed-sites", Value::Null, ADMINS),
        // A Liwan site: the Nanhai admin is refused; the second creation is a 409 (the origin is taken).
        ("POST /api/v1/admin/embed-sites", embed_site("https://matrix-new.test"), LIWAN_ADMINS),
        ("GET /api/v1/admin/embed-sites/{site}", Value::Null, LIWAN_ADMINS),
        // After the first edit the version is stale: a 409, past authorization.
        (
            "PUT /api/v1/admin/embed-sites/{site}",
            json!({"version": 1, "site": embed_site("https://matrix.test")}),
            LIWAN_ADMINS,
        ),
        ("GET /api/v1/admin/embed-sites/{site}/figures", Value::Null, LIWAN_ADMINS),
        ("POST /api/v1/merchant/counter/verify", card.clone(), COUNTER),
        (
            "POST /api/v1/redemptions",
            json!({"benefit_id": "{offer}", "card_number": CARD, "id_last4": "0014", "birth_date": "1990-01-01"}),
            OWN_OFFER,
        ),
        ("POST /api/v1/redemptions/{redemption}/void", json!({"reason": "matrix"}), OWN_OFFER),
        ("GET /api/v1/merchant/redemptions", Value::Null, MERCHANTS),
        ("GET /api/v1/merchant/figures", Value::Null, MERCHANTS),
        ("GET /api/v1/admin/holds", Value::Null, ADMINS),
        ("POST /api/v1/admin/cards/{card}/suspend", json!({"reason": "matrix"}), LIWAN_ADMINS),
        ("POST /api/v1/admin/cards/{card}/reinstate", json!({}), LIWAN_ADMINS),
        ("POST /api/v1/admin/cards/{card}/suspend-holder", json!({"reason": "matrix"}), LIWAN_ADMINS),
        ("POST /api/v1/admin/cards/{card}/reinstate-holder", json!({}), LIWAN_ADMINS),
        ("GET /api/v1/merchant/events", Value::Null, COUNTER),
        // Merchant B's partner is in Nanhai: a Liwan event is a 422, past authorization.
        ("POST /api/v1/merchant/events", event.clone(), COUNTER),
        ("GET /api/v1/merchant/events/{event}", Value::Null, OWN_OFFER),
        ("PUT /api/v1/merchant/events/{event}", json!({"version": 1, "event": event.clone()}), OWN_OFFER),
        // A partner's event is its partner's to edit: every admin is refused (403), others 404.
        ("PUT /api/v1/admin/events/{event}", json!({"version": 2, "event": event.clone()}), NOBODY),
        ("GET /api/v1/admin/events/{event}", Value::Null, LIWAN_ADMINS),
        ("POST /api/v1/merchant/events/{event}/submit", version.clone(), OWN_OFFER),
        ("GET /api/v1/admin/events", Value::Null, ADMINS),
        // The Nanhai admin gets past authorization to a 422 on `district`.
        ("POST /api/v1/admin/events", event, ADMINS),
        ("POST /api/v1/admin/events/{event}/publish", version.clone(), LIWAN_ADMINS),
        ("POST /api/v1/admin/events/{event}/reject", decision.clone(), LIWAN_ADMINS),
        ("POST /api/v1/admin/events/{event}/cancel", decision.clone(), LIWAN_ADMINS),
        ("POST /api/v1/merchant/events/{event}/cancel", decision.clone(), OWN_OFFER),
        ("GET /api/v1/merchant/events/{event}/registrations", Value::Null, ORGANISER),
        ("GET /api/v1/merchant/events/{event}/attendees.csv", Value::Null, ORGANISER),
        // No such code: the organisers get past authorization to a 409.
        ("POST /api/v1/merchant/events/{event}/check-in", json!({"code": "12345678"}), ORGANISER),
        ("GET /api/v1/cardholder/events", Value::Null, NOBODY),
        ("POST /api/v1/cardholder/events/{event}/registration", Value::Null, NOBODY),
        ("DELETE /api/v1/cardholder/events/{event}/registration", Value::Null, NOBODY),
        ("GET /api/v1/cardholder/benefits", Value::Null, NOBODY),
        ("GET /api/v1/cardholder/code", Value::Null, NOBODY),
        ("GET /api/v1/cardholder/redemptions", Value::Null, NOBODY),
        ("DELETE /api/v1/cardholder/session", Value::Null, NOBODY),
        // Last: it ends the sessions.
        ("POST /api/v1/merchant/offers/{offer}/withdraw", json!({"version": 0}), OWN_OFFER),
        ("POST /api/v1/auth/logout", Value::Null, SIGNED_IN),
    ]
}

async fn every_non_public_route_allows_exactly_its_roles(app: TestApp) {
    let rows = matrix();
    // Every route of the document is public or in the matrix, and no more.
    let doc: Value = app.get_json("/api/openapi.json").await;
    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            documented.insert(format!("{} {path}", method.to_uppercase()));
        }
    }
    let mut known: BTreeSet<String> = rows
        .iter()
        .map(|(r, _, _)| {
            r.replace("{offer}", "{id}")
                .replace("{partner}", "{id}")
                .replace("{recognition}", "{id}")
                .replace("{site}", "{id}")
                .replace("{redemption}", "{id}")
                .replace("{invite}", "{id}")
                .replace("{staff}", "{id}")
                .replace("{event}", "{id}")
                .replace("{card}", "{number}")
        })
        .collect();
    known.extend(PUBLIC.iter().map(|r| (*r).to_owned()));
    let missing: Vec<&String> = documented.difference(&known).collect();
    assert!(missing.is_empty(), "routes without an authorization rule: {missing:?}");
    let stale: Vec<&String> = known.difference(&documented).collect();
    assert!(stale.is_empty(), "rules for routes that do not exist: {stale:?}");

    let merchant_a = app.demo("merchant1@demo.linan").await;
    let who: [Option<Who>; 7] = [
        None,
        Some(merchant_a.clone()),
        Some(app.demo("merchant2@demo.linan").await),
        Some(app.demo("liwan-admin@demo.linan").await),
        Some(app.demo("nanhai-admin@demo.linan").await),
        Some(app.demo("alliance@demo.linan").await),
        Some(app.demo("merchant3@demo.linan").await),
    ];
    let input = fixtures::benefit_input(fixtures::zh("矩阵的草稿"));
    let offer: OfferDto =
        app.call(Method::POST, "/api/v1/merchant/offers", Some(&merchant_a), Some(&input), StatusCode::CREATED).await;
    let partner = merchant_a.session.account.partner_id.unwrap();
    // A row nobody else needs, so deleting it is harmless: Youyue T ⇒ Liwan C.
    let recognition_id =
        app.reference().await.card_schemes_dto().recognition.iter().find(|r| r.from_tier.as_str() == "T").unwrap().id;

    // A live offer of partner A and a redemption of it, for the void row.
    let live = app.add_benefit(partner, &fixtures::benefit_input(fixtures::zh("矩阵兑换"))).await;
    let redeemed = app
        .client
        .post(format!("{}/api/v1/redemptions", app.address))
        .bearer_auth(&merchant_a.token)
        .header("idempotency-key", "matrix")
        .json(&json!({"benefit_id": live, "card_number": CARD, "id_last4": "0014", "birth_date": "1990-01-01"}))
        .send()
        .await
        .unwrap();
    assert_eq!(redeemed.status(), StatusCode::CREATED);
    let redemption = redeemed.json::<Value>().await.unwrap()["id"].as_i64().unwrap();

    // A draft event of partner A (Liwan).
    let event_input = linan_tests::events::event_input("liwan", "矩阵的活动", 10, app.state.clock.now());
    let event: Value = app
        .call(Method::POST, "/api/v1/merchant/events", Some(&merchant_a), Some(&event_input), StatusCode::CREATED)
        .await;
    let event = event["id"].as_i64().unwrap();

    // A Liwan embed site.
    let liwan_admin = app.demo("liwan-admin@demo.linan").await;
    let site: Value = app
        .call(
            Method::POST,
            "/api/v1/admin/embed-sites",
            Some(&liwan_admin),
            Some(&json!({"name": "矩阵", "district": "liwan", "origins": ["https://matrix.test"], "contact": "m", "active": true})),
            StatusCode::CREATED,
        )
        .await;
    let site = site["id"].as_i64().unwrap();

    // A pending invitation of partner A, and a staff account of partner A.
    let pending_invite = app.invite(&merchant_a, "matrix-invitee@example.cn").await;
    let staff = app.join_staff(&merchant_a, "matrix-staff@example.cn").await;

    let mut failures = Vec::new();
    for (route, body, allowed) in rows {
        let (method, path) = route.split_once(' ').unwrap();
        let path = path
            .replace("{offer}", &offer.id.to_string())
            .replace("{partner}", &partner.to_string())
            .replace("{recognition}", &recognition_id.to_string())
            .replace("{site}", &site.to_string())
            .replace("{redemption}", &redemption.to_string())
            .replace("{invite}", &pending_invite.id.to_string())
            .replace("{staff}", &staff.session.account.id.to_string())
            .replace("{event}", &event.to_string())
            .replace("{card}", CARD);
        let body =
            serde_json::from_str::<Value>(&body.to_string().replace("\"{offer}\"", &offer.id.to_string())).unwrap();
        let method = Method::from_bytes(method.as_bytes()).unwrap();
        for (i, role) in ROLES.iter().enumerate() {
            // Every request carries an Idempotency-Key, so the counter's routes reach their authorization.
            let mut request = app
                .client
                .request(method.clone(), format!("{}{path}", app.address))
                .header("idempotency-key", format!("matrix-{route}-{i}"));
            if let Some(who) = &who[i] {
                request = request.bearer_auth(&who.token);
            }
            if !body.is_null() {
                request = request.json(&body);
            }
            let status = request.send().await.unwrap().status();
            let denied = matches!(status.as_u16(), 401 | 403 | 404);
            if status.is_server_error() || denied == allowed[i] {
                failures.push(format!(
                    "{route} as {role}: {status} (expected {})",
                    if allowed[i] { "allow" } else { "deny" }
                ));
            }
            if i == 0 && status != StatusCode::UNAUTHORIZED {
                failures.push(format!("{route} as anonymous: {status}, expected 401"));
            }
        }
    }
    assert!(failures.is_empty(), "authorization matrix:\n{}", failures.join("\n"));
}
