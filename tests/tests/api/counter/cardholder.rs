//! The cardholder: what the card reaches in both districts and why, counter
//! codes (single use, two minutes, signed QR), and the integrity list
//! stopping cards and holders. (Signing in: `factors`.)

use chrono::Duration;
use linan_tests::{
    TestApp, db_tests,
    fixtures::{benefit_input, rule, zh},
    linan_shared::{CardBenefits, CounterCodeDto, Quota, Reach},
};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::support::*;

db_tests!(Demo => {
    a_signed_in_cardholder_sees_both_districts,
    a_counter_code_works_once_and_a_forged_qr_not_at_all,
    the_integrity_list_stops_cards_and_holders,
    simultaneous_codes_for_one_card_leave_one_unused,
});

async fn a_signed_in_cardholder_sees_both_districts(app: TestApp) {
    let session = signed_in(&app, LIWAN_A).await;
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
    let youyue = card_who(&signed_in(&app, YOUYUE_A).await);
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

async fn a_counter_code_works_once_and_a_forged_qr_not_at_all(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let id = offer(&app, &merchant, "扫码测试", Quota::default()).await;
    let who = card_who(&signed_in(&app, YOUYUE_A).await);
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
    let who = card_who(&signed_in(&app, YOUYUE_A).await);
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

async fn simultaneous_codes_for_one_card_leave_one_unused(app: TestApp) {
    use linan_tests::linan_backend::entity::{card, counter_code};
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    let session = signed_in(&app, LIWAN_A).await;
    let who = card_who(&session);
    // The session's burst: five codes at once.
    let asks = (0..5).map(|_| app.send::<()>(Method::GET, "/api/v1/cardholder/code", Some(&who), None));
    for response in futures::future::join_all(asks).await {
        assert_eq!(response.status(), StatusCode::OK);
    }
    let card = card::Entity::find().filter(card::Column::Number.eq(LIWAN_A)).one(&app.state.db).await.unwrap().unwrap();
    let unused = counter_code::Entity::find()
        .filter(counter_code::Column::CardId.eq(card.id))
        .filter(counter_code::Column::UsedAt.is_null())
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(unused, 1, "each new code replaces the card's unused ones");
}
