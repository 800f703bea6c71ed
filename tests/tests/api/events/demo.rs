//! The demo's events: at least 12 over both districts in the next 60 days,
//! one full with a waitlist, one open to all cards, one for tier A only,
//! one cancelled and one past.

use chrono::Duration;
use linan_tests::{
    TestApp, db_tests,
    linan_shared::{EventPage, EventStatus},
    today,
};

db_tests!(Demo => { the_demo_has_a_living_calendar_of_both_districts });

async fn the_demo_has_a_living_calendar_of_both_districts(app: TestApp) {
    let upcoming: EventPage = app.get_json("/api/v1/events?limit=100").await;
    let items = &upcoming.items;
    assert!(items.len() >= 12, "{} upcoming events", items.len());
    for district in ["liwan", "nanhai"] {
        assert!(items.iter().any(|e| e.district.as_str() == district), "no {district} event");
    }
    let limit = linan_tests::now() + Duration::days(60);
    assert!(items.iter().all(|e| chrono::DateTime::parse_from_rfc3339(&e.starts_at).unwrap() < limit));
    assert!(items.iter().any(|e| e.seats_left == 0 && e.waitlist && e.registration_open), "one full with a waitlist");
    assert!(items.iter().any(|e| e.eligibility.is_empty()), "one open to all cards");
    assert!(
        items.iter().any(|e| !e.eligibility.is_empty() && e.eligibility.iter().all(|r| r.min_tier.as_str() == "A")),
        "one for tier A only"
    );
    assert!(items.iter().any(|e| e.status == EventStatus::Cancelled), "one cancelled");
    let from = today() - Duration::days(30);
    let all: EventPage = app.get_json(&format!("/api/v1/events?limit=100&from={from}")).await;
    let now = linan_tests::now();
    assert!(all.items.iter().any(|e| chrono::DateTime::parse_from_rfc3339(&e.ends_at).unwrap() < now), "one past");
}
