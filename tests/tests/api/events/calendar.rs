//! The calendar files: RFC 5545 that a phone imports, the hour right in
//! China Standard Time, a cancellation marked, ETag and 304 as for JSON.

use chrono::{DateTime, Duration, FixedOffset, NaiveDateTime, Timelike};
use linan_tests::{TestApp, db_tests, events::event_input};
use reqwest::{Method, StatusCode, header};
use serde_json::json;

db_tests!(Demo => { an_event_imports_at_the_organisers_hour_and_a_cancellation_shows });

/// The value of the first `NAME:` line of `ics`.
fn value<'a>(ics: &'a str, name: &str) -> &'a str {
    ics.lines().find_map(|l| l.strip_prefix(&format!("{name}:"))).unwrap_or_else(|| panic!("no {name} in {ics}"))
}

async fn an_event_imports_at_the_organisers_hour_and_a_cancellation_shows(app: TestApp) {
    let liwan = app.demo("liwan-admin@demo.linan").await;
    let now = app.state.clock.now();
    let cst = FixedOffset::east_opt(8 * 3600).unwrap();
    // 14:00 in Guangzhou, three days from now.
    let day = (now.with_timezone(&cst) + Duration::days(3)).date_naive();
    let starts = day.and_hms_opt(14, 0, 0).unwrap().and_local_timezone(cst).unwrap();
    let mut input = event_input("liwan", "广绣体验课", 20, now);
    input.starts_at = starts.to_rfc3339();
    input.ends_at = (starts + Duration::hours(2)).to_rfc3339();
    let event = app.publish_event(&liwan, &input).await;

    let response = app.get(&format!("/api/v1/events/{}.ics", event.id)).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/calendar"));
    let etag = response.headers()[header::ETAG].to_str().unwrap().to_owned();
    let ics = response.text().await.unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR"), "{ics}");
    assert_eq!(value(&ics, "UID"), format!("event-{}@linan-talent-home", event.id));
    assert_eq!(value(&ics, "SUMMARY"), "广绣体验课");
    // A phone set to Asia/Shanghai reads the UTC time as 14:00 on the day.
    let dtstart = NaiveDateTime::parse_from_str(value(&ics, "DTSTART"), "%Y%m%dT%H%M%SZ").unwrap().and_utc();
    let local: DateTime<FixedOffset> = dtstart.with_timezone(&cst);
    assert_eq!((local.date_naive(), local.hour(), local.minute()), (day, 14, 0));
    assert_eq!(value(&ics, "STATUS"), "CONFIRMED");
    let again = app.get_with(&format!("/api/v1/events/{}.ics", event.id), &[("if-none-match", &etag)]).await;
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);

    let cancel = format!("/api/v1/admin/events/{}/cancel", event.id);
    let body = json!({"version": event.version, "reason": "场地维修"});
    let _: serde_json::Value = app.call(Method::POST, &cancel, Some(&liwan), Some(&body), StatusCode::OK).await;
    app.refresh().await;
    let ics = app.get(&format!("/api/v1/events/{}.ics", event.id)).await.text().await.unwrap();
    assert_eq!(value(&ics, "STATUS"), "CANCELLED");
    assert!(ics.contains("场地维修"), "{ics}");

    let list = app.get("/api/v1/events.ics?district=liwan").await;
    assert_eq!(list.status(), StatusCode::OK);
    let list = list.text().await.unwrap();
    assert!(list.contains(&format!("UID:event-{}@linan-talent-home", event.id)), "{list}");
    app.expect_error("/api/v1/events/0.ics", StatusCode::BAD_REQUEST).await;
    app.expect_error("/api/v1/events/999999.ics", StatusCode::NOT_FOUND).await;
}
