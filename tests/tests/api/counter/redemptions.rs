//! Redemptions at the counter: per-person quotas across both of a person's
//! cards, idempotency keys, voids, daily stock, quota periods on a moved
//! clock, every reason why not, figures, and 100 concurrent redemptions over
//! two replicas.

use chrono::{Datelike, Duration};
use linan_tests::{
    TestApp, db_tests,
    fixtures::{benefit_input, rule, zh},
    linan_shared::{
        AuditAction, BenefitStatus, CardBenefits, Figures, LocalizedText, Quota, QuotaPeriod, RedemptionDto,
        RedemptionList, Refusal,
    },
};
use reqwest::{Method, StatusCode};
use serde_json::json;

use super::support::*;

db_tests!(Demo => {
    one_person_cannot_claim_twice_with_two_cards,
    a_retried_redemption_with_the_same_key_is_recorded_once,
    a_void_within_30_minutes_gives_the_use_back,
    of_twenty_simultaneous_voids_one_succeeds_and_gives_back_once,
    daily_stock_runs_out_and_comes_back_the_next_day,
    quota_periods_follow_the_calendar,
    each_reason_why_not_is_named_at_the_counter,
    merchant_figures_count_redemptions_per_offer_and_day,
    a_hundred_simultaneous_redemptions_over_two_replicas_take_one_use,
    redemptions_are_told_in_the_language_asked_for,
});

async fn one_person_cannot_claim_twice_with_two_cards(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let id = offer(&app, &merchant, "终身一次", once_for_life()).await;
    let first = redeem_card(&app, &merchant, "k1", id, LIWAN_A).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let second = redeem_card(&app, &merchant, "k2", id, YOUYUE_A).await;
    assert_eq!(second.status(), StatusCode::CONFLICT);
    assert_eq!(code_of(second).await, "quota_used");
    // The other card's preview knows it too.
    let who = card_who(&signed_in(&app, YOUYUE_A).await);
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
    let missing = redeem(&app, &merchant, "", redemption(id, LIWAN_A)).await;
    assert_eq!(missing.status(), StatusCode::BAD_REQUEST);
    let long = redeem(&app, &merchant, &"k".repeat(101), redemption(id, LIWAN_A)).await;
    assert_eq!(long.status(), StatusCode::BAD_REQUEST);
    let body: serde_json::Value = long.json().await.unwrap();
    assert_eq!(body["error"]["param"], "Idempotency-Key", "{body}");
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

async fn of_twenty_simultaneous_voids_one_succeeds_and_gives_back_once(app: TestApp) {
    let replica = app.replica().await;
    let merchant = app.demo("merchant1@demo.linan").await;
    let quota =
        Quota { per_person_limit: Some(3), per_person_period: Some(QuotaPeriod::Lifetime), daily_stock: Some(4) };
    let id = offer(&app, &merchant, "并发作废", quota).await;
    // Two uses, so that a second give-back would show (the counters never go below zero).
    let done: RedemptionDto = redeem_card(&app, &merchant, "cv1", id, LIWAN_A).await.json().await.unwrap();
    assert_eq!(redeem_card(&app, &merchant, "cv0", id, YOUYUE_A).await.status(), StatusCode::CREATED);
    let path = format!("/api/v1/redemptions/{}/void", done.id);
    let apps = [&app, &replica];
    let attempts = (0..20).map(|i| {
        let (target, merchant, path) = (apps[i % 2], &merchant, &path);
        async move {
            let body = json!({"reason": format!("并发 {i}")});
            let response = target.send(Method::POST, path, Some(merchant), Some(&body)).await;
            let status = response.status();
            (status, if status == StatusCode::OK { String::new() } else { code_of(response).await })
        }
    });
    let results = futures::future::join_all(attempts).await;
    assert_eq!(results.iter().filter(|(s, _)| *s == StatusCode::OK).count(), 1, "{results:?}");
    assert!(
        results.iter().all(|(s, code)| *s == StatusCode::OK || (*s == StatusCode::CONFLICT && code == "invalid_state")),
        "{results:?}"
    );
    // The use and the stock came back exactly once: two more uses fit, a third does not.
    let figures: Figures =
        app.call::<(), _>(Method::GET, "/api/v1/merchant/figures", Some(&merchant), None, StatusCode::OK).await;
    let stock = figures.stock_left_today.iter().find(|s| s.benefit_id == id).unwrap();
    assert_eq!(stock.left, 3, "the stock is back once, not twenty times");
    assert_eq!(redeem_card(&app, &merchant, "cv2", id, LIWAN_A).await.status(), StatusCode::CREATED);
    assert_eq!(redeem_card(&app, &merchant, "cv3", id, YOUYUE_A).await.status(), StatusCode::CREATED);
    let third = redeem_card(&app, &merchant, "cv4", id, LIWAN_A).await;
    assert_eq!(code_of(third).await, "quota_used", "the use came back once");
    let admin = app.demo("alliance@demo.linan").await;
    let audit: linan_tests::linan_shared::AuditPage = app
        .call::<(), _>(Method::GET, "/api/v1/admin/audit?entity=redemption", Some(&admin), None, StatusCode::OK)
        .await;
    let voids =
        audit.items.iter().filter(|e| e.entity_id == done.id && e.action == AuditAction::RedemptionVoid).count();
    assert_eq!(voids, 1, "one void in the audit log");
}

async fn daily_stock_runs_out_and_comes_back_the_next_day(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let quota = Quota { per_person_limit: None, per_person_period: None, daily_stock: Some(1) };
    let id = offer(&app, &merchant, "每日一个号", quota).await;
    assert_eq!(redeem_card(&app, &merchant, "s1", id, LIWAN_A).await.status(), StatusCode::CREATED);
    let response = redeem(&app, &merchant, "s2", redemption(id, "LW2026000022")).await;
    assert_eq!(code_of(response).await, "stock_gone");
    app.state.clock.advance(Duration::days(1));
    // A day on, the 12-hour session has ended too.
    let merchant = app.demo("merchant1@demo.linan").await;
    let response = redeem(&app, &merchant, "s3", redemption(id, "LW2026000022")).await;
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
    let merchant = app.demo("merchant1@demo.linan").await;
    assert_eq!(redeem_card(&app, &merchant, "d3", daily, YOUYUE_A).await.status(), StatusCode::CREATED, "a new day");
    // To the first of next month.
    let today = app.state.clock.today();
    let next_month = today.month() % 12 + 1;
    let first = chrono::NaiveDate::from_ymd_opt(today.year() + i32::from(next_month == 1), next_month, 1).unwrap();
    app.state.clock.advance(first - today);
    let merchant = app.demo("merchant1@demo.linan").await;
    let response = redeem_card(&app, &merchant, "m4", monthly, YOUYUE_A).await;
    assert_eq!(response.status(), StatusCode::CREATED, "a new month: {}", code_of(response).await);
}

async fn each_reason_why_not_is_named_at_the_counter(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let mut input = benefit_input(zh("仅 A 卡"));
    input.eligibility = vec![rule("liwan_talent", "A")];
    let only_a = app.add_benefit(merchant.session.account.partner_id.unwrap(), &input).await;
    let response = redeem(&app, &merchant, "t", redemption(only_a, "LW2026000030")).await;
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
    let response = redeem(&app, &merchant, "w1", redemption(open, "YF202600000055")).await;
    assert_eq!(code_of(response).await, "card_suspended");
    let response = redeem(&app, &merchant, "w2", redemption(open, "YF202600000063")).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    // Another partner's offer is not this counter's to redeem.
    let other = app.demo("merchant2@demo.linan").await;
    assert_eq!(redeem_card(&app, &other, "x", open, LIWAN_A).await.status(), StatusCode::NOT_FOUND);
    // Admins do not redeem.
    let admin = app.demo("liwan-admin@demo.linan").await;
    assert_eq!(redeem_card(&app, &admin, "y", open, LIWAN_A).await.status(), StatusCode::FORBIDDEN);
    // Past its window (the clock moved beyond it), an offer is not valid today; sessions
    // and throttles go by the same clock, so each jump signs in again (and nobody after
    // the clock moves back, when the throttle's times lie ahead).
    let short = app.add_benefit(merchant.session.account.partner_id.unwrap(), &benefit_input(zh("三十天"))).await;
    app.state.clock.advance(Duration::days(31));
    let merchant = app.demo("merchant1@demo.linan").await;
    assert_eq!(code_of(redeem_card(&app, &merchant, "late", short, LIWAN_A).await).await, "not_valid_today");
    app.state.clock.advance(Duration::days(-31));
    // Past the card's own validity (the demo cards run to 2035), the card is expired.
    app.state.clock.advance(Duration::days(366 * 10));
    let merchant = app.demo("merchant1@demo.linan").await;
    assert_eq!(code_of(redeem_card(&app, &merchant, "old", open, LIWAN_A).await).await, "card_expired");
    app.state.clock.advance(Duration::days(-366 * 10));
}

async fn merchant_figures_count_redemptions_per_offer_and_day(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let quota = Quota { per_person_limit: None, per_person_period: None, daily_stock: Some(5) };
    let id = offer(&app, &merchant, "统计测试", quota).await;
    let unused = offer(
        &app,
        &merchant,
        "无人使用",
        Quota { per_person_limit: None, per_person_period: None, daily_stock: Some(3) },
    )
    .await;
    for key in ["f1", "f2"] {
        assert_eq!(redeem_card(&app, &merchant, key, id, LIWAN_A).await.status(), StatusCode::CREATED);
    }
    let figures: Figures =
        app.call::<(), _>(Method::GET, "/api/v1/merchant/figures", Some(&merchant), None, StatusCode::OK).await;
    let row = figures.days.iter().find(|r| r.benefit_id == id).unwrap();
    assert_eq!(row.redemptions, 2);
    let stock = figures.stock_left_today.iter().find(|s| s.benefit_id == id).unwrap();
    assert_eq!((stock.daily_stock, stock.left), (5, 3));
    let untouched = figures.stock_left_today.iter().find(|s| s.benefit_id == unused).unwrap();
    assert_eq!((untouched.daily_stock, untouched.left), (3, 3), "an offer nobody used today keeps its stock");
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

async fn redemptions_are_told_in_the_language_asked_for(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let title = LocalizedText::new("语言测试", Some("語言測試"), Some("Language test"));
    let id = offer_titled(&app, &merchant, title, Quota::default()).await;
    let response = app
        .client
        .post(format!("{}/api/v1/redemptions?lang=en", app.address))
        .bearer_auth(&merchant.token)
        .header("idempotency-key", "lang-1")
        .json(&redemption(id, LIWAN_A))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let done: RedemptionDto = response.json().await.unwrap();
    assert_eq!(done.benefit_title, "Language test");

    let titles = |list: &RedemptionList| list.items.iter().find(|r| r.benefit_id == id).unwrap().benefit_title.clone();
    let path = "/api/v1/merchant/redemptions";
    let list: RedemptionList = app.call::<(), _>(Method::GET, path, Some(&merchant), None, StatusCode::OK).await;
    assert_eq!(titles(&list), "语言测试", "zh-CN without a choice");
    let list: RedemptionList =
        app.call::<(), _>(Method::GET, &format!("{path}?lang=zh-HK"), Some(&merchant), None, StatusCode::OK).await;
    assert_eq!(titles(&list), "語言測試");
    let who = card_who(&signed_in(&app, YOUYUE_A).await);
    let history: RedemptionList = app
        .call::<(), _>(Method::GET, "/api/v1/cardholder/redemptions?lang=en", Some(&who), None, StatusCode::OK)
        .await;
    assert_eq!(titles(&history), "Language test");
    app.call::<(), serde_json::Value>(
        Method::GET,
        &format!("{path}?lang=fr"),
        Some(&merchant),
        None,
        StatusCode::BAD_REQUEST,
    )
    .await;

    // The audit log keeps zh-CN, whatever the answer's language was.
    let voided: RedemptionDto = app
        .call(
            Method::POST,
            &format!("/api/v1/redemptions/{}/void?lang=en", done.id),
            Some(&merchant),
            Some(&json!({"reason": "测试"})),
            StatusCode::OK,
        )
        .await;
    assert_eq!(voided.benefit_title, "Language test");
    let admin = app.demo("alliance@demo.linan").await;
    let audit: linan_tests::linan_shared::AuditPage = app
        .call::<(), _>(Method::GET, "/api/v1/admin/audit?entity=redemption", Some(&admin), None, StatusCode::OK)
        .await;
    let recorded = audit.items.iter().filter(|e| e.entity_id == done.id).count();
    assert_eq!(recorded, 2, "the redemption and its void");
    for event in audit.items.iter().filter(|e| e.entity_id == done.id) {
        assert_eq!(event.after.as_ref().unwrap()["benefit_title"], "语言测试");
    }
}
