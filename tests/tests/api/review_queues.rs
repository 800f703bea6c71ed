//! The admin review queues in keyset pages: `limit` + `cursor`, with
//! `next_cursor` in the answer, ordered by (last change, id) — every row
//! once, in a stable order, within the admin's districts.

use chrono::{DateTime, TimeZone, Utc};
use linan_tests::{
    TestApp, db_tests,
    fixtures::{benefit_input, zh},
    linan_backend::entity::{benefit, benefit_revision, partner},
    linan_shared::{BenefitStatus, OfferDto, OfferList, OfferWrite, PartnerList, PartnerStatus},
    session::{Who, partner_input},
};
use reqwest::{Method, StatusCode};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};

db_tests!(Demo => {
    paging_the_partner_queue_visits_every_row_once_in_order,
    paging_the_offer_queue_visits_every_row_once_in_order,
    a_bad_cursor_or_limit_is_a_400,
});

/// One moment several rows share, so the id must break the tie.
fn tie() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap()
}

/// Every id of `path`, page by page (`limit` per page), checking each page's size.
async fn walk(
    app: &TestApp,
    who: &Who,
    path: &str,
    limit: usize,
    page: fn(&str) -> (Vec<i64>, Option<String>),
) -> Vec<i64> {
    let mut ids = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..100 {
        let sep = if path.contains('?') { '&' } else { '?' };
        let url = match &cursor {
            Some(c) => format!("{path}{sep}limit={limit}&cursor={c}"),
            None => format!("{path}{sep}limit={limit}"),
        };
        let response = app.send::<()>(Method::GET, &url, Some(who), None).await;
        assert_eq!(response.status(), StatusCode::OK, "{url}");
        let (items, next) = page(&response.text().await.unwrap());
        assert!(items.len() <= limit, "{url}: {} items", items.len());
        if next.is_some() {
            assert_eq!(items.len(), limit, "{url}: only the last page is short");
        }
        ids.extend(items);
        match next {
            Some(c) => cursor = Some(c),
            None => return ids,
        }
    }
    panic!("more than 100 pages of {path}");
}

fn partner_page(text: &str) -> (Vec<i64>, Option<String>) {
    let list: PartnerList = serde_json::from_str(text).unwrap();
    (list.items.iter().map(|p| p.id).collect(), list.next_cursor)
}

fn offer_page(text: &str) -> (Vec<i64>, Option<String>) {
    let list: OfferList = serde_json::from_str(text).unwrap();
    (list.items.iter().map(|o| o.id).collect(), list.next_cursor)
}

/// Ids sorted as the queues sort: oldest change first, then id.
fn in_queue_order(mut rows: Vec<(DateTime<Utc>, i64)>) -> Vec<i64> {
    rows.sort();
    rows.into_iter().map(|(_, id)| id).collect()
}

async fn paging_the_partner_queue_visits_every_row_once_in_order(app: TestApp) {
    let reference = app.reference().await;
    for (i, district) in ["liwan", "nanhai", "liwan", "liwan", "nanhai", "liwan", "liwan"].iter().enumerate() {
        let input = partner_input(district, &format!("待审商户 {i}"));
        linan_tests::linan_backend::catalogue::create_partner(
            &app.state.db,
            &reference,
            &input,
            PartnerStatus::Pending,
            app.state.clock.now(),
        )
        .await
        .unwrap();
    }
    let pending =
        partner::Entity::find().filter(partner::Column::Status.eq("pending")).all(&app.state.db).await.unwrap();
    let tied: Vec<i64> = pending.iter().map(|p| p.id).step_by(2).collect();
    partner::Entity::update_many()
        .col_expr(partner::Column::UpdatedAt, Expr::value(tie()))
        .filter(partner::Column::Id.is_in(tied))
        .exec(&app.state.db)
        .await
        .unwrap();
    let pending =
        partner::Entity::find().filter(partner::Column::Status.eq("pending")).all(&app.state.db).await.unwrap();
    let liwan = reference.district_by_code("liwan").unwrap().id;

    let alliance = app.demo("alliance@demo.linan").await;
    let every = in_queue_order(pending.iter().map(|p| (p.updated_at, p.id)).collect());
    assert!(every.len() >= 8, "{every:?}");
    for limit in [1, 2, 3, every.len()] {
        assert_eq!(walk(&app, &alliance, "/api/v1/admin/partners", limit, partner_page).await, every, "limit {limit}");
    }
    let liwan_admin = app.demo("liwan-admin@demo.linan").await;
    let own = in_queue_order(pending.iter().filter(|p| p.district_id == liwan).map(|p| (p.updated_at, p.id)).collect());
    assert_eq!(walk(&app, &liwan_admin, "/api/v1/admin/partners?status=pending", 2, partner_page).await, own);
}

async fn paging_the_offer_queue_visits_every_row_once_in_order(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let partner_id = merchant.session.account.partner_id.unwrap();
    for i in 0..6 {
        app.add_benefit_in(partner_id, &benefit_input(zh(&format!("待审优惠 {i}"))), BenefitStatus::PendingReview)
            .await;
    }
    // A live offer with an edit waiting for review is in the queue too.
    let live = app.add_benefit(partner_id, &benefit_input(zh("已上线优惠"))).await;
    let current: OfferDto = app
        .call::<(), _>(Method::GET, &format!("/api/v1/merchant/offers/{live}"), Some(&merchant), None, StatusCode::OK)
        .await;
    let write = OfferWrite { version: current.version, offer: benefit_input(zh("已上线优惠（修改）")) };
    let _: OfferDto = app
        .call(Method::PUT, &format!("/api/v1/merchant/offers/{live}"), Some(&merchant), Some(&write), StatusCode::OK)
        .await;
    let waiting = |rows: Vec<benefit::Model>, revised: &[i64]| -> Vec<(DateTime<Utc>, i64)> {
        rows.into_iter()
            .filter(|b| b.status.as_str() == "pending_review" || revised.contains(&b.id))
            .map(|b| (b.updated_at, b.id))
            .collect()
    };
    let all = benefit::Entity::find().all(&app.state.db).await.unwrap();
    let tied: Vec<i64> = waiting(all, &[live]).into_iter().map(|(_, id)| id).step_by(2).collect();
    benefit::Entity::update_many()
        .col_expr(benefit::Column::UpdatedAt, Expr::value(tie()))
        .filter(benefit::Column::Id.is_in(tied))
        .exec(&app.state.db)
        .await
        .unwrap();
    let revised: Vec<i64> = benefit_revision::Entity::find()
        .filter(benefit_revision::Column::Status.eq("pending_review"))
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.benefit_id)
        .collect();
    let every = in_queue_order(waiting(benefit::Entity::find().all(&app.state.db).await.unwrap(), &revised));
    assert!(every.len() >= 7 && every.contains(&live), "{every:?}");

    let alliance = app.demo("alliance@demo.linan").await;
    for limit in [1, 2, 5] {
        assert_eq!(walk(&app, &alliance, "/api/v1/admin/offers", limit, offer_page).await, every, "limit {limit}");
    }
    // Another state pages the same way.
    let published = walk(&app, &alliance, "/api/v1/admin/offers?status=published", 7, offer_page).await;
    let unique: std::collections::BTreeSet<i64> = published.iter().copied().collect();
    assert_eq!(unique.len(), published.len(), "no offer twice");
    assert!(published.len() > 7, "more than one page: {}", published.len());
}

async fn a_bad_cursor_or_limit_is_a_400(app: TestApp) {
    let admin = app.demo("alliance@demo.linan").await;
    for path in ["/api/v1/admin/partners", "/api/v1/admin/offers"] {
        for (query, param) in
            [("cursor=not-a-cursor", "cursor"), ("cursor=e30", "cursor"), ("limit=0", "limit"), ("limit=201", "limit")]
        {
            let url = format!("{path}?{query}");
            let body = app
                .refused::<()>(Method::GET, &url, Some(&admin), None, StatusCode::BAD_REQUEST, "invalid_parameter")
                .await;
            assert_eq!(body.error.param.as_deref(), Some(param), "{url}");
        }
    }
}
