//! Editing events: a draft and a district's own published event change in
//! place; a partner's published event changes only when its district admin
//! approves the edit (the live one stays public meanwhile); a capacity may
//! not drop below the seats taken, and one that grows seats the waitlist in
//! line; a cancelled event no longer changes; the replica that wrote
//! answers with the write at once.

use linan_tests::{
    TestApp, db_tests,
    events::event_input,
    linan_shared::{
        EventDetail, EventDto, EventInput, EventStatus, RegistrationDto, RegistrationList, RegistrationStatus,
        RevisionStatus,
    },
};
use reqwest::{Method, StatusCode};
use serde_json::json;

db_tests!(Demo => {
    a_draft_and_a_districts_published_event_change_in_place,
    a_partners_published_event_changes_through_review,
    capacity_keeps_the_seats_taken_and_growing_it_seats_the_waitlist,
    a_cancelled_event_does_not_change,
    the_replica_that_wrote_answers_with_it_at_once,
});

fn write(version: i32, event: &EventInput) -> serde_json::Value {
    json!({"version": version, "event": event})
}

async fn a_draft_and_a_districts_published_event_change_in_place(app: TestApp) {
    let liwan = app.demo("liwan-admin@demo.linan").await;
    let nanhai = app.demo("nanhai-admin@demo.linan").await;
    let mut input = event_input("liwan", "编辑前", 10, app.state.clock.now());
    let draft: EventDto =
        app.call(Method::POST, "/api/v1/admin/events", Some(&liwan), Some(&input), StatusCode::CREATED).await;
    let path = format!("/api/v1/admin/events/{}", draft.id);
    input.title.zh_cn = "草稿改过".into();
    let edited: EventDto =
        app.call(Method::PUT, &path, Some(&liwan), Some(&write(draft.version, &input)), StatusCode::OK).await;
    assert_eq!((edited.event.title.zh_cn.as_str(), edited.version), ("草稿改过", draft.version + 1));
    assert_eq!(edited.status, EventStatus::Draft);
    let read: EventDto = app.call::<(), _>(Method::GET, &path, Some(&liwan), None, StatusCode::OK).await;
    assert_eq!(read, edited);
    // The version read before the edit is stale now.
    app.refused(
        Method::PUT,
        &path,
        Some(&liwan),
        Some(&write(draft.version, &input)),
        StatusCode::CONFLICT,
        "stale_version",
    )
    .await;
    // Another district's admin does not see it.
    app.refused(
        Method::PUT,
        &path,
        Some(&nanhai),
        Some(&write(edited.version, &input)),
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    app.refused::<()>(Method::GET, &path, Some(&nanhai), None, StatusCode::NOT_FOUND, "not_found").await;
    // Field errors name the field inside the write; an event stays in its district.
    let mut bad = input.clone();
    bad.capacity = 0;
    let body = app
        .refused(
            Method::PUT,
            &path,
            Some(&liwan),
            Some(&write(edited.version, &bad)),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
        )
        .await;
    assert_eq!(body.error.param.as_deref(), Some("event.capacity"));
    let mut moved = input.clone();
    moved.district = linan_tests::linan_shared::DistrictCode::parse("nanhai").unwrap();
    let body = app
        .refused(
            Method::PUT,
            &path,
            Some(&liwan),
            Some(&write(edited.version, &moved)),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
        )
        .await;
    assert_eq!(body.error.param.as_deref(), Some("event.district"));

    // Published, the district's own event still changes in place, and the public sees it at once.
    let live: EventDto = app
        .call(
            Method::POST,
            &format!("{path}/publish"),
            Some(&liwan),
            Some(&json!({"version": edited.version})),
            StatusCode::OK,
        )
        .await;
    let public = format!("/api/v1/events/{}", live.id);
    let before: EventDetail = app.get_json(&public).await;
    assert_eq!(before.summary.title, "草稿改过");
    input.title.zh_cn = "发布后改过".into();
    let after: EventDto =
        app.call(Method::PUT, &path, Some(&liwan), Some(&write(live.version, &input)), StatusCode::OK).await;
    assert_eq!((after.status, after.revision.is_none()), (EventStatus::Published, true));
    let detail: EventDetail = app.get_json(&public).await;
    assert_eq!(detail.summary.title, "发布后改过");
}

async fn a_partners_published_event_changes_through_review(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let liwan = app.demo("liwan-admin@demo.linan").await;
    let mut input = event_input("liwan", "商户活动原题", 20, app.state.clock.now());
    let draft: EventDto =
        app.call(Method::POST, "/api/v1/merchant/events", Some(&merchant), Some(&input), StatusCode::CREATED).await;
    let own = format!("/api/v1/merchant/events/{}", draft.id);
    let review = format!("/api/v1/admin/events/{}", draft.id);
    let sent: EventDto = app
        .call(
            Method::POST,
            &format!("{own}/submit"),
            Some(&merchant),
            Some(&json!({"version": draft.version})),
            StatusCode::OK,
        )
        .await;
    // Under review, the event waits for its decision.
    app.refused(
        Method::PUT,
        &own,
        Some(&merchant),
        Some(&write(sent.version, &input)),
        StatusCode::CONFLICT,
        "invalid_state",
    )
    .await;
    let live: EventDto = app
        .call(
            Method::POST,
            &format!("{review}/publish"),
            Some(&liwan),
            Some(&json!({"version": sent.version})),
            StatusCode::OK,
        )
        .await;
    // Nothing waits for review: a published event is not published again.
    app.refused(
        Method::POST,
        &format!("{review}/publish"),
        Some(&liwan),
        Some(&json!({"version": live.version})),
        StatusCode::CONFLICT,
        "invalid_state",
    )
    .await;

    // The partner's edit waits; the public still reads the live event.
    input.title.zh_cn = "商户活动新题".into();
    let proposed: EventDto =
        app.call(Method::PUT, &own, Some(&merchant), Some(&write(live.version, &input)), StatusCode::OK).await;
    assert_eq!(proposed.status, EventStatus::Published);
    assert_eq!(proposed.event.title.zh_cn, "商户活动原题");
    let revision = proposed.revision.as_ref().expect("a pending revision");
    assert_eq!((revision.status, revision.event.title.zh_cn.as_str()), (RevisionStatus::PendingReview, "商户活动新题"));
    let public = format!("/api/v1/events/{}", draft.id);
    let detail: EventDetail = app.get_json(&public).await;
    assert_eq!(detail.summary.title, "商户活动原题");
    // The admin reviews a partner's edit; they do not make one.
    app.refused(
        Method::PUT,
        &review,
        Some(&liwan),
        Some(&write(proposed.version, &input)),
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let seen: EventDto = app.call::<(), _>(Method::GET, &review, Some(&liwan), None, StatusCode::OK).await;
    assert_eq!(seen.revision, proposed.revision);

    // Refused with a reason: the live event is unchanged and the partner sees why.
    let reject = format!("{review}/reject");
    app.refused(
        Method::POST,
        &reject,
        Some(&liwan),
        Some(&json!({"version": seen.version})),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_field",
    )
    .await;
    let refused: EventDto = app
        .call(
            Method::POST,
            &reject,
            Some(&liwan),
            Some(&json!({"version": seen.version, "reason": "标题需与海报一致"})),
            StatusCode::OK,
        )
        .await;
    let revision = refused.revision.as_ref().expect("the refused revision");
    assert_eq!((revision.status, revision.reason.as_deref()), (RevisionStatus::Rejected, Some("标题需与海报一致")));
    assert_eq!((refused.status, refused.event.title.zh_cn.as_str()), (EventStatus::Published, "商户活动原题"));
    let mine: EventDto = app.call::<(), _>(Method::GET, &own, Some(&merchant), None, StatusCode::OK).await;
    assert_eq!(mine.revision, refused.revision);

    // Edited again and approved: the new content is live, the revision gone.
    input.title.zh_cn = "商户活动定稿".into();
    let again: EventDto =
        app.call(Method::PUT, &own, Some(&merchant), Some(&write(refused.version, &input)), StatusCode::OK).await;
    assert_eq!(again.revision.as_ref().map(|r| r.status), Some(RevisionStatus::PendingReview));
    let approved: EventDto = app
        .call(
            Method::POST,
            &format!("{review}/publish"),
            Some(&liwan),
            Some(&json!({"version": again.version})),
            StatusCode::OK,
        )
        .await;
    assert_eq!((approved.event.title.zh_cn.as_str(), approved.revision.is_none()), ("商户活动定稿", true));
    let detail: EventDetail = app.get_json(&public).await;
    assert_eq!(detail.summary.title, "商户活动定稿");
}

async fn register(app: &TestApp, event: i64, token: &str) -> RegistrationDto {
    let response = app
        .client
        .post(format!("{}/api/v1/cardholder/events/{event}/registration", app.address))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.unwrap()
}

async fn mine(app: &TestApp, token: &str) -> RegistrationList {
    let response =
        app.client.get(format!("{}/api/v1/cardholder/events", app.address)).bearer_auth(token).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

async fn capacity_keeps_the_seats_taken_and_growing_it_seats_the_waitlist(app: TestApp) {
    let liwan = app.demo("liwan-admin@demo.linan").await;
    let mut input = event_input("liwan", "扩容的活动", 2, app.state.clock.now());
    let live = app.publish_event(&liwan, &input).await;
    let tokens = app.many_holders(4, "liwan_talent", "C").await;
    let mut answers = Vec::new();
    for token in &tokens {
        answers.push(register(&app, live.id, token).await);
    }
    let statuses: Vec<_> = answers.iter().map(|r| (r.status, r.position)).collect();
    assert_eq!(
        statuses,
        [
            (RegistrationStatus::Registered, None),
            (RegistrationStatus::Registered, None),
            (RegistrationStatus::Waitlisted, Some(1)),
            (RegistrationStatus::Waitlisted, Some(2)),
        ]
    );
    let path = format!("/api/v1/admin/events/{}", live.id);
    input.capacity = 1;
    let body = app
        .refused(
            Method::PUT,
            &path,
            Some(&liwan),
            Some(&write(live.version, &input)),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
        )
        .await;
    assert_eq!(body.error.param.as_deref(), Some("event.capacity"));
    input.capacity = 3;
    let grown: EventDto =
        app.call(Method::PUT, &path, Some(&liwan), Some(&write(live.version, &input)), StatusCode::OK).await;
    assert_eq!((grown.event.capacity, grown.seats_taken), (3, 3));
    let third = &mine(&app, &tokens[2]).await.items[0];
    assert_eq!((third.status, third.position), (RegistrationStatus::Registered, None));
    let fourth = &mine(&app, &tokens[3]).await.items[0];
    assert_eq!((fourth.status, fourth.position), (RegistrationStatus::Waitlisted, Some(1)));
    let detail: EventDetail = app.get_json(&format!("/api/v1/events/{}", live.id)).await;
    assert_eq!(detail.summary.seats_left, 0);
}

async fn a_cancelled_event_does_not_change(app: TestApp) {
    let liwan = app.demo("liwan-admin@demo.linan").await;
    let input = event_input("liwan", "取消后不改", 10, app.state.clock.now());
    let live = app.publish_event(&liwan, &input).await;
    let path = format!("/api/v1/admin/events/{}", live.id);
    let cancelled: EventDto = app
        .call(
            Method::POST,
            &format!("{path}/cancel"),
            Some(&liwan),
            Some(&json!({"version": live.version, "reason": "场地维修"})),
            StatusCode::OK,
        )
        .await;
    app.refused(
        Method::PUT,
        &path,
        Some(&liwan),
        Some(&write(cancelled.version, &input)),
        StatusCode::CONFLICT,
        "invalid_state",
    )
    .await;
}

/// Other replicas see a write within their poll interval; the one that made
/// it answers with it at once (an organiser checks the public page right away).
async fn the_replica_that_wrote_answers_with_it_at_once(app: TestApp) {
    let liwan = app.demo("liwan-admin@demo.linan").await;
    let mut input = event_input("liwan", "写后即读", 10, app.state.clock.now());
    let live = app.publish_event(&liwan, &input).await;
    let public = format!("/api/v1/events/{}", live.id);
    app.refresh().await;
    let detail: EventDetail = app.get_json(&public).await;
    assert_eq!(detail.summary.title, "写后即读");
    let path = format!("/api/v1/admin/events/{}", live.id);
    input.title.zh_cn = "写后即读（改）".into();
    let edited: EventDto =
        app.call(Method::PUT, &path, Some(&liwan), Some(&write(live.version, &input)), StatusCode::OK).await;
    let detail: EventDetail = app.get_json(&public).await;
    assert_eq!(detail.summary.title, "写后即读（改）");
    let token = &app.many_holders(1, "liwan_talent", "C").await[0];
    register(&app, live.id, token).await;
    let detail: EventDetail = app.get_json(&public).await;
    assert_eq!(detail.summary.seats_left, 9);
    let reason = json!({"version": edited.version, "reason": "暴雨预警"});
    let _: EventDto =
        app.call(Method::POST, &format!("{path}/cancel"), Some(&liwan), Some(&reason), StatusCode::OK).await;
    let detail: EventDetail = app.get_json(&public).await;
    assert_eq!((detail.summary.status, detail.cancel_reason.as_deref()), (EventStatus::Cancelled, Some("暴雨预警")));
}
