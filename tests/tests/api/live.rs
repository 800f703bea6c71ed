//! One "live on a day": the query condition, the function over loaded rows,
//! the catalogue's list (the rule as SQL text), the detail and a partner's
//! count agree on a table of cases.

use std::collections::BTreeSet;

use chrono::{Duration, NaiveDate};
use linan_backend::{
    calendar::from_naive,
    catalogue::{create_benefit, create_partner},
    entity::{benefit, partner},
    live,
};
use linan_shared::{BenefitStatus, PartnerDto, PartnerStatus};
use linan_tests::{
    TestApp, db_tests,
    fixtures::{benefit_input, zh},
    session::partner_input,
};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter};

db_tests!(Demo => {
    every_form_of_live_on_a_day_agrees_on_a_table_of_cases,
});

/// Validity windows, in days from today: ended, ending today, one day only,
/// running, starting today, starting tomorrow, the day after only.
const WINDOWS: [(i64, i64); 7] = [(-10, -1), (-1, 0), (0, 0), (-1, 30), (0, 5), (1, 5), (2, 2)];

/// Ids of the benefits of `partners` that `condition` selects.
async fn ids_where(app: &TestApp, condition: Condition, partners: &[i64]) -> BTreeSet<i64> {
    let found = benefit::Entity::find().filter(condition).filter(benefit::Column::PartnerId.is_in(partners.to_vec()));
    found.all(&app.state.db).await.unwrap().iter().map(|b| b.id).collect()
}

async fn every_form_of_live_on_a_day_agrees_on_a_table_of_cases(app: TestApp) {
    let reference = app.reference().await;
    let (now, today) = (app.state.clock.now(), app.state.clock.today());
    let mut partners = Vec::new();
    for status in [PartnerStatus::Approved, PartnerStatus::Pending, PartnerStatus::Suspended] {
        let input = partner_input("liwan", &format!("状态 {}", status.as_str()));
        partners.push(create_partner(&app.state.db, &reference, &input, status, now).await.unwrap());
    }
    for &p in &partners {
        for status in BenefitStatus::ALL {
            for (from, until) in WINDOWS {
                let mut input = benefit_input(zh(&format!("{} {from}..{until}", status.as_str())));
                input.validity.from = from_naive(today + Duration::days(from));
                input.validity.until = from_naive(today + Duration::days(until));
                create_benefit(&app.state.db, &reference, p, &input, status, None, now).await.unwrap();
            }
        }
    }
    app.refresh().await;
    let rows = benefit::Entity::find().filter(benefit::Column::PartnerId.is_in(partners.clone())).all(&app.state.db);
    let rows = rows.await.unwrap();
    let owners = partner::Entity::find().filter(partner::Column::Id.is_in(partners.clone())).all(&app.state.db);
    let owners = owners.await.unwrap();
    let owner = |b: &benefit::Model| owners.iter().find(|p| p.id == b.partner_id).unwrap();
    let by_rows = |day: NaiveDate, rule: fn(&benefit::Model, &partner::Model, NaiveDate) -> bool| -> BTreeSet<i64> {
        rows.iter().filter(|b| rule(b, owner(b), day)).map(|b| b.id).collect()
    };

    for day in [today, today + Duration::days(1), today + Duration::days(2)] {
        let live_rows = by_rows(day, live::is_live);
        let by_condition = ids_where(&app, live::condition(day), &partners).await;
        assert_eq!(by_condition, live_rows, "condition and function on {day}");
        let mut by_list = BTreeSet::new();
        for p in &partners {
            let listed = app.all_benefits(&format!("partner={p}&valid_on={day}")).await;
            by_list.extend(listed.iter().map(|b| b.id));
        }
        assert_eq!(by_list, live_rows, "the list's SQL and the function on {day}");
        let open_rows = by_rows(day, live::is_open);
        let by_open = ids_where(&app, live::open_condition(day), &partners).await;
        assert_eq!(by_open, open_rows, "open: condition and function on {day}");
        assert!(live_rows.is_subset(&open_rows), "live implies open on {day}");
    }
    // Today: published, of the approved partner, with today in the window.
    assert_eq!(by_rows(today, live::is_live).len(), 4);
    let open_today = by_rows(today, live::is_open);
    for b in &rows {
        let status = app.get(&format!("/api/v1/benefits/{}", b.id)).await.status();
        let expected = if open_today.contains(&b.id) { StatusCode::OK } else { StatusCode::NOT_FOUND };
        assert_eq!(status, expected, "detail of {} ({})", b.id, b.title_zh_cn);
    }
    for p in &owners {
        let response = app.get(&format!("/api/v1/partners/{}", p.id)).await;
        if !live::partner_is_public(p) {
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "partner {}", p.status.as_str());
            continue;
        }
        let dto: PartnerDto = response.json().await.unwrap();
        let count = rows.iter().filter(|b| b.partner_id == p.id && live::is_live(b, p, today)).count();
        assert_eq!(dto.benefit_count as usize, count);
    }
}
