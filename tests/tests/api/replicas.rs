//! Replicas of the public catalogue: a write made through one replica is
//! answered by another within the version poll bound (`LINAN_VERSION_POLL_MS`),
//! its response cache and read model included; and list pages are chosen
//! from the read model, so requests that hold every pooled database
//! connection cannot starve them.

use std::time::{Duration, Instant};

use linan_tests::{
    Db, Seed, TestApp,
    linan_shared::{BenefitDetail, BenefitStatus, OfferList},
    spawn_app_with,
};
use reqwest::{Method, StatusCode};
use serde_json::json;

/// The poll interval of these tests' replicas.
const POLL: Duration = Duration::from_millis(400);

/// Waits (bounded) until `app`'s read model is of its current version.
async fn model_ready(app: &TestApp) {
    for _ in 0..200 {
        if app.state.catalogue.read_model().is_some() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the read model was not built within 10 s");
}

/// The ids on the first page of `query`, as `app` answers it.
async fn ids(app: &TestApp, query: &str) -> Vec<i64> {
    app.benefits(query).await.items.iter().map(|b| b.id).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_through_one_replica_is_answered_by_another_within_the_poll_bound() {
    for db in [Db::Sqlite, Db::Postgres] {
        let Some(app) = spawn_app_with(db, Seed::Demo, |c| c.version_poll_ms = POLL.as_millis() as u64).await else {
            continue;
        };
        let other = app.replica().await;
        let merchant = app.demo("merchant1@demo.linan").await;
        let offers: OfferList =
            app.call::<(), _>(Method::GET, "/api/v1/merchant/offers", Some(&merchant), None, StatusCode::OK).await;
        let live = offers
            .items
            .iter()
            .find(|o| o.status == BenefitStatus::Published)
            .expect("merchant1 has a published demo offer");
        let detail: BenefitDetail = other.get_json(&format!("/api/v1/benefits/{}", live.id)).await;
        let query = format!("district={}&limit=100", detail.summary.district.as_str());
        model_ready(&other).await;
        // The other replica has the page in its response cache and its read model.
        assert!(ids(&other, &query).await.contains(&live.id));
        assert!(ids(&other, &query).await.contains(&live.id));

        let path = format!("/api/v1/merchant/offers/{}/pause", live.id);
        let _: serde_json::Value = app
            .call(Method::POST, &path, Some(&merchant), Some(&json!({"version": live.version})), StatusCode::OK)
            .await;
        let written = Instant::now();
        let seen = loop {
            let listed = ids(&other, &query).await.contains(&live.id);
            let detail = other.get(&format!("/api/v1/benefits/{}", live.id)).await.status();
            if !listed && detail == StatusCode::NOT_FOUND {
                break written.elapsed();
            }
            assert!(
                written.elapsed() < Duration::from_secs(10),
                "{db:?}: the other replica still lists the paused offer"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        // One poll interval, and the slack a loaded test machine needs to run the poll.
        assert!(seen <= POLL + Duration::from_millis(1000), "{db:?}: seen after {seen:?}, poll {POLL:?}");
        // The rebuilt read model agrees once it is there.
        model_ready(&other).await;
        assert!(!ids(&other, &query).await.contains(&live.id));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_holding_every_pooled_connection_do_not_starve_list_pages() {
    for db in [Db::Sqlite, Db::Postgres] {
        // Two connections, no response cache: every page is chosen anew.
        let Some(app) = spawn_app_with(db, Seed::Demo, |c| {
            c.db_max_connections = 2;
            c.response_cache_entries = 0;
        })
        .await
        else {
            continue;
        };
        model_ready(&app).await;
        // Slow requests (a long export, a stuck transaction) hold the whole pool.
        let mut held: Vec<Box<dyn std::any::Any + Send>> = Vec::new();
        for _ in 0..2 {
            held.push(match db {
                Db::Sqlite => Box::new(app.state.db.get_sqlite_connection_pool().acquire().await.unwrap()),
                Db::Postgres => Box::new(app.state.db.get_postgres_connection_pool().acquire().await.unwrap()),
            });
        }
        for query in [
            "limit=20",
            "district=nanhai&category=scenic_discount&limit=20",
            "q=%E5%85%AC%E5%9B%AD",
            "q=park",
            "sort=nearest&near=23.12,113.24&radius_km=5",
            "scheme=youyue_foshan&tier=B",
        ] {
            let started = Instant::now();
            let response = app.get(&format!("/api/v1/benefits?{query}")).await;
            let took = started.elapsed();
            let status = response.status();
            assert_eq!(status, StatusCode::OK, "{db:?} {query} {}", response.text().await.unwrap());
            // The pool's acquire timeout is 5 s: a page that waited for a connection would show it.
            assert!(took < Duration::from_secs(1), "{db:?} {query}: {took:?} with the pool held");
        }
        drop(held);
    }
}
