//! The integrity list's holds, apart from the registry's status: an import
//! does not lift them, a holder hold shows in both districts' audit views and
//! only its deciding district (or the alliance) lifts it, the counter refuses
//! a held card, and the migration turns old suspensions into holds.

use linan_tests::{
    Db, Seed, TestApp, db_tests, fresh_db,
    linan_backend::{
        counter::holds,
        entity::{card, hold},
    },
    linan_shared::{AuditPage, CardBenefits, CardStatus, HoldList, HoldTarget, Quota},
    session::Who,
};
use reqwest::{Method, StatusCode};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use super::support::*;

db_tests!(Demo => {
    an_import_with_the_card_active_does_not_lift_a_hold_and_keeps_its_reason,
    a_holder_hold_shows_in_both_districts_and_only_its_district_or_the_alliance_lifts_it,
    two_simultaneous_holds_on_one_card_give_one_200_and_one_409,
});

/// The demo registry's row of [`LIWAN_A`], with `status`.
fn liwan_a_row(status: &str) -> String {
    format!(
        "card_number,scheme,tier,holder_name,national_id,valid_from,valid_until,status\n\
         {LIWAN_A},liwan_talent,A,陈小荔,440103199001010014,2025-01-01,2035-12-31,{status}\n"
    )
}

async fn import(app: &TestApp, who: &Who, csv: String) {
    let response = app
        .client
        .post(format!("{}/api/v1/admin/cards/import", app.address))
        .bearer_auth(&who.token)
        .header("content-type", "text/csv")
        .body(csv)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let report: Value = response.json().await.unwrap();
    assert_eq!(report["rejected"], json!([]), "{report}");
}

async fn holds_of(app: &TestApp, who: &Who) -> HoldList {
    app.call::<(), _>(Method::GET, "/api/v1/admin/holds", Some(who), None, StatusCode::OK).await
}

async fn an_import_with_the_card_active_does_not_lift_a_hold_and_keeps_its_reason(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let liwan = app.demo("liwan-admin@demo.linan").await;
    let id = offer(&app, &merchant, "挂失测试", Quota::default()).await;
    let suspend = format!("/api/v1/admin/cards/{LIWAN_A}/suspend");
    let _: Value =
        app.call(Method::POST, &suspend, Some(&liwan), Some(&json!({"reason": "挂失"})), StatusCode::OK).await;
    // The registry says suspended, then active again: its status changes twice, the hold never.
    import(&app, &liwan, liwan_a_row("suspended")).await;
    import(&app, &liwan, liwan_a_row("active")).await;
    let c = card::Entity::find().filter(card::Column::Number.eq(LIWAN_A)).one(&app.state.db).await.unwrap().unwrap();
    assert_eq!(c.status.as_str(), "active", "the registry's status is what the import says");
    let list = holds_of(&app, &liwan).await;
    let held: Vec<_> = list.items.iter().filter(|h| h.card_number == LIWAN_A).collect();
    assert_eq!(held.len(), 1, "{list:?}");
    assert_eq!((held[0].target, held[0].reason.as_str()), (HoldTarget::Card, "挂失"));
    assert_eq!(held[0].deciding_district.as_deref(), Some("liwan"));
    assert!(held[0].may_lift);
    assert_eq!(code_of(redeem_card(&app, &merchant, "h1", id, LIWAN_A).await).await, "card_suspended");
    let checked: CardBenefits = verify(&app, &merchant, &proof(LIWAN_A)).await.json().await.unwrap();
    assert_eq!(checked.card.status, CardStatus::Suspended, "the counter shows a held card as suspended");
    // Lifting the hold leaves what the registry says: active, so the card works.
    let reinstate = format!("/api/v1/admin/cards/{LIWAN_A}/reinstate");
    let _: Value = app.call(Method::POST, &reinstate, Some(&liwan), Some(&json!({})), StatusCode::OK).await;
    assert_eq!(redeem_card(&app, &merchant, "h2", id, LIWAN_A).await.status(), StatusCode::CREATED);
    app.refused(Method::POST, &reinstate, Some(&liwan), Some(&json!({})), StatusCode::CONFLICT, "invalid_state").await;
}

async fn a_holder_hold_shows_in_both_districts_and_only_its_district_or_the_alliance_lifts_it(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let liwan = app.demo("liwan-admin@demo.linan").await;
    let nanhai = app.demo("nanhai-admin@demo.linan").await;
    let alliance = app.demo("alliance@demo.linan").await;
    let id = offer(&app, &merchant, "冒用测试", Quota::default()).await;
    // Liwan puts the holder on the list through their Liwan card: the Youyue card stops too.
    let hold = format!("/api/v1/admin/cards/{LIWAN_A}/suspend-holder");
    let _: Value = app.call(Method::POST, &hold, Some(&liwan), Some(&json!({"reason": "冒用"})), StatusCode::OK).await;
    assert_eq!(code_of(redeem_card(&app, &merchant, "p1", id, YOUYUE_A).await).await, "person_suspended");

    // Nanhai sees the decision: in its audit view and its list, as not its own to lift.
    let path = "/api/v1/admin/audit?action=person.suspend";
    let log: AuditPage = app.call::<(), _>(Method::GET, path, Some(&nanhai), None, StatusCode::OK).await;
    assert_eq!(log.items.len(), 1, "{log:?}");
    assert_eq!(log.items[0].district.as_deref(), Some("liwan"));
    assert_eq!(log.items[0].also_districts, vec!["nanhai".to_owned()]);
    let list = holds_of(&app, &nanhai).await;
    assert_eq!(list.items.len(), 1, "{list:?}");
    assert_eq!((list.items[0].target, list.items[0].deciding_district.as_deref()), (HoldTarget::Holder, Some("liwan")));
    assert!(!list.items[0].may_lift);
    assert!(holds_of(&app, &liwan).await.items[0].may_lift);

    // Nanhai cannot lift it through the Youyue card, nor place a second one.
    let lift = format!("/api/v1/admin/cards/{YOUYUE_A}/reinstate-holder");
    app.refused(Method::POST, &lift, Some(&nanhai), Some(&json!({})), StatusCode::FORBIDDEN, "hold_not_yours").await;
    let again = format!("/api/v1/admin/cards/{YOUYUE_A}/suspend-holder");
    let body = json!({"reason": "再次"});
    app.refused(Method::POST, &again, Some(&nanhai), Some(&body), StatusCode::CONFLICT, "invalid_state").await;
    assert_eq!(code_of(redeem_card(&app, &merchant, "p2", id, YOUYUE_A).await).await, "person_suspended");

    // The alliance may lift it; both districts see that too.
    let _: Value = app.call(Method::POST, &lift, Some(&alliance), Some(&json!({})), StatusCode::OK).await;
    assert_eq!(redeem_card(&app, &merchant, "p3", id, YOUYUE_A).await.status(), StatusCode::CREATED);
    assert!(holds_of(&app, &nanhai).await.items.is_empty());
    for admin in [&liwan, &nanhai] {
        let path = "/api/v1/admin/audit?action=person.reinstate";
        let log: AuditPage = app.call::<(), _>(Method::GET, path, Some(admin), None, StatusCode::OK).await;
        assert_eq!(log.items.len(), 1, "{log:?}");
    }
}

async fn two_simultaneous_holds_on_one_card_give_one_200_and_one_409(app: TestApp) {
    let liwan = app.demo("liwan-admin@demo.linan").await;
    let alliance = app.demo("alliance@demo.linan").await;
    let path = format!("/api/v1/admin/cards/{LIWAN_A}/suspend-holder");
    let body = json!({"reason": "并发"});
    let (a, b) = tokio::join!(
        app.send(Method::POST, &path, Some(&liwan), Some(&body)),
        app.send(Method::POST, &path, Some(&alliance), Some(&body))
    );
    let mut statuses = [a.status(), b.status()];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
    let lift = format!("/api/v1/admin/cards/{LIWAN_A}/reinstate-holder");
    let empty = json!({});
    let (a, b) = tokio::join!(
        app.send(Method::POST, &lift, Some(&alliance), Some(&empty)),
        app.send(Method::POST, &lift, Some(&alliance), Some(&empty))
    );
    let mut statuses = [a.status(), b.status()];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
}

/// Runs `sql` on `db`.
async fn run(db: &impl ConnectionTrait, sql: &str) {
    db.execute_unprepared(sql).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
}

#[tokio::test]
async fn the_migration_keeps_suspended_cards_and_holders_suspended_as_holds() {
    use linan_tests::linan_backend::migration::Migrator;
    use sea_orm_migration::MigratorTrait;
    for db in [Db::Sqlite, Db::Postgres] {
        let Some(fresh) = fresh_db(db, Seed::Demo).await else { continue };
        let conn = fresh.connect().await;
        let names: Vec<String> = Migrator::migrations().iter().map(|m| m.name().to_owned()).collect();
        let at = names.iter().position(|n| n == "m20261203_000007_holds").unwrap();
        Migrator::down(&conn, Some(u32::try_from(names.len() - at).unwrap())).await.unwrap();
        // As the old integrity list left them: a card suspended with a reason
        // (after its audit event), a holder suspended without an event.
        run(&conn, &format!("UPDATE card SET status = 'suspended', reason = '挂失' WHERE number = '{LIWAN_A}'")).await;
        run(
            &conn,
            &format!(
                "INSERT INTO audit_event (at, actor_id, actor_email, actor_role, action, entity, entity_id, district_id, \
                 \"before\", \"after\") SELECT updated_at, NULL, 'alliance@demo.linan', 'alliance_admin', 'card.suspend', \
                 'card', id, NULL, '{{\"number\":\"{LIWAN_A}\",\"status\":\"active\"}}', NULL FROM card WHERE number = '{LIWAN_A}'"
            ),
        )
        .await;
        run(
            &conn,
            "UPDATE person SET status = 'suspended', reason = '冒用' WHERE id = \
             (SELECT person_id FROM card WHERE number = 'YF202600000022')",
        )
        .await;
        Migrator::up(&conn, None).await.unwrap();

        let find = |number: &'static str| {
            let conn = &conn;
            async move { card::Entity::find().filter(card::Column::Number.eq(number)).one(conn).await.unwrap().unwrap() }
        };
        let (liwan_a, youyue_a, other) = (find(LIWAN_A).await, find(YOUYUE_A).await, find("YF202600000022").await);
        assert_eq!(liwan_a.status.as_str(), "active", "{db:?}: back to what the registry said before the suspension");
        assert!(holds::held(&conn, &liwan_a).await.unwrap().card, "{db:?}");
        assert!(!holds::held(&conn, &youyue_a).await.unwrap().card, "{db:?}");
        assert!(holds::held(&conn, &other).await.unwrap().holder, "{db:?}");
        let rows = hold::Entity::find().all(&conn).await.unwrap();
        assert_eq!(rows.len(), 2, "{db:?}: {rows:?}");
        let card_hold = rows.iter().find(|h| h.target == holds::CARD).unwrap();
        assert_eq!((card_hold.reason.as_str(), card_hold.district_id), ("挂失", None), "the alliance decided");
        let holder_hold = rows.iter().find(|h| h.target == holds::HOLDER).unwrap();
        assert_eq!(holder_hold.reason, "冒用");
        assert!(holder_hold.district_id.is_some(), "the district of the holder's card");
        // The demo's card the registry suspended stays suspended, without a hold.
        let registry = find("YF202600000055").await;
        assert_eq!(registry.status.as_str(), "suspended");
        assert_eq!(holds::held(&conn, &registry).await.unwrap(), Default::default());
    }
}
