//! Sort orders and cursor pagination.

use std::collections::{BTreeSet, HashMap};

use linan_backend::entity::benefit;
use linan_shared::BenefitSummary;
use linan_tests::{TestApp, db_tests};
use reqwest::StatusCode;
use sea_orm::EntityTrait;

db_tests!(Demo => {
    newest_orders_by_publication_time_then_id,
    ending_soon_orders_by_end_of_validity,
    nearest_orders_by_distance,
    small_pages_walk_the_same_list_as_one_big_page,
    the_last_page_has_no_cursor_and_limits_are_honoured,
    a_cursor_of_another_sort_order_or_garbage_is_refused,
});

async fn published_at(app: &TestApp) -> HashMap<i64, i64> {
    benefit::Entity::find()
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|b| (b.id, b.published_at.unwrap_or(0)))
        .collect()
}

async fn newest_orders_by_publication_time_then_id(app: TestApp) {
    let listed = app.all_benefits("limit=100").await;
    let published = published_at(&app).await;
    let keys: Vec<(i64, i64)> = listed.iter().map(|b| (published[&b.id], b.id)).collect();
    let mut sorted = keys.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(keys, sorted);
}

async fn ending_soon_orders_by_end_of_validity(app: TestApp) {
    let listed = app.all_benefits("sort=ending_soon&limit=100").await;
    let keys: Vec<_> = listed.iter().map(|b| (b.validity.until, b.id)).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert!(keys.first() < keys.last(), "the demo has different end dates");
}

async fn nearest_orders_by_distance(app: TestApp) {
    // Xiqiao Mountain, Nanhai.
    let listed = app.all_benefits("near=22.937,112.968&sort=nearest&limit=100").await;
    let distances: Vec<f64> = listed.iter().map(|b| b.distance_km.unwrap()).collect();
    assert!(distances.windows(2).all(|w| w[0] <= w[1]), "{distances:?}");
    assert!(listed[0].district.as_str() == "nanhai");
}

fn walk_ids(items: &[BenefitSummary]) -> Vec<i64> {
    items.iter().map(|b| b.id).collect()
}

async fn small_pages_walk_the_same_list_as_one_big_page(app: TestApp) {
    for query in [
        "sort=newest",
        "sort=ending_soon",
        "near=23.1,113.2&sort=nearest",
        "q=%E5%85%8D%E8%B4%B9", // 免费, relevance
        "district=nanhai&sort=ending_soon",
    ] {
        let big = app.benefits(&format!("{query}&limit=100")).await;
        assert!(big.next_cursor.is_none(), "{query}: fits one page");
        let small = app.all_benefits(&format!("{query}&limit=7")).await;
        assert_eq!(walk_ids(&small), walk_ids(&big.items), "{query}");
        let unique: BTreeSet<i64> = small.iter().map(|b| b.id).collect();
        assert_eq!(unique.len(), small.len(), "{query}: no duplicates");
    }
}

async fn the_last_page_has_no_cursor_and_limits_are_honoured(app: TestApp) {
    let default = app.benefits("").await;
    assert_eq!(default.items.len(), 20, "default limit");
    assert!(default.next_cursor.is_some());
    assert_eq!(app.benefits("limit=1").await.items.len(), 1);
    let total = app.all_benefits("limit=100").await.len();
    let exact = app.benefits(&format!("limit={}", total.min(100))).await;
    assert_eq!(exact.items.len(), total.min(100));
    if total <= 100 {
        assert!(exact.next_cursor.is_none(), "a page holding exactly the rest has no cursor");
    }
}

async fn a_cursor_of_another_sort_order_or_garbage_is_refused(app: TestApp) {
    let cursor = app.benefits("limit=2").await.next_cursor.unwrap();
    let body =
        app.expect_error(&format!("/api/v1/benefits?sort=ending_soon&cursor={cursor}"), StatusCode::BAD_REQUEST).await;
    assert_eq!(body.error.param.as_deref(), Some("cursor"));
    for garbage in ["abc", "eyJzIjoibmV3ZXN0In0", "%00%01", "e30"] {
        let body = app.expect_error(&format!("/api/v1/benefits?cursor={garbage}"), StatusCode::BAD_REQUEST).await;
        assert_eq!(body.error.param.as_deref(), Some("cursor"), "{garbage}");
    }
}
