//! A cardholder registers and cancels; each refusal has its code: a holder
//! with two cards registers once, the tier rule is the benefits' rule, a
//! full event without a waitlist is full, a closed window is closed, and a
//! yearly limit per type holds even when one person asks everywhere at once.

use linan_tests::{
    TestApp, db_tests,
    events::event_input,
    fixtures::rule,
    linan_shared::{CardSessionDto, EventDetail, RegistrationDto, RegistrationList, RegistrationStatus, Role},
    session::Who,
};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

db_tests!(Demo => {
    a_holder_registers_once_over_both_cards_and_cancels,
    refusals_carry_their_codes,
    registrations_are_audited,
    a_yearly_limit_holds_when_one_person_registers_everywhere_at_once,
});

/// Signs a demo card in (see the counter tests' factors).
async fn holder(app: &TestApp, number: &str, id_last4: &str, birth_date: &str) -> Who {
    let body = json!({"card_number": number, "id_last4": id_last4, "birth_date": birth_date});
    let s: CardSessionDto =
        app.call(Method::POST, "/api/v1/cardholder/session", None, Some(&body), StatusCode::OK).await;
    let account = linan_tests::linan_shared::AccountDto {
        id: 0,
        email: String::new(),
        role: Role::Merchant,
        district: None,
        partner_id: None,
        owner: false,
    };
    let session = linan_tests::linan_shared::SessionDto {
        account,
        csrf_token: String::new(),
        expires_at: s.expires_at,
        token: None,
    };
    Who { token: s.token, session }
}

fn path(id: i64) -> String {
    format!("/api/v1/cardholder/events/{id}/registration")
}

async fn a_holder_registers_once_over_both_cards_and_cancels(app: TestApp) {
    let liwan = app.demo("liwan-admin@demo.linan").await;
    let event = app.publish_event(&liwan, &event_input("liwan", "两张卡报一次", 5, app.state.clock.now())).await;
    let liwan_card = holder(&app, "LW2026000014", "0014", "1990-01-01").await;
    let youyue_card = holder(&app, "YF202600000014", "0014", "1990-01-01").await;
    let done: RegistrationDto =
        app.call::<(), _>(Method::POST, &path(event.id), Some(&liwan_card), None, StatusCode::CREATED).await;
    assert_eq!((done.status, done.position), (RegistrationStatus::Registered, None));
    app.refused::<()>(
        Method::POST,
        &path(event.id),
        Some(&youyue_card),
        None,
        StatusCode::CONFLICT,
        "already_registered",
    )
    .await;
    // Either card sees the person's registration.
    let mine: RegistrationList =
        app.call::<(), _>(Method::GET, "/api/v1/cardholder/events", Some(&youyue_card), None, StatusCode::OK).await;
    let here: Vec<_> = mine.items.iter().filter(|r| r.event_id == event.id).collect();
    assert_eq!(here.len(), 1);
    assert_eq!(here[0].card_number, "LW2026000014");
    let detail: EventDetail = app.get_json(&format!("/api/v1/events/{}", event.id)).await;
    assert_eq!(detail.summary.seats_left, 4);
    let gone: RegistrationDto =
        app.call::<(), _>(Method::DELETE, &path(event.id), Some(&youyue_card), None, StatusCode::OK).await;
    assert_eq!(gone.status, RegistrationStatus::Cancelled);
    app.refused::<()>(Method::DELETE, &path(event.id), Some(&youyue_card), None, StatusCode::NOT_FOUND, "not_found")
        .await;
    // The seat is back, and the person may register again (with the other card).
    let again: RegistrationDto =
        app.call::<(), _>(Method::POST, &path(event.id), Some(&youyue_card), None, StatusCode::CREATED).await;
    assert_eq!((again.status, again.card_number.as_str()), (RegistrationStatus::Registered, "YF202600000014"));
}

async fn refusals_carry_their_codes(app: TestApp) {
    let liwan = app.demo("liwan-admin@demo.linan").await;
    let now = app.state.clock.now();
    let mut tier_a = event_input("liwan", "A 类人才沙龙", 10, now);
    tier_a.eligibility = vec![rule("liwan_talent", "A"), rule("youyue_foshan", "A")];
    let tier_a = app.publish_event(&liwan, &tier_a).await;
    let mut small = event_input("liwan", "一席小课", 1, now);
    small.waitlist = false;
    let small = app.publish_event(&liwan, &small).await;
    let mut later = event_input("liwan", "下月报名", 10, now);
    later.registration_opens_at = (now + chrono::Duration::hours(12)).to_rfc3339();
    let later = app.publish_event(&liwan, &later).await;

    let liwan_c = holder(&app, "LW2026000030", "0032", "1992-02-02").await;
    let youyue_b = holder(&app, "YF202600000022", "0043", "1988-08-08").await;
    let suspended = holder(&app, "YF202600000055", "0075", "2000-06-06").await;
    app.refused::<()>(Method::POST, &path(tier_a.id), Some(&liwan_c), None, StatusCode::CONFLICT, "tier_too_low").await;
    app.refused::<()>(Method::POST, &path(small.id), Some(&suspended), None, StatusCode::CONFLICT, "card_suspended")
        .await;
    let _: RegistrationDto =
        app.call::<(), _>(Method::POST, &path(small.id), Some(&liwan_c), None, StatusCode::CREATED).await;
    app.refused::<()>(Method::POST, &path(small.id), Some(&youyue_b), None, StatusCode::CONFLICT, "event_full").await;
    app.refused::<()>(
        Method::POST,
        &path(later.id),
        Some(&youyue_b),
        None,
        StatusCode::CONFLICT,
        "registration_closed",
    )
    .await;
    app.refused::<()>(Method::POST, &path(999_999), Some(&youyue_b), None, StatusCode::NOT_FOUND, "not_found").await;
    app.refused::<()>(Method::POST, &path(small.id), None, None, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    // The window closes: moving the clock past it closes registration.
    app.state.clock.advance(chrono::Duration::days(1) + chrono::Duration::minutes(1));
    let youyue_b = holder(&app, "YF202600000022", "0043", "1988-08-08").await;
    app.refused::<()>(
        Method::POST,
        &path(tier_a.id),
        Some(&youyue_b),
        None,
        StatusCode::CONFLICT,
        "registration_closed",
    )
    .await;
}

async fn registrations_are_audited(app: TestApp) {
    let liwan = app.demo("liwan-admin@demo.linan").await;
    let event = app.publish_event(&liwan, &event_input("liwan", "审计活动", 1, app.state.clock.now())).await;
    let first = holder(&app, "LW2026000022", "0023", "1985-05-05").await;
    let second = holder(&app, "YF202600000022", "0043", "1988-08-08").await;
    let _: RegistrationDto =
        app.call::<(), _>(Method::POST, &path(event.id), Some(&first), None, StatusCode::CREATED).await;
    let waiting: RegistrationDto =
        app.call::<(), _>(Method::POST, &path(event.id), Some(&second), None, StatusCode::CREATED).await;
    assert_eq!((waiting.status, waiting.position), (RegistrationStatus::Waitlisted, Some(1)));
    let _: RegistrationDto =
        app.call::<(), _>(Method::DELETE, &path(event.id), Some(&first), None, StatusCode::OK).await;
    let mine: RegistrationList =
        app.call::<(), _>(Method::GET, "/api/v1/cardholder/events", Some(&second), None, StatusCode::OK).await;
    let here = mine.items.iter().find(|r| r.event_id == event.id).unwrap();
    assert_eq!((here.status, here.position), (RegistrationStatus::Registered, None), "promoted");
    let log: Value = app
        .call::<(), _>(Method::GET, "/api/v1/admin/audit?action=event.register", Some(&liwan), None, StatusCode::OK)
        .await;
    let of_event =
        |items: &Vec<Value>| -> usize { items.iter().filter(|e| e["after"]["event_id"] == event.id).count() };
    assert_eq!(of_event(log["items"].as_array().unwrap()), 2);
    let log: Value = app
        .call::<(), _>(Method::GET, "/api/v1/admin/audit?action=event.unregister", Some(&liwan), None, StatusCode::OK)
        .await;
    let items: Vec<&Value> =
        log["items"].as_array().unwrap().iter().filter(|e| e["after"]["event_id"] == event.id).collect();
    assert_eq!(items.len(), 1);
    assert!(items[0]["after"]["promoted_registration_id"].is_i64(), "{}", items[0]);
}

async fn a_yearly_limit_holds_when_one_person_registers_everywhere_at_once(app: TestApp) {
    let liwan = app.demo("liwan-admin@demo.linan").await;
    let mut ids = Vec::new();
    for i in 0..6 {
        let mut input = event_input("liwan", &format!("每年一次的研修班{i}"), 10, app.state.clock.now());
        input.per_person_yearly = Some(1);
        ids.push(app.publish_event(&liwan, &input).await.id);
    }
    let cards = [
        holder(&app, "LW2026000014", "0014", "1990-01-01").await,
        holder(&app, "YF202600000014", "0014", "1990-01-01").await,
    ];
    // Both cards of one person, six events of one type, all at the same instant.
    let attempts = ids.iter().enumerate().map(|(i, id)| {
        let (app, card) = (&app, &cards[i % 2]);
        async move {
            let response =
                app.client.post(format!("{}{}", app.address, path(*id))).bearer_auth(&card.token).send().await.unwrap();
            let status = response.status();
            let body: Value = response.json().await.unwrap();
            (status, body["error"]["code"].as_str().unwrap_or_default().to_owned())
        }
    });
    let results = futures::future::join_all(attempts).await;
    let won = results.iter().filter(|(s, _)| *s == StatusCode::CREATED).count();
    assert_eq!(won, 1, "{results:?}");
    assert!(
        results.iter().all(|(s, code)| *s == StatusCode::CREATED
            || (*s == StatusCode::CONFLICT && code == "event_limit_reached")),
        "{results:?}"
    );
}
