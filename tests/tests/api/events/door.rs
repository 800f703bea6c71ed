//! The door: the organiser checks a registrant in with the code the holder
//! shows (once; then 409), sees names and tiers with the figures, and
//! exports a CSV a spreadsheet opens without running formulas.

use linan_tests::{
    TestApp, db_tests,
    events::event_input,
    linan_backend::entity::card,
    linan_shared::{CounterCodeDto, DoorEntry, DoorList, EventDto, RegistrationDto},
    session::Who,
};
use reqwest::{Method, StatusCode};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;

db_tests!(Demo => { the_organiser_checks_a_holder_in_once_and_exports_a_safe_csv });

fn bearer(token: &str, s: &Who) -> Who {
    Who { token: token.to_owned(), session: s.session.clone() }
}

async fn the_organiser_checks_a_holder_in_once_and_exports_a_safe_csv(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let other = app.demo("merchant2@demo.linan").await;
    let liwan = app.demo("liwan-admin@demo.linan").await;
    let input = event_input("liwan", "商户沙龙", 10, app.state.clock.now());
    let draft: EventDto =
        app.call(Method::POST, "/api/v1/merchant/events", Some(&merchant), Some(&input), StatusCode::CREATED).await;
    let submit = format!("/api/v1/merchant/events/{}/submit", draft.id);
    let sent: EventDto = app
        .call(Method::POST, &submit, Some(&merchant), Some(&json!({"version": draft.version})), StatusCode::OK)
        .await;
    let publish = format!("/api/v1/admin/events/{}/publish", draft.id);
    let _: EventDto =
        app.call(Method::POST, &publish, Some(&liwan), Some(&json!({"version": sent.version})), StatusCode::OK).await;

    // A holder whose registry name looks like a formula, and one without a seat.
    let tokens = app.many_holders(2, "youyue_foshan", "B").await;
    let first =
        card::Entity::find().filter(card::Column::HolderName.eq("测试0")).one(&app.state.db).await.unwrap().unwrap();
    let mut renamed: card::ActiveModel = first.into();
    renamed.holder_name = Set("=HYPERLINK(\"x\")".into());
    renamed.update(&app.state.db).await.unwrap();
    let holder = bearer(&tokens[0], &merchant);
    let stranger = bearer(&tokens[1], &merchant);
    let path = format!("/api/v1/cardholder/events/{}/registration", draft.id);
    let _: RegistrationDto = app.call::<(), _>(Method::POST, &path, Some(&holder), None, StatusCode::CREATED).await;

    let check_in = format!("/api/v1/merchant/events/{}/check-in", draft.id);
    let code: CounterCodeDto =
        app.call::<(), _>(Method::GET, "/api/v1/cardholder/code", Some(&holder), None, StatusCode::OK).await;
    app.refused(
        Method::POST,
        &check_in,
        Some(&other),
        Some(&json!({"code": code.qr})),
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let card_number = json!({"card_number": "LW2026000014", "id_last4": "0014", "birth_date": "1990-01-01"});
    app.refused(
        Method::POST,
        &check_in,
        Some(&merchant),
        Some(&card_number),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_field",
    )
    .await;
    let done: DoorEntry =
        app.call(Method::POST, &check_in, Some(&merchant), Some(&json!({"code": code.qr})), StatusCode::OK).await;
    assert!(done.checked_in_at.is_some());
    // The code is spent; a fresh one finds the holder checked in already.
    app.refused(
        Method::POST,
        &check_in,
        Some(&merchant),
        Some(&json!({"code": code.code})),
        StatusCode::CONFLICT,
        "code_invalid",
    )
    .await;
    let code: CounterCodeDto =
        app.call::<(), _>(Method::GET, "/api/v1/cardholder/code", Some(&holder), None, StatusCode::OK).await;
    app.refused(
        Method::POST,
        &check_in,
        Some(&merchant),
        Some(&json!({"code": code.code})),
        StatusCode::CONFLICT,
        "already_checked_in",
    )
    .await;
    let code: CounterCodeDto =
        app.call::<(), _>(Method::GET, "/api/v1/cardholder/code", Some(&stranger), None, StatusCode::OK).await;
    app.refused(
        Method::POST,
        &check_in,
        Some(&merchant),
        Some(&json!({"code": code.code})),
        StatusCode::CONFLICT,
        "not_registered",
    )
    .await;

    let list: DoorList = app
        .call::<(), _>(
            Method::GET,
            &format!("/api/v1/merchant/events/{}/registrations", draft.id),
            Some(&merchant),
            None,
            StatusCode::OK,
        )
        .await;
    assert_eq!((list.figures.registered, list.figures.checked_in, list.figures.no_shows), (1, 1, 0));
    assert_eq!(list.items[0].holder_name, "=HYPERLINK(\"x\")");
    let text = serde_json::to_string(&list).unwrap();
    assert!(!text.contains("id_hash") && !text.contains("national"), "no ID data: {text}");
    // The district's admin runs the door of a partner's event in their district too.
    let _: DoorList = app
        .call::<(), _>(
            Method::GET,
            &format!("/api/v1/merchant/events/{}/registrations", draft.id),
            Some(&liwan),
            None,
            StatusCode::OK,
        )
        .await;

    let csv = app
        .send::<()>(Method::GET, &format!("/api/v1/merchant/events/{}/attendees.csv", draft.id), Some(&merchant), None)
        .await;
    assert_eq!(csv.status(), StatusCode::OK);
    assert!(csv.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let csv = csv.text().await.unwrap();
    let row = csv.lines().nth(1).unwrap();
    assert!(row.starts_with("\"'=HYPERLINK(\"\"x\"\")\""), "the formula is neutralised: {row}");
}
