//! Staff off-boarding: the owner removes a staff account (its sessions end
//! at once, it can no longer sign in, its audit trail stays) and revokes
//! pending invitations; owners cannot remove themselves; invitations are
//! throttled per owner.

use linan_tests::{
    TestApp, db_tests,
    fixtures::{benefit_input, zh},
    linan_shared::{
        AccountList, AuditAction, AuditPage, InviteList, InviteRequest, LoginRequest, OfferDto, SessionDto,
        SignupRequest,
    },
    session::{PASSWORD, Who},
};
use reqwest::{Method, StatusCode};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

db_tests!(Demo => {
    a_removed_account_is_signed_out_at_once_and_cannot_sign_in_again,
    the_audit_trail_of_a_removed_account_stays,
    owners_cannot_remove_themselves_nor_other_partners_staff,
    of_many_simultaneous_removals_exactly_one_succeeds,
    two_owners_removing_each_other_at_once_leave_one,
    owners_revoke_pending_invitations,
    invitations_are_throttled_per_owner,
});

fn remove_path(who: &Who) -> String {
    format!("/api/v1/merchant/staff/{}", who.session.account.id)
}

async fn staff_emails(app: &TestApp, owner: &Who) -> Vec<String> {
    let list: AccountList =
        app.call::<(), _>(Method::GET, "/api/v1/merchant/staff", Some(owner), None, StatusCode::OK).await;
    list.items.into_iter().map(|a| a.email).collect()
}

async fn audit(app: &TestApp, query: &str) -> AuditPage {
    let admin = app.demo("liwan-admin@demo.linan").await;
    app.call::<(), _>(Method::GET, &format!("/api/v1/admin/audit?{query}"), Some(&admin), None, StatusCode::OK).await
}

async fn a_removed_account_is_signed_out_at_once_and_cannot_sign_in_again(app: TestApp) {
    let owner = app.demo("merchant1@demo.linan").await;
    let staff = app.join_staff(&owner, "leaver@example.cn").await;
    let second_session = app.login("leaver@example.cn", PASSWORD).await;
    let _: SessionDto = app.call::<(), _>(Method::GET, "/api/v1/auth/me", Some(&staff), None, StatusCode::OK).await;

    let response = app.send::<()>(Method::DELETE, &remove_path(&staff), Some(&owner), None).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    for session in [&staff, &second_session] {
        app.refused::<()>(
            Method::GET,
            "/api/v1/auth/me",
            Some(session),
            None,
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
        )
        .await;
    }
    let login = LoginRequest { email: "leaver@example.cn".into(), password: PASSWORD.into(), bearer: true };
    app.refused(
        Method::POST,
        "/api/v1/auth/login",
        None,
        Some(&login),
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
    )
    .await;
    assert_eq!(staff_emails(&app, &owner).await, ["merchant1@demo.linan"]);
    // The address stays with the removed account: inviting it again is a conflict, not a new account.
    app.refused(
        Method::POST,
        "/api/v1/merchant/staff/invites",
        Some(&owner),
        Some(&InviteRequest { email: "leaver@example.cn".into() }),
        StatusCode::CONFLICT,
        "conflict",
    )
    .await;
}

async fn the_audit_trail_of_a_removed_account_stays(app: TestApp) {
    let owner = app.demo("merchant1@demo.linan").await;
    let staff = app.join_staff(&owner, "worked-here@example.cn").await;
    let offer: OfferDto = app
        .call(
            Method::POST,
            "/api/v1/merchant/offers",
            Some(&staff),
            Some(&benefit_input(zh("离职前的草稿"))),
            StatusCode::CREATED,
        )
        .await;
    let id = staff.session.account.id;
    let response = app.send::<()>(Method::DELETE, &remove_path(&staff), Some(&owner), None).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);

    let theirs = audit(&app, &format!("actor={id}")).await;
    assert!(theirs.items.iter().any(|e| e.action == AuditAction::OfferCreate && e.entity_id == offer.id), "{theirs:?}");
    let removal = audit(&app, &format!("action=account.remove&entity_id={id}")).await;
    assert_eq!(removal.items.len(), 1);
    let event = &removal.items[0];
    assert_eq!(event.actor_id, Some(owner.session.account.id));
    assert_eq!(event.before.as_ref().unwrap()["email"], "worked-here@example.cn");
    assert!(event.after.as_ref().unwrap()["removed_at"].is_string(), "{:?}", event.after);
    assert_eq!(event.district.as_deref(), Some("liwan"));
}

async fn owners_cannot_remove_themselves_nor_other_partners_staff(app: TestApp) {
    let owner = app.demo("merchant1@demo.linan").await;
    let staff = app.join_staff(&owner, "stays@example.cn").await;
    let body = app
        .refused::<()>(Method::DELETE, &remove_path(&owner), Some(&owner), None, StatusCode::CONFLICT, "invalid_state")
        .await;
    assert!(body.error.message.contains("your own account"), "{}", body.error.message);
    // Another partner's owner: the account does not exist for them.
    let other = app.demo("merchant2@demo.linan").await;
    app.refused::<()>(Method::DELETE, &remove_path(&staff), Some(&other), None, StatusCode::NOT_FOUND, "not_found")
        .await;
    // Staff who are not owners may not remove anyone.
    app.refused::<()>(Method::DELETE, &remove_path(&owner), Some(&staff), None, StatusCode::FORBIDDEN, "forbidden")
        .await;
    // An admin is no owner either.
    let admin = app.demo("alliance@demo.linan").await;
    app.refused::<()>(Method::DELETE, &remove_path(&staff), Some(&admin), None, StatusCode::FORBIDDEN, "forbidden")
        .await;
    assert_eq!(staff_emails(&app, &owner).await, ["merchant1@demo.linan", "stays@example.cn"]);
}

async fn of_many_simultaneous_removals_exactly_one_succeeds(app: TestApp) {
    let owner = app.demo("merchant1@demo.linan").await;
    let staff = app.join_staff(&owner, "raced@example.cn").await;
    let path = remove_path(&staff);
    let answers =
        futures::future::join_all((0..8).map(|_| app.send::<()>(Method::DELETE, &path, Some(&owner), None))).await;
    let mut statuses: Vec<u16> = answers.iter().map(|r| r.status().as_u16()).collect();
    statuses.sort_unstable();
    assert_eq!(statuses, [204, 404, 404, 404, 404, 404, 404, 404]);
    let removal = audit(&app, &format!("action=account.remove&entity_id={}", staff.session.account.id)).await;
    assert_eq!(removal.items.len(), 1, "one removal, one audit event");
}

async fn two_owners_removing_each_other_at_once_leave_one(app: TestApp) {
    use linan_tests::linan_backend::entity::account;
    use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
    let first = app.demo("merchant1@demo.linan").await;
    let second = app.join_staff(&first, "co-owner@example.cn").await;
    // No route makes a second owner yet; the rule must hold when there is one.
    let row = account::Entity::find_by_id(second.session.account.id).one(&app.state.db).await.unwrap().unwrap();
    let mut row = row.into_active_model();
    row.is_owner = Set(true);
    row.update(&app.state.db).await.unwrap();
    let (a, b) = futures::future::join(
        app.send::<()>(Method::DELETE, &remove_path(&second), Some(&first), None),
        app.send::<()>(Method::DELETE, &remove_path(&first), Some(&second), None),
    )
    .await;
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort_unstable();
    assert_eq!(statuses[0], 204, "{statuses:?}");
    assert!(matches!(statuses[1], 401 | 403), "the second finds itself removed: {statuses:?}");
    let left = account::Entity::find()
        .filter(account::Column::PartnerId.eq(first.session.account.partner_id))
        .filter(account::Column::IsOwner.eq(true))
        .filter(account::Column::RemovedAt.is_null())
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(left, 1);
}

async fn owners_revoke_pending_invitations(app: TestApp) {
    let owner = app.demo("merchant1@demo.linan").await;
    let invite = app.invite(&owner, "not-after-all@example.cn").await;
    let pending: InviteList =
        app.call::<(), _>(Method::GET, "/api/v1/merchant/staff/invites", Some(&owner), None, StatusCode::OK).await;
    assert_eq!(pending.items.len(), 1);
    assert_eq!((pending.items[0].id, pending.items[0].email.as_str()), (invite.id, "not-after-all@example.cn"));
    let path = format!("/api/v1/merchant/staff/invites/{}", invite.id);
    let other = app.demo("merchant2@demo.linan").await;
    app.refused::<()>(Method::DELETE, &path, Some(&other), None, StatusCode::NOT_FOUND, "not_found").await;

    assert_eq!(app.send::<()>(Method::DELETE, &path, Some(&owner), None).await.status(), StatusCode::NO_CONTENT);
    let pending: InviteList =
        app.call::<(), _>(Method::GET, "/api/v1/merchant/staff/invites", Some(&owner), None, StatusCode::OK).await;
    assert!(pending.items.is_empty());
    let signup = SignupRequest {
        email: "not-after-all@example.cn".into(),
        password: PASSWORD.into(),
        partner: None,
        invite: Some(invite.code),
        bearer: true,
    };
    let body = app
        .refused(
            Method::POST,
            "/api/v1/auth/signup",
            None,
            Some(&signup),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
        )
        .await;
    assert_eq!(body.error.param.as_deref(), Some("invite"));
    app.refused::<()>(Method::DELETE, &path, Some(&owner), None, StatusCode::CONFLICT, "invalid_state").await;
    let revoked = audit(&app, &format!("action=invite.revoke&entity_id={}", invite.id)).await;
    assert_eq!(revoked.items.len(), 1);
    assert_eq!(revoked.items[0].after.as_ref().unwrap()["email"], "not-after-all@example.cn");

    // A used invitation is not revoked: its account is removed instead.
    let staff = app.join_staff(&owner, "joined@example.cn").await;
    let used = linan_tests::linan_backend::entity::invite::Entity::find()
        .filter(linan_tests::linan_backend::entity::invite::Column::Email.eq("joined@example.cn"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let body = app
        .refused::<()>(
            Method::DELETE,
            &format!("/api/v1/merchant/staff/invites/{}", used.id),
            Some(&owner),
            None,
            StatusCode::CONFLICT,
            "invalid_state",
        )
        .await;
    assert!(body.error.message.contains("remove the account"), "{}", body.error.message);
    // Staff who are not owners see no invitations.
    app.refused::<()>(
        Method::GET,
        "/api/v1/merchant/staff/invites",
        Some(&staff),
        None,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
}

async fn invitations_are_throttled_per_owner(app: TestApp) {
    let owner = app.demo("merchant1@demo.linan").await;
    let burst = linan_tests::linan_backend::auth::INVITES_PER_OWNER.burst;
    for i in 0..burst {
        app.invite(&owner, &format!("bulk{i}@example.cn")).await;
    }
    let request = InviteRequest { email: "one-too-many@example.cn".into() };
    let response = app.send(Method::POST, "/api/v1/merchant/staff/invites", Some(&owner), Some(&request)).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(response.headers().contains_key("retry-after"));
    // Another owner has their own budget.
    let other = app.demo("merchant2@demo.linan").await;
    app.invite(&other, "one-too-many@example.cn").await;
}
