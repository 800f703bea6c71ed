//! The demo's events: at least 12 over both districts in the next 60 days,
//! one full with a waitlist, one open to all cards, one for tier A only,
//! one cancelled and one past; partners run some of them, one waits for
//! its district admin's review.

use chrono::Duration;
use linan_tests::{
    TestApp, db_tests,
    linan_shared::{EventList, EventPage, EventStatus},
    today,
};

use reqwest::{Method, StatusCode};

db_tests!(Demo => { the_demo_has_a_living_calendar_of_both_districts, partners_run_events_too });

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

async fn partners_run_events_too(app: TestApp) {
    for (staff, district, title, partner) in [
        ("merchant1@demo.linan", "liwan", "荔南人才健康论坛：心血管健康与就医绿色通道", "广州医科大学附属第三医院"),
        ("merchant2@demo.linan", "nanhai", "人才急救技能培训（心肺复苏与AED）", "佛山市南海区人民医院"),
    ] {
        let who = app.demo(staff).await;
        let own: EventList =
            app.call::<(), _>(Method::GET, "/api/v1/merchant/events", Some(&who), None, StatusCode::OK).await;
        let live = own.items.iter().find(|e| e.status == EventStatus::Published && e.event.title.zh_cn == title);
        let live = live.unwrap_or_else(|| panic!("{staff} does not run {title}"));
        assert_eq!(live.event.district.as_str(), district);
        assert_eq!(live.partner_name.as_ref().map(|n| n.zh_cn.as_str()), Some(partner), "reviewers read its name");
        let public: EventPage = app.get_json(&format!("/api/v1/events?district={district}&limit=100")).await;
        let item = public.items.iter().find(|e| e.id == live.id).expect("listed publicly");
        assert_eq!(item.organiser, partner, "named after its partner");
    }
    let liwan = app.demo("liwan-admin@demo.linan").await;
    let queue: EventList =
        app.call::<(), _>(Method::GET, "/api/v1/admin/events", Some(&liwan), None, StatusCode::OK).await;
    assert!(
        queue.items.iter().any(|e| e.status == EventStatus::PendingReview && e.event.title.zh_cn == "广彩瓷绘体验课"),
        "a partner's event waits for review"
    );
}
