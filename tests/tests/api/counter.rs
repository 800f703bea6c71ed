//! The cardholder and the counter: card sign-in, the preview with its
//! reasons, counter codes, redemptions with per-person quotas across both of
//! a person's cards, daily stock, idempotency, voids, the integrity list,
//! quota periods on a moved clock, and 100 concurrent redemptions over two
//! replicas.

use chrono::{Datelike, Duration};
use linan_tests::{
    TestApp, db_tests,
    fixtures::{benefit_input, rule, zh},
    linan_backend::catalogue::{from_naive, today},
    linan_shared::{
        BenefitStatus, CardBenefits, CardLogin, CardSessionDto, CounterCodeDto, Figures, Quota, QuotaPeriod, Reach,
        RedemptionDto, RedemptionList, Refusal,
    },
    session::Who,
};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

db_tests!(Demo => {
    a_cardholder_signs_in_with_either_second_factor_and_sees_both_districts,
    one_person_cannot_claim_twice_with_two_cards,
    a_retried_redemption_with_the_same_key_is_recorded_once,
    a_counter_code_works_once_and_a_forged_qr_not_at_all,
    a_void_within_30_minutes_gives_the_use_back,
    daily_stock_runs_out_and_comes_back_the_next_day,
    quota_periods_follow_the_calendar,
    each_reason_why_not_is_named_at_the_counter,
    the_integrity_list_stops_cards_and_holders,
    merchant_figures_count_redemptions_per_offer_and_day,
    a_hundred_simultaneous_redemptions_over_two_replicas_take_one_use,
});

/// 陈小荔 holds both a Liwan (A) and a Youyue (A) card; see the demo cards.
const LIWAN_A: &str = "LW2026000014";
const YOUYUE_A: &str = "YF202600000014";
const HOLDER: &str = "陈小荔";

async fn card_session(app: &TestApp, number: &str, factor: &str) -> CardSessionDto {
    let body = CardLogin { card_number: number.into(), second_factor: factor.into() };
    app.call(Method::POST, "/api/v1/cardholder/session", None, Some(&body), StatusCode::OK).await
}

fn card_who(session: &CardSessionDto) -> Who {
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
async fn offer(app: &TestApp, merchant: &Who, title: &str, quota: Quota) -> i64 {
    let mut input = benefit_input(zh(title));
    input.quota = quota;
    // Long enough for the tests that move the clock into the next month.
    input.validity.until = from_naive(today() + Duration::days(70));
    input.eligibility = vec![rule("liwan_talent", "C"), rule("youyue_foshan", "C")];
    app.add_benefit(merchant.session.account.partner_id.unwrap(), &input).await
}

fn once_for_life() -> Quota {
    Quota { per_person_limit: Some(1), per_person_period: Some(QuotaPeriod::Lifetime), daily_stock: None }
}

async fn redeem(app: &TestApp, merchant: &Who, key: &str, body: Value) -> reqwest::Response {
    app.client
        .post(format!("{}/api/v1/redemptions", app.address))
        .bearer_auth(&merchant.token)
        .header("idempotency-key", key)
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn redeem_card(app: &TestApp, merchant: &Who, key: &str, benefit: i64, number: &str) -> reqwest::Response {
    redeem(app, merchant, key, json!({"benefit_id": benefit, "card_number": number, "second_factor": HOLDER})).await
}

async fn code_of(response: reqwest::Response) -> String {
    let body: Value = response.json().await.unwrap();
    body["error"]["code"].as_str().unwrap_or("none").to_owned()
}

async fn a_cardholder_signs_in_with_either_second_factor_and_sees_both_districts(app: TestApp) {
    let wrong = CardLogin { card_number: LIWAN_A.into(), second_factor: "某人".into() };
    let unknown = CardLogin { card_number: "LW9999999999".into(), second_factor: HOLDER.into() };
    let a = app
        .refused(
            Method::POST,
            "/api/v1/cardholder/session",
            None,
            Some(&wrong),
            StatusCode::UNAUTHORIZED,
            "invalid_credentials",
        )
        .await;
    let b = app
        .refused(
            Method::POST,
            "/api/v1/cardholder/session",
            None,
            Some(&unknown),
            StatusCode::UNAUTHORIZED,
            "invalid_credentials",
        )
        .await;
    assert_eq!(a, b, "an unknown card and a wrong second factor get the same answer");
    let by_id = card_session(&app, "lw 2026 000014", "0014").await;
    assert_eq!(by_id.card.number, LIWAN_A);
    let session = card_session(&app, LIWAN_A, HOLDER).await;
    let who = card_who(&session);
    let list: CardBenefits =
        app.call::<(), _>(Method::GET, "/api/v1/cardholder/benefits", Some(&who), None, StatusCode::OK).await;
    let districts: std::collections::BTreeSet<&str> = list.items.iter().map(|i| i.benefit.district.as_str()).collect();
    assert!(districts.contains("liwan") && districts.contains("nanhai"), "{districts:?}");
    assert!(
        list.items.iter().any(|i| matches!(i.via, Reach::Recognition { .. })),
        "Nanhai's Youyue-only offers come through recognition"
    );
    assert!(list.items.iter().any(|i| i.via == Reach::Direct));
    // The preview is exactly the catalogue's scheme+tier filter, today.
    let catalogue = app.all_benefits("scheme=liwan_talent&tier=A").await;
    let mut preview_ids: Vec<i64> = list.items.iter().map(|i| i.benefit.id).collect();
    let mut catalogue_ids: Vec<i64> = catalogue.iter().map(|b| b.id).collect();
    preview_ids.sort_unstable();
    catalogue_ids.sort_unstable();
    assert_eq!(preview_ids, catalogue_ids);
    // And the other way: the holder's Youyue card reaches Liwan-only offers through recognition.
    let mut liwan_only = benefit_input(zh("仅限英才卡"));
    liwan_only.eligibility = vec![rule("liwan_talent", "B")];
    let merchant1 = app.demo("merchant1@demo.linan").await;
    let id = app.add_benefit(merchant1.session.account.partner_id.unwrap(), &liwan_only).await;
    let youyue = card_who(&card_session(&app, YOUYUE_A, HOLDER).await);
    let list: CardBenefits =
        app.call::<(), _>(Method::GET, "/api/v1/cardholder/benefits", Some(&youyue), None, StatusCode::OK).await;
    let item = list.items.iter().find(|i| i.benefit.id == id).expect("a Youyue A card reaches a Liwan B offer");
    assert!(matches!(&item.via, Reach::Recognition { as_scheme, .. } if as_scheme.as_str() == "liwan_talent"));
    let response = app.send::<()>(Method::DELETE, "/api/v1/cardholder/session", Some(&who), None).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    app.refused::<()>(
        Method::GET,
        "/api/v1/cardholder/benefits",
        Some(&who),
        None,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;
    // An account's token is not a card's.
    let merchant = app.demo("merchant1@demo.linan").await;
    app.refused::<()>(
        Method::GET,
        "/api/v1/cardholder/benefits",
        Some(&merchant),
        None,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;
}

async fn one_person_cannot_claim_twice_with_two_cards(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let id = offer(&app, &merchant, "终身一次", once_for_life()).await;
    let first = redeem_card(&app, &merchant, "k1", id, LIWAN_A).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let second = redeem_card(&app, &merchant, "k2", id, YOUYUE_A).await;
    assert_eq!(second.status(), StatusCode::CONFLICT);
    assert_eq!(code_of(second).await, "quota_used");
    // The other card's preview knows it too.
    let who = card_who(&card_session(&app, YOUYUE_A, HOLDER).await);
    let list: CardBenefits =
        app.call::<(), _>(Method::GET, "/api/v1/cardholder/benefits", Some(&who), None, StatusCode::OK).await;
    let item = list.items.iter().find(|i| i.benefit.id == id).unwrap();
    assert_eq!((item.refusal, item.remaining), (Some(Refusal::QuotaUsed), Some(0)));
    let history: RedemptionList =
        app.call::<(), _>(Method::GET, "/api/v1/cardholder/redemptions", Some(&who), None, StatusCode::OK).await;
    assert_eq!(history.items.len(), 1, "the person's history spans their cards");
    assert_eq!(history.items[0].card_number, LIWAN_A);
}

async fn a_retried_redemption_with_the_same_key_is_recorded_once(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let id = offer(&app, &merchant, "重试测试", Quota::default()).await;
    let first = redeem_card(&app, &merchant, "same-key", id, LIWAN_A).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: RedemptionDto = first.json().await.unwrap();
    let again = redeem_card(&app, &merchant, "same-key", id, LIWAN_A).await;
    assert_eq!(again.status(), StatusCode::CREATED);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    let again: RedemptionDto = again.json().await.unwrap();
    assert_eq!(again, first);
    let list: RedemptionList =
        app.call::<(), _>(Method::GET, "/api/v1/merchant/redemptions", Some(&merchant), None, StatusCode::OK).await;
    assert_eq!(list.items.iter().filter(|r| r.benefit_id == id).count(), 1);
    let other = offer(&app, &merchant, "另一个", Quota::default()).await;
    let reused = redeem_card(&app, &merchant, "same-key", other, LIWAN_A).await;
    assert_eq!(reused.status(), StatusCode::CONFLICT);
    let missing =
        redeem(&app, &merchant, "", json!({"benefit_id": id, "card_number": LIWAN_A, "second_factor": HOLDER})).await;
    assert_eq!(missing.status(), StatusCode::BAD_REQUEST);
}

async fn a_counter_code_works_once_and_a_forged_qr_not_at_all(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let id = offer(&app, &merchant, "扫码测试", Quota::default()).await;
    let who = card_who(&card_session(&app, YOUYUE_A, HOLDER).await);
    let code: CounterCodeDto =
        app.call::<(), _>(Method::GET, "/api/v1/cardholder/code", Some(&who), None, StatusCode::OK).await;
    assert_eq!(code.code.len(), 8);
    assert!(code.qr.contains(&code.code));
    // The counter sees what the card can get here, without spending the code.
    let seen: CardBenefits = app
        .call(
            Method::POST,
            "/api/v1/merchant/counter/verify",
            Some(&merchant),
            Some(&json!({"code": code.qr})),
            StatusCode::OK,
        )
        .await;
    assert_eq!(seen.card.number, YOUYUE_A);
    assert!(seen.items.iter().any(|i| i.benefit.id == id && i.refusal.is_none()));
    assert!(seen.items.iter().all(|i| i.benefit.partner.id == merchant.session.account.partner_id.unwrap()));
    let forged = code.qr.replace(&code.code, "12345678");
    let response = redeem(&app, &merchant, "f", json!({"benefit_id": id, "code": forged})).await;
    assert_eq!(code_of(response).await, "code_invalid");
    let response = redeem(&app, &merchant, "q1", json!({"benefit_id": id, "code": code.qr})).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let response = redeem(&app, &merchant, "q2", json!({"benefit_id": id, "code": code.code})).await;
    assert_eq!(code_of(response).await, "code_invalid", "a code is single use");
    // Codes expire after two minutes.
    let fresh: CounterCodeDto =
        app.call::<(), _>(Method::GET, "/api/v1/cardholder/code", Some(&who), None, StatusCode::OK).await;
    app.state.clock.advance(Duration::seconds(121));
    let response = redeem(&app, &merchant, "q3", json!({"benefit_id": id, "code": fresh.code})).await;
    assert_eq!(code_of(response).await, "code_invalid");
}

async fn a_void_within_30_minutes_gives_the_use_back(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let other = app.demo("merchant2@demo.linan").await;
    let id = offer(&app, &merchant, "作废测试", once_for_life()).await;
    let done: RedemptionDto = redeem_card(&app, &merchant, "v1", id, LIWAN_A).await.json().await.unwrap();
    let path = format!("/api/v1/redemptions/{}/void", done.id);
    app.refused(Method::POST, &path, Some(&other), Some(&json!({"reason": "x"})), StatusCode::NOT_FOUND, "not_found")
        .await;
    app.refused(
        Method::POST,
        &path,
        Some(&merchant),
        Some(&json!({"reason": " "})),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_field",
    )
    .await;
    let voided: RedemptionDto = app
        .call(Method::POST, &path, Some(&merchant), Some(&json!({"reason": "收银员操作失误"})), StatusCode::OK)
        .await;
    assert_eq!(voided.void_reason.as_deref(), Some("收银员操作失误"));
    app.refused(
        Method::POST,
        &path,
        Some(&merchant),
        Some(&json!({"reason": "again"})),
        StatusCode::CONFLICT,
        "invalid_state",
    )
    .await;
    // The quota is back: the other card of the person may use it now.
    let again = redeem_card(&app, &merchant, "v2", id, YOUYUE_A).await;
    assert_eq!(again.status(), StatusCode::CREATED);
    let late: RedemptionDto = again.json().await.unwrap();
    app.state.clock.advance(Duration::minutes(31));
    let path = format!("/api/v1/redemptions/{}/void", late.id);
    app.refused(
        Method::POST,
        &path,
        Some(&merchant),
        Some(&json!({"reason": "too late"})),
        StatusCode::CONFLICT,
        "invalid_state",
    )
    .await;
}

async fn daily_stock_runs_out_and_comes_back_the_next_day(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let quota = Quota { per_person_limit: None, per_person_period: None, daily_stock: Some(1) };
    let id = offer(&app, &merchant, "每日一个号", quota).await;
    assert_eq!(redeem_card(&app, &merchant, "s1", id, LIWAN_A).await.status(), StatusCode::CREATED);
    let response = redeem(
        &app,
        &merchant,
        "s2",
        json!({"benefit_id": id, "card_number": "LW2026000022", "second_factor": "李文"}),
    )
    .await;
    assert_eq!(code_of(response).await, "stock_gone");
    app.state.clock.advance(Duration::days(1));
    let response = redeem(
        &app,
        &merchant,
        "s3",
        json!({"benefit_id": id, "card_number": "LW2026000022", "second_factor": "李文"}),
    )
    .await;
    assert_eq!(response.status(), StatusCode::CREATED);
}

async fn quota_periods_follow_the_calendar(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let daily = offer(
        &app,
        &merchant,
        "每日一次",
        Quota { per_person_limit: Some(1), per_person_period: Some(QuotaPeriod::Day), daily_stock: None },
    )
    .await;
    let monthly = offer(
        &app,
        &merchant,
        "每月两次",
        Quota { per_person_limit: Some(2), per_person_period: Some(QuotaPeriod::Month), daily_stock: None },
    )
    .await;
    assert_eq!(redeem_card(&app, &merchant, "d1", daily, LIWAN_A).await.status(), StatusCode::CREATED);
    assert_eq!(code_of(redeem_card(&app, &merchant, "d2", daily, YOUYUE_A).await).await, "quota_used");
    for key in ["m1", "m2"] {
        assert_eq!(redeem_card(&app, &merchant, key, monthly, LIWAN_A).await.status(), StatusCode::CREATED);
    }
    assert_eq!(code_of(redeem_card(&app, &merchant, "m3", monthly, YOUYUE_A).await).await, "quota_used");
    app.state.clock.advance(Duration::days(1));
    assert_eq!(redeem_card(&app, &merchant, "d3", daily, YOUYUE_A).await.status(), StatusCode::CREATED, "a new day");
    // To the first of next month.
    let today = app.state.clock.today();
    let next_month = today.month() % 12 + 1;
    let first = chrono::NaiveDate::from_ymd_opt(today.year() + i32::from(next_month == 1), next_month, 1).unwrap();
    app.state.clock.advance(first - today);
    let response = redeem_card(&app, &merchant, "m4", monthly, YOUYUE_A).await;
    assert_eq!(response.status(), StatusCode::CREATED, "a new month: {}", code_of(response).await);
}

async fn each_reason_why_not_is_named_at_the_counter(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let mut input = benefit_input(zh("仅 A 卡"));
    input.eligibility = vec![rule("liwan_talent", "A")];
    let only_a = app.add_benefit(merchant.session.account.partner_id.unwrap(), &input).await;
    let response = redeem(
        &app,
        &merchant,
        "t",
        json!({"benefit_id": only_a, "card_number": "LW2026000030", "second_factor": "周敏"}),
    )
    .await;
    assert_eq!(code_of(response).await, "tier_too_low");
    let paused = app
        .add_benefit_in(
            merchant.session.account.partner_id.unwrap(),
            &benefit_input(zh("暂停中")),
            BenefitStatus::Paused,
        )
        .await;
    assert_eq!(code_of(redeem_card(&app, &merchant, "p", paused, LIWAN_A).await).await, "not_valid_today");
    // The demo's suspended Youyue card of 伍嘉; their other card works.
    let open = offer(&app, &merchant, "开放", Quota::default()).await;
    let response = redeem(
        &app,
        &merchant,
        "w1",
        json!({"benefit_id": open, "card_number": "YF202600000055", "second_factor": "伍嘉"}),
    )
    .await;
    assert_eq!(code_of(response).await, "card_suspended");
    let response = redeem(
        &app,
        &merchant,
        "w2",
        json!({"benefit_id": open, "card_number": "YF202600000063", "second_factor": "伍嘉"}),
    )
    .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    // Another partner's offer is not this counter's to redeem.
    let other = app.demo("merchant2@demo.linan").await;
    assert_eq!(redeem_card(&app, &other, "x", open, LIWAN_A).await.status(), StatusCode::NOT_FOUND);
    // Past its window (the clock moved beyond it), an offer is not valid today.
    let short = app.add_benefit(merchant.session.account.partner_id.unwrap(), &benefit_input(zh("三十天"))).await;
    app.state.clock.advance(Duration::days(31));
    assert_eq!(code_of(redeem_card(&app, &merchant, "late", short, LIWAN_A).await).await, "not_valid_today");
    app.state.clock.advance(Duration::days(-31));
    // Past the card's own validity (the demo cards run to 2035), the card is expired.
    app.state.clock.advance(Duration::days(366 * 10));
    assert_eq!(code_of(redeem_card(&app, &merchant, "old", open, LIWAN_A).await).await, "card_expired");
    app.state.clock.advance(Duration::days(-366 * 10));
    // Admins do not redeem.
    let admin = app.demo("liwan-admin@demo.linan").await;
    assert_eq!(redeem_card(&app, &admin, "y", open, LIWAN_A).await.status(), StatusCode::FORBIDDEN);
}

async fn the_integrity_list_stops_cards_and_holders(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let liwan = app.demo("liwan-admin@demo.linan").await;
    let nanhai = app.demo("nanhai-admin@demo.linan").await;
    let id = offer(&app, &merchant, "诚信测试", Quota::default()).await;
    let suspend = format!("/api/v1/admin/cards/{LIWAN_A}/suspend");
    app.refused(
        Method::POST,
        &suspend,
        Some(&nanhai),
        Some(&json!({"reason": "x"})),
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    app.refused(
        Method::POST,
        &suspend,
        Some(&liwan),
        Some(&json!({})),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_field",
    )
    .await;
    let _: Value =
        app.call(Method::POST, &suspend, Some(&liwan), Some(&json!({"reason": "挂失"})), StatusCode::OK).await;
    assert_eq!(code_of(redeem_card(&app, &merchant, "i1", id, LIWAN_A).await).await, "card_suspended");
    assert_eq!(
        redeem_card(&app, &merchant, "i2", id, YOUYUE_A).await.status(),
        StatusCode::CREATED,
        "the other card still works"
    );
    // Suspending the holder stops every card of theirs; no code either.
    let holder = format!("/api/v1/admin/cards/{YOUYUE_A}/suspend-holder");
    let _: Value =
        app.call(Method::POST, &holder, Some(&nanhai), Some(&json!({"reason": "冒用"})), StatusCode::OK).await;
    assert_eq!(code_of(redeem_card(&app, &merchant, "i3", id, YOUYUE_A).await).await, "person_suspended");
    let who = card_who(&card_session(&app, YOUYUE_A, HOLDER).await);
    app.refused::<()>(
        Method::GET,
        "/api/v1/cardholder/code",
        Some(&who),
        None,
        StatusCode::CONFLICT,
        "person_suspended",
    )
    .await;
    let reinstate = format!("/api/v1/admin/cards/{YOUYUE_A}/reinstate-holder");
    let _: Value = app.call(Method::POST, &reinstate, Some(&nanhai), Some(&json!({})), StatusCode::OK).await;
    assert_eq!(redeem_card(&app, &merchant, "i4", id, YOUYUE_A).await.status(), StatusCode::CREATED);
    let audit: linan_tests::linan_shared::AuditPage = app
        .call::<(), _>(
            Method::GET,
            "/api/v1/admin/audit?entity=person",
            Some(&app.demo("alliance@demo.linan").await),
            None,
            StatusCode::OK,
        )
        .await;
    assert_eq!(audit.items.len(), 2);
    assert!(
        !audit.items.iter().any(|e| e.after.as_ref().unwrap().to_string().contains("44060")),
        "no ID number in the log"
    );
}

async fn merchant_figures_count_redemptions_per_offer_and_day(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let quota = Quota { per_person_limit: None, per_person_period: None, daily_stock: Some(5) };
    let id = offer(&app, &merchant, "统计测试", quota).await;
    for key in ["f1", "f2"] {
        assert_eq!(redeem_card(&app, &merchant, key, id, LIWAN_A).await.status(), StatusCode::CREATED);
    }
    let figures: Figures =
        app.call::<(), _>(Method::GET, "/api/v1/merchant/figures", Some(&merchant), None, StatusCode::OK).await;
    let row = figures.days.iter().find(|r| r.benefit_id == id).unwrap();
    assert_eq!(row.redemptions, 2);
    let stock = figures.stock_left_today.iter().find(|s| s.benefit_id == id).unwrap();
    assert_eq!((stock.daily_stock, stock.left), (5, 3));
    app.refused::<()>(
        Method::GET,
        "/api/v1/merchant/figures?days=0",
        Some(&merchant),
        None,
        StatusCode::BAD_REQUEST,
        "invalid_parameter",
    )
    .await;
}

async fn a_hundred_simultaneous_redemptions_over_two_replicas_take_one_use(app: TestApp) {
    let replica = app.replica().await;
    let merchant = app.demo("merchant1@demo.linan").await;
    let id = offer(&app, &merchant, "并发测试", once_for_life()).await;
    let apps = [&app, &replica];
    let attempts = (0..100).map(|i| {
        let (target, merchant) = (apps[i % 2], &merchant);
        let card = if i % 4 < 2 { LIWAN_A } else { YOUYUE_A };
        async move {
            let response = redeem_card(target, merchant, &format!("race-{i}"), id, card).await;
            let status = response.status();
            (status, if status == StatusCode::CREATED { String::new() } else { code_of(response).await })
        }
    });
    let results = futures::future::join_all(attempts).await;
    let won = results.iter().filter(|(s, _)| *s == StatusCode::CREATED).count();
    assert_eq!(won, 1, "{results:?}");
    assert!(
        results
            .iter()
            .all(|(s, code)| *s == StatusCode::CREATED || (*s == StatusCode::CONFLICT && code == "quota_used")),
        "{results:?}"
    );
}
