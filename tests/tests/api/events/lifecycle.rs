//! A district's own events are published by its admin; a partner's go
//! through review; a cancellation carries its reason to the public; the
//! public list filters, searches (two-character Chinese too) and pages.

use linan_tests::{
    TestApp, db_tests,
    events::event_input,
    fixtures::rule,
    linan_shared::{EventDetail, EventDto, EventPage, EventStatus, LocalizedText},
};
use reqwest::{Method, StatusCode};
use serde_json::json;

db_tests!(Demo => {
    a_district_publishes_its_own_event_and_the_public_sees_it,
    a_partners_event_goes_through_review,
    a_cancelled_event_shows_its_reason,
    the_list_filters_searches_and_pages,
});

async fn a_district_publishes_its_own_event_and_the_public_sees_it(app: TestApp) {
    let liwan = app.demo("liwan-admin@demo.linan").await;
    let nanhai = app.demo("nanhai-admin@demo.linan").await;
    let now = app.state.clock.now();
    let mut input = event_input("liwan", "荔南人才研修班", 30, now);
    input.title = LocalizedText::new("荔南人才研修班", None, Some("Linan talent class"));
    // Not the admin's district: refused on the field.
    let body = app
        .refused(
            Method::POST,
            "/api/v1/admin/events",
            Some(&nanhai),
            Some(&input),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
        )
        .await;
    assert_eq!(body.error.param.as_deref(), Some("district"));
    let draft: EventDto =
        app.call(Method::POST, "/api/v1/admin/events", Some(&liwan), Some(&input), StatusCode::CREATED).await;
    assert_eq!(draft.status, EventStatus::Draft);
    app.expect_error(&format!("/api/v1/events/{}", draft.id), StatusCode::NOT_FOUND).await;
    let publish = format!("/api/v1/admin/events/{}/publish", draft.id);
    app.refused(
        Method::POST,
        &publish,
        Some(&nanhai),
        Some(&json!({"version": draft.version})),
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let live: EventDto =
        app.call(Method::POST, &publish, Some(&liwan), Some(&json!({"version": draft.version})), StatusCode::OK).await;
    assert_eq!(live.status, EventStatus::Published);
    app.refused(
        Method::POST,
        &publish,
        Some(&liwan),
        Some(&json!({"version": draft.version})),
        StatusCode::CONFLICT,
        "invalid_state",
    )
    .await;
    let detail: EventDetail = app.get_json(&format!("/api/v1/events/{}?lang=en", live.id)).await;
    assert_eq!(detail.summary.title, "Linan talent class");
    assert_eq!((detail.summary.seats_left, detail.summary.registration_open), (30, true));
    assert!(detail.summary.starts_at.ends_with("+08:00"), "{}", detail.summary.starts_at);
    let page: EventPage = app.get_json("/api/v1/events?district=liwan").await;
    assert!(page.items.iter().any(|e| e.id == live.id));
}

async fn a_partners_event_goes_through_review(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let pending = app.demo("merchant3@demo.linan").await;
    let liwan = app.demo("liwan-admin@demo.linan").await;
    let input = event_input("liwan", "商户联谊沙龙", 20, app.state.clock.now());
    app.refused(
        Method::POST,
        "/api/v1/merchant/events",
        Some(&pending),
        Some(&input),
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let draft: EventDto =
        app.call(Method::POST, "/api/v1/merchant/events", Some(&merchant), Some(&input), StatusCode::CREATED).await;
    assert_eq!(draft.partner_id, merchant.session.account.partner_id);
    // A partner's draft is not the admin's to publish before it is submitted.
    let publish = format!("/api/v1/admin/events/{}/publish", draft.id);
    app.refused(
        Method::POST,
        &publish,
        Some(&liwan),
        Some(&json!({"version": draft.version})),
        StatusCode::CONFLICT,
        "invalid_state",
    )
    .await;
    let submit = format!("/api/v1/merchant/events/{}/submit", draft.id);
    let sent: EventDto = app
        .call(Method::POST, &submit, Some(&merchant), Some(&json!({"version": draft.version})), StatusCode::OK)
        .await;
    assert_eq!(sent.status, EventStatus::PendingReview);
    let reject = format!("/api/v1/admin/events/{}/reject", draft.id);
    app.refused(
        Method::POST,
        &reject,
        Some(&liwan),
        Some(&json!({"version": sent.version})),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_field",
    )
    .await;
    let back: EventDto = app
        .call(
            Method::POST,
            &reject,
            Some(&liwan),
            Some(&json!({"version": sent.version, "reason": "请补充议程"})),
            StatusCode::OK,
        )
        .await;
    assert_eq!((back.status, back.review_reason.as_deref()), (EventStatus::Draft, Some("请补充议程")));
    let sent: EventDto =
        app.call(Method::POST, &submit, Some(&merchant), Some(&json!({"version": back.version})), StatusCode::OK).await;
    let live: EventDto =
        app.call(Method::POST, &publish, Some(&liwan), Some(&json!({"version": sent.version})), StatusCode::OK).await;
    assert_eq!(live.status, EventStatus::Published);
    let detail: EventDetail = app.get_json(&format!("/api/v1/events/{}", live.id)).await;
    assert_ne!(detail.summary.organiser, "荔湾区", "a partner's event names the partner");
}

async fn a_cancelled_event_shows_its_reason(app: TestApp) {
    let liwan = app.demo("liwan-admin@demo.linan").await;
    let live = app.publish_event(&liwan, &event_input("liwan", "取消的活动", 10, app.state.clock.now())).await;
    let cancel = format!("/api/v1/admin/events/{}/cancel", live.id);
    app.refused(
        Method::POST,
        &cancel,
        Some(&liwan),
        Some(&json!({"version": live.version})),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_field",
    )
    .await;
    let gone: EventDto = app
        .call(
            Method::POST,
            &cancel,
            Some(&liwan),
            Some(&json!({"version": live.version, "reason": "台风停课"})),
            StatusCode::OK,
        )
        .await;
    assert_eq!(gone.status, EventStatus::Cancelled);
    let detail: EventDetail = app.get_json(&format!("/api/v1/events/{}", live.id)).await;
    assert_eq!((detail.summary.status, detail.cancel_reason.as_deref()), (EventStatus::Cancelled, Some("台风停课")));
    assert!(!detail.summary.registration_open);
}

async fn the_list_filters_searches_and_pages(app: TestApp) {
    let liwan = app.demo("liwan-admin@demo.linan").await;
    let nanhai = app.demo("nanhai-admin@demo.linan").await;
    let now = app.state.clock.now();
    let mut hike = event_input("nanhai", "丹霞山测试徒步", 40, now);
    hike.eligibility = vec![rule("youyue_foshan", "A")];
    let hike = app.publish_event(&nanhai, &hike).await;
    let class = app.publish_event(&liwan, &event_input("liwan", "广绣体验课", 12, now)).await;
    let ids = |p: &EventPage| p.items.iter().map(|e| e.id).collect::<Vec<_>>();
    let found: EventPage = app.get_json(&format!("/api/v1/events?q={}", "丹霞")).await;
    assert_eq!(ids(&found), vec![hike.id], "two-character Chinese finds the hike");
    let found: EventPage = app.get_json("/api/v1/events?district=liwan").await;
    assert!(ids(&found).contains(&class.id) && !ids(&found).contains(&hike.id));
    // A Youyue C card may not join the tier A hike; an open class it may.
    let found: EventPage = app.get_json("/api/v1/events?scheme=youyue_foshan&tier=C").await;
    assert!(ids(&found).contains(&class.id) && !ids(&found).contains(&hike.id));
    let found: EventPage = app.get_json("/api/v1/events?scheme=youyue_foshan&tier=A").await;
    assert!(ids(&found).contains(&hike.id));
    let first: EventPage = app.get_json("/api/v1/events?limit=1").await;
    assert_eq!(first.items.len(), 1);
    let next = first.next_cursor.clone().unwrap();
    let second: EventPage = app.get_json(&format!("/api/v1/events?limit=1&cursor={next}")).await;
    assert_ne!(ids(&first), ids(&second));
    let bad = app.expect_error("/api/v1/events?type=party", StatusCode::BAD_REQUEST).await;
    assert_eq!(bad.error.param.as_deref(), Some("type"));
    app.expect_error("/api/v1/events?scheme=youyue_foshan", StatusCode::BAD_REQUEST).await;
}
