//! Capacity under contention: 200 different eligible holders register at
//! once for 50 seats over two replicas of one database — exactly 50 seats,
//! 150 places in line numbered 1…150 — then 10 of the seated cancel at
//! once and exactly the first 10 in line get their seats.

use futures::future::join_all;
use linan_tests::{
    TestApp, db_tests,
    events::event_input,
    linan_backend::entity::{event, event_registration},
    linan_shared::{RegistrationDto, RegistrationStatus},
};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

db_tests!(Demo => { two_hundred_holders_share_fifty_seats_over_two_replicas });

/// `method` on the registration of `event` with `token`, on `app`.
async fn send(app: &TestApp, method: reqwest::Method, event: i64, token: &str) -> reqwest::Response {
    app.client
        .request(method, format!("{}/api/v1/cardholder/events/{event}/registration", app.address))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

async fn registrations(app: &TestApp, event: i64) -> Vec<event_registration::Model> {
    event_registration::Entity::find()
        .filter(event_registration::Column::EventId.eq(event))
        .all(&app.state.db)
        .await
        .unwrap()
}

async fn two_hundred_holders_share_fifty_seats_over_two_replicas(app: TestApp) {
    let liwan = app.demo("liwan-admin@demo.linan").await;
    let event = app.publish_event(&liwan, &event_input("liwan", "人才招聘会", 50, app.state.clock.now())).await.id;
    let tokens = app.many_holders(200, "youyue_foshan", "C").await;
    let replica = app.replica().await;
    let answers = join_all(tokens.iter().enumerate().map(|(i, token)| {
        let on = if i % 2 == 0 { &app } else { &replica };
        async move {
            let response = send(on, reqwest::Method::POST, event, token).await;
            let status = response.status();
            let text = response.text().await.unwrap();
            assert_eq!(status, StatusCode::CREATED, "{text}");
            serde_json::from_str::<RegistrationDto>(&text).unwrap()
        }
    }))
    .await;
    let seated = answers.iter().filter(|a| a.status == RegistrationStatus::Registered).count();
    assert_eq!(seated, 50);
    let mut positions: Vec<u32> = answers.iter().filter_map(|a| a.position).collect();
    positions.sort_unstable();
    assert_eq!(positions, (1..=150).collect::<Vec<u32>>(), "150 in line, numbered in arrival order");
    let row = event::Entity::find_by_id(event).one(&app.state.db).await.unwrap().unwrap();
    assert_eq!((row.seats_taken, row.waitlist_issued), (50, 150));

    // Ten of the seated cancel at once, half on each replica.
    let first_in_line: Vec<i64> = {
        let mut line: Vec<_> = registrations(&app, event)
            .await
            .into_iter()
            .filter(|r| r.status == RegistrationStatus::Waitlisted)
            .collect();
        line.sort_by_key(|r| r.waitlist_position);
        line.iter().take(10).map(|r| r.id).collect()
    };
    let leaving: Vec<&String> = tokens
        .iter()
        .zip(&answers)
        .filter(|(_, a)| a.status == RegistrationStatus::Registered)
        .map(|(t, _)| t)
        .take(10)
        .collect();
    let cancelled = join_all(leaving.iter().enumerate().map(|(i, token)| {
        let on = if i % 2 == 0 { &app } else { &replica };
        async move { send(on, reqwest::Method::DELETE, event, token).await.status() }
    }))
    .await;
    assert!(cancelled.iter().all(|s| *s == StatusCode::OK), "{cancelled:?}");
    let rows = registrations(&app, event).await;
    let count = |s: RegistrationStatus| rows.iter().filter(|r| r.status == s).count();
    assert_eq!(
        (
            count(RegistrationStatus::Registered),
            count(RegistrationStatus::Waitlisted),
            count(RegistrationStatus::Cancelled)
        ),
        (50, 140, 10)
    );
    for id in first_in_line {
        let r = rows.iter().find(|r| r.id == id).unwrap();
        assert_eq!(r.status, RegistrationStatus::Registered, "the first 10 in line got the seats");
    }
    let row = event::Entity::find_by_id(event).one(&app.state.db).await.unwrap().unwrap();
    assert_eq!(row.seats_taken, 50);
}
