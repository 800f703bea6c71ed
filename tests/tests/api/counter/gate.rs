//! Who may use the counter, and how fast codes can be guessed or issued:
//! only staff of an approved partner verify, redeem and void; wrong counter
//! codes are throttled per merchant account and per partner (right ones
//! cost nothing); a cardholder session gets codes at a bounded rate, one
//! live code per card.

use linan_tests::{
    TestApp, db_tests,
    linan_backend::{
        auth::{CODE_ISSUE_PER_SESSION, COUNTER_CODE_PER_ACCOUNT, COUNTER_CODE_PER_PARTNER},
        entity::counter_code,
    },
    linan_shared::{
        CounterCodeDto, InviteDto, InviteRequest, PartnerProfileDto, RedemptionDto, SessionDto, SignupRequest,
    },
    session::{PASSWORD, Who},
};
use reqwest::{Method, StatusCode};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

use super::support::*;

db_tests!(Demo => {
    staff_of_a_pending_partner_are_refused_at_the_counter,
    staff_of_a_suspended_partner_can_neither_verify_nor_redeem_nor_void,
    thirty_random_counter_codes_meet_429_before_the_31st,
    wrong_codes_are_counted_per_partner_over_all_its_staff,
    counter_codes_are_issued_at_a_bounded_rate_and_one_live_per_card,
});

/// A fresh counter code of a demo card.
async fn code_for(app: &TestApp, number: &str) -> CounterCodeDto {
    let who = card_who(&signed_in(app, number).await);
    app.call::<(), _>(Method::GET, "/api/v1/cardholder/code", Some(&who), None, StatusCode::OK).await
}

/// The three counter routes as `merchant`, each expected to answer `status`.
async fn counter_answers(app: &TestApp, merchant: &Who, code: &str, offer: i64, redemption: i64, status: StatusCode) {
    let response = verify(app, merchant, &json!({"code": code})).await;
    assert_eq!(response.status(), status, "verify: {}", response.text().await.unwrap());
    let response = redeem(app, merchant, "gate", json!({"benefit_id": offer, "code": code})).await;
    assert_eq!(response.status(), status, "redeem: {}", response.text().await.unwrap());
    let void = format!("/api/v1/redemptions/{redemption}/void");
    let response = app.send(Method::POST, &void, Some(merchant), Some(&json!({"reason": "试一试"}))).await;
    assert_eq!(response.status(), status, "void: {}", response.text().await.unwrap());
}

async fn staff_of_a_pending_partner_are_refused_at_the_counter(app: TestApp) {
    let approved = app.demo("merchant1@demo.linan").await;
    let id = offer(&app, &approved, "待审核商户", once_for_life()).await;
    let done: RedemptionDto =
        redeem(&app, &approved, "one", json!({"benefit_id": id, "code": code_for(&app, LIWAN_A).await.code}))
            .await
            .json()
            .await
            .unwrap();
    // merchant3's partner waits for review: a live code, a live offer and a
    // real redemption id make no difference.
    let pending = app.demo("merchant3@demo.linan").await;
    let code = code_for(&app, "LW2026000022").await;
    counter_answers(&app, &pending, &code.code, id, done.id, StatusCode::FORBIDDEN).await;
    let body: Value = verify(&app, &pending, &proof("LW2026000022")).await.json().await.unwrap();
    assert_eq!(body["error"]["code"], "forbidden", "{body}");
    assert!(!body.to_string().contains("李文"), "no holder name for a partner under review");
}

async fn staff_of_a_suspended_partner_can_neither_verify_nor_redeem_nor_void(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let admin = app.demo("liwan-admin@demo.linan").await;
    let id = offer(&app, &merchant, "停权商户", once_for_life()).await;
    let code = code_for(&app, LIWAN_A).await;
    let response = redeem(&app, &merchant, "before", json!({"benefit_id": id, "code": code.code})).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let done: RedemptionDto = response.json().await.unwrap();
    let partner = merchant.session.account.partner_id.unwrap();
    let profile: PartnerProfileDto = app
        .call::<(), _>(Method::GET, &format!("/api/v1/admin/partners/{partner}"), Some(&admin), None, StatusCode::OK)
        .await;
    let _: PartnerProfileDto = app
        .call(
            Method::POST,
            &format!("/api/v1/admin/partners/{partner}/suspend"),
            Some(&admin),
            Some(&json!({"version": profile.version, "reason": "投诉核实中"})),
            StatusCode::OK,
        )
        .await;
    let code = code_for(&app, YOUYUE_A).await;
    counter_answers(&app, &merchant, &code.code, id, done.id, StatusCode::FORBIDDEN).await;
}

/// Thirty made-up 8-digit codes (none is live: 30 in 10⁸).
fn made_up_codes() -> impl Iterator<Item = String> {
    (0..30u64).map(|i| format!("{:08}", (i * 7_919_993 + 31_337) % 100_000_000))
}

async fn thirty_random_counter_codes_meet_429_before_the_31st(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    // Right codes cost nothing: a busy counter verifies as often as it serves.
    let live = code_for(&app, LIWAN_A).await;
    for _ in 0..COUNTER_CODE_PER_ACCOUNT.burst + 5 {
        assert_eq!(verify(&app, &merchant, &json!({"code": live.code})).await.status(), StatusCode::OK);
    }
    let mut answers = Vec::new();
    for code in made_up_codes() {
        let response = verify(&app, &merchant, &json!({"code": code})).await;
        let status = response.status();
        if status == StatusCode::TOO_MANY_REQUESTS {
            assert!(response.headers().contains_key("retry-after"));
        }
        answers.push((status, code_of(response).await));
    }
    let first = answers.iter().position(|(s, _)| *s == StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(first, Some(COUNTER_CODE_PER_ACCOUNT.burst as usize), "{answers:?}");
    assert!(answers[..10].iter().all(|(s, code)| *s == StatusCode::CONFLICT && code == "code_invalid"), "{answers:?}");
    assert!(answers[10..].iter().all(|(s, _)| *s == StatusCode::TOO_MANY_REQUESTS), "{answers:?}");
    // Redeeming is the same door; even the right code waits now.
    let id = offer(&app, &merchant, "猜码", once_for_life()).await;
    let response = redeem(&app, &merchant, "guess", json!({"benefit_id": id, "code": "12345678"})).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(verify(&app, &merchant, &json!({"code": live.code})).await.status(), StatusCode::TOO_MANY_REQUESTS);
    // Another partner's counter is not held up.
    let other = app.demo("merchant2@demo.linan").await;
    assert_eq!(code_of(verify(&app, &other, &json!({"code": "12345678"})).await).await, "code_invalid");
}

/// The owner of merchant1's partner invites `email`, who signs up as staff.
async fn staff(app: &TestApp, owner: &Who, email: &str) -> Who {
    let invite: InviteDto = app
        .call(
            Method::POST,
            "/api/v1/merchant/staff/invites",
            Some(owner),
            Some(&InviteRequest { email: email.into() }),
            StatusCode::CREATED,
        )
        .await;
    let request = SignupRequest {
        email: email.into(),
        password: PASSWORD.into(),
        partner: None,
        invite: Some(invite.code),
        bearer: true,
    };
    let session: SessionDto =
        app.call(Method::POST, "/api/v1/auth/signup", None, Some(&request), StatusCode::CREATED).await;
    Who { token: session.token.clone().unwrap(), session }
}

async fn wrong_codes_are_counted_per_partner_over_all_its_staff(app: TestApp) {
    let owner = app.demo("merchant1@demo.linan").await;
    let first = staff(&app, &owner, "counter-1@example.cn").await;
    let second = staff(&app, &owner, "counter-2@example.cn").await;
    let mut codes = made_up_codes();
    let per_account = COUNTER_CODE_PER_ACCOUNT.burst;
    assert_eq!(COUNTER_CODE_PER_PARTNER.burst, 2 * per_account, "the test spends the partner's budget in two accounts");
    for who in [&owner, &first] {
        for _ in 0..per_account {
            let response = verify(&app, who, &json!({"code": codes.next().unwrap()})).await;
            assert_eq!(code_of(response).await, "code_invalid");
        }
    }
    // The second colleague has not guessed yet, but the partner has spent its budget.
    let response = verify(&app, &second, &json!({"code": codes.next().unwrap()})).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
}

async fn counter_codes_are_issued_at_a_bounded_rate_and_one_live_per_card(app: TestApp) {
    let session = signed_in(&app, "LW2026000030").await;
    let who = card_who(&session);
    for _ in 0..CODE_ISSUE_PER_SESSION.burst {
        let _: CounterCodeDto =
            app.call::<(), _>(Method::GET, "/api/v1/cardholder/code", Some(&who), None, StatusCode::OK).await;
    }
    let response = app.send::<()>(Method::GET, "/api/v1/cardholder/code", Some(&who), None).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(response.headers().contains_key("retry-after"));
    // A new code replaces the card's earlier ones: one row waits to be used.
    let card = session.card.number;
    let card_id = linan_tests::linan_backend::entity::card::Entity::find()
        .filter(linan_tests::linan_backend::entity::card::Column::Number.eq(card.as_str()))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let live = counter_code::Entity::find()
        .filter(counter_code::Column::CardId.eq(card_id))
        .filter(counter_code::Column::UsedAt.is_null())
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(live, 1);
}
