//! Changes of an approved partner's profile under review: a new name, kind,
//! address or location waits as a revision while the catalogue keeps the
//! live profile; the district admin approves (it goes public) or rejects
//! (the merchant reads why); another district's admin cannot decide; the
//! phone changes at once; a partner not yet public edits in place; of
//! simultaneous approvals exactly one wins.

use linan_tests::{
    TestApp, db_tests,
    fixtures::zh,
    linan_shared::{
        AuditPage, GeoPoint, PartnerDto, PartnerKind, PartnerList, PartnerProfileDto, PartnerStatus, RevisionStatus,
    },
    session::Who,
};
use reqwest::{Method, StatusCode};
use serde_json::json;

db_tests!(Demo => {
    an_approved_partners_rename_kind_change_and_move_wait_for_review,
    an_approved_revision_goes_public_and_search_finds_the_new_name,
    a_rejected_revision_keeps_the_live_profile_and_tells_the_merchant_why,
    another_districts_admin_can_neither_see_nor_decide,
    the_phone_changes_at_once,
    a_partner_pending_its_first_review_edits_in_place,
    a_new_edit_replaces_the_pending_revision_and_the_live_values_withdraw_it,
    a_decision_on_a_replaced_revision_is_stale,
    of_simultaneous_approvals_exactly_one_wins,
    the_revision_queue_pages_by_cursor,
});

const PROFILE: &str = "/api/v1/merchant/partner";

async fn own(app: &TestApp, who: &Who) -> PartnerProfileDto {
    app.call::<(), _>(Method::GET, PROFILE, Some(who), None, StatusCode::OK).await
}

/// The merchant's partner renamed to `name`, turned into a hospital and moved.
async fn propose(app: &TestApp, who: &Who, name: &str) -> PartnerProfileDto {
    let now = own(app, who).await;
    let mut profile = now.profile.clone();
    profile.name = zh(name);
    profile.kind = PartnerKind::Hospital;
    profile.address = zh("新地址 8 号");
    profile.location = GeoPoint::new(23.2, 113.3).unwrap();
    let write = json!({"version": now.version, "profile": profile});
    app.call(Method::PUT, PROFILE, Some(who), Some(&write), StatusCode::OK).await
}

async fn public(app: &TestApp, id: i64) -> PartnerDto {
    app.refresh().await;
    app.get_json(&format!("/api/v1/partners/{id}")).await
}

async fn decide(
    app: &TestApp,
    who: &Who,
    p: &PartnerProfileDto,
    verdict: &str,
    status: StatusCode,
) -> PartnerProfileDto {
    let path = format!("/api/v1/admin/partner-revisions/{}/{verdict}", p.id);
    let body = json!({"version": p.version, "reason": "名称与营业执照不符"});
    app.call(Method::POST, &path, Some(who), Some(&body), status).await
}

async fn queue(app: &TestApp, who: &Who) -> PartnerList {
    app.call::<(), _>(Method::GET, "/api/v1/admin/partner-revisions", Some(who), None, StatusCode::OK).await
}

/// How many revision approvals the audit log shows `admin`.
async fn approvals(app: &TestApp, admin: &Who) -> usize {
    let path = "/api/v1/admin/audit?action=partner.revision.approve";
    let audit: AuditPage = app.call::<(), _>(Method::GET, path, Some(admin), None, StatusCode::OK).await;
    audit.items.len()
}

async fn an_approved_partners_rename_kind_change_and_move_wait_for_review(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let before = own(&app, &merchant).await;
    assert_eq!(before.status, PartnerStatus::Approved);
    let live = public(&app, before.id).await;
    let offers = app.all_benefits(&format!("partner={}", before.id)).await;
    assert!(!offers.is_empty(), "the demo partner has live offers");

    let proposed = propose(&app, &merchant, "改名后的医院").await;
    assert_eq!(proposed.profile, before.profile, "the live profile is unchanged");
    let revision = proposed.revision.as_ref().unwrap();
    assert_eq!(revision.status, RevisionStatus::PendingReview);
    assert_eq!(revision.profile.name.zh_cn, "改名后的医院");
    assert_eq!(revision.profile.kind, PartnerKind::Hospital);
    assert_eq!(own(&app, &merchant).await.revision.as_ref(), Some(revision), "the merchant sees it");

    let after = public(&app, before.id).await;
    assert_eq!(
        (after.name, after.kind, after.address, after.location),
        (live.name, live.kind, live.address, live.location)
    );
    for offer in app.all_benefits(&format!("partner={}", before.id)).await {
        assert_eq!(
            (offer.partner.name.as_str(), offer.partner.kind),
            (before.profile.name.zh_cn.as_str(), before.profile.kind)
        );
    }
    assert!(app.all_benefits("q=改名后").await.is_empty(), "search does not find the proposed name");
}

async fn an_approved_revision_goes_public_and_search_finds_the_new_name(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let admin = app.demo("liwan-admin@demo.linan").await;
    let proposed = propose(&app, &merchant, "荔湾新名医院").await;
    let waiting = queue(&app, &admin).await;
    let item = waiting.items.iter().find(|p| p.id == proposed.id).unwrap();
    assert_eq!(item.profile, proposed.profile, "the queue shows the old profile");
    assert_eq!(item.revision, proposed.revision, "and the new one");

    let approved = decide(&app, &admin, item, "approve", StatusCode::OK).await;
    assert_eq!((approved.profile.name.zh_cn.as_str(), approved.revision.as_ref()), ("荔湾新名医院", None));
    assert_eq!(approved.status, PartnerStatus::Approved);
    let now = public(&app, proposed.id).await;
    assert_eq!(
        (now.name.as_str(), now.kind, now.address.as_str()),
        ("荔湾新名医院", PartnerKind::Hospital, "新地址 8 号")
    );
    assert_eq!(now.location, GeoPoint::new(23.2, 113.3).unwrap());
    let found = app.all_benefits("q=荔湾新名").await;
    assert!(!found.is_empty() && found.iter().all(|b| b.partner.id == proposed.id), "search columns refreshed");
    assert!(queue(&app, &admin).await.items.iter().all(|p| p.id != proposed.id), "it left the queue");
    assert_eq!(approvals(&app, &admin).await, 1);
}

async fn a_rejected_revision_keeps_the_live_profile_and_tells_the_merchant_why(app: TestApp) {
    let merchant = app.demo("merchant2@demo.linan").await;
    let admin = app.demo("nanhai-admin@demo.linan").await;
    let before = own(&app, &merchant).await;
    let live = public(&app, before.id).await;
    let proposed = propose(&app, &merchant, "南海新名").await;
    app.refused(
        Method::POST,
        &format!("/api/v1/admin/partner-revisions/{}/reject", proposed.id),
        Some(&admin),
        Some(&json!({"version": proposed.version})),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_field",
    )
    .await;
    let rejected = decide(&app, &admin, &proposed, "reject", StatusCode::OK).await;
    assert_eq!(rejected.profile, before.profile);
    let seen = own(&app, &merchant).await;
    let revision = seen.revision.unwrap();
    assert_eq!((revision.status, revision.reason.as_deref()), (RevisionStatus::Rejected, Some("名称与营业执照不符")));
    assert_eq!(public(&app, before.id).await.name, live.name);
    assert!(queue(&app, &admin).await.items.is_empty(), "a refused revision is not waiting");
    // Deciding it again finds nothing waiting.
    let again = json!({"version": seen.version});
    let path = format!("/api/v1/admin/partner-revisions/{}/approve", before.id);
    app.refused(Method::POST, &path, Some(&admin), Some(&again), StatusCode::CONFLICT, "invalid_state").await;
}

async fn another_districts_admin_can_neither_see_nor_decide(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let nanhai = app.demo("nanhai-admin@demo.linan").await;
    let proposed = propose(&app, &merchant, "跨区改名").await;
    assert!(queue(&app, &nanhai).await.items.iter().all(|p| p.id != proposed.id));
    for verdict in ["approve", "reject"] {
        let path = format!("/api/v1/admin/partner-revisions/{}/{verdict}", proposed.id);
        let body = json!({"version": proposed.version, "reason": "不是我的区"});
        app.refused(Method::POST, &path, Some(&nanhai), Some(&body), StatusCode::NOT_FOUND, "not_found").await;
    }
    let path = format!("/api/v1/admin/partner-revisions/{}/approve", proposed.id);
    let body = json!({"version": proposed.version});
    app.refused(Method::POST, &path, Some(&merchant), Some(&body), StatusCode::FORBIDDEN, "forbidden").await;
    assert_eq!(own(&app, &merchant).await.revision.map(|r| r.status), Some(RevisionStatus::PendingReview));
    let alliance = app.demo("alliance@demo.linan").await;
    let approved = decide(&app, &alliance, &proposed, "approve", StatusCode::OK).await;
    assert_eq!(approved.profile.name.zh_cn, "跨区改名");
}

async fn the_phone_changes_at_once(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let now = own(&app, &merchant).await;
    let live_name = public(&app, now.id).await.name;
    let mut profile = now.profile.clone();
    profile.phone = Some("020-8888 0000".into());
    let write = json!({"version": now.version, "profile": profile});
    let saved: PartnerProfileDto = app.call(Method::PUT, PROFILE, Some(&merchant), Some(&write), StatusCode::OK).await;
    assert_eq!((saved.profile.phone.as_deref(), saved.revision), (Some("020-8888 0000"), None));
    assert_eq!(public(&app, now.id).await.phone.as_deref(), Some("020-8888 0000"));
    // With a rename in the same edit: the phone still at once, the name waits.
    let mut profile = saved.profile.clone();
    profile.phone = Some("020-8888 1111".into());
    profile.name = zh("电话和名字");
    let write = json!({"version": saved.version, "profile": profile});
    let both: PartnerProfileDto = app.call(Method::PUT, PROFILE, Some(&merchant), Some(&write), StatusCode::OK).await;
    assert_eq!(both.profile.phone.as_deref(), Some("020-8888 1111"));
    assert_eq!(both.profile.name, now.profile.name);
    assert_eq!(both.revision.map(|r| r.profile.name.zh_cn), Some("电话和名字".to_owned()));
    let shown = public(&app, now.id).await;
    assert_eq!((shown.phone.as_deref(), shown.name), (Some("020-8888 1111"), live_name));
}

async fn a_partner_pending_its_first_review_edits_in_place(app: TestApp) {
    let merchant = app.sign_up("first@example.cn", "liwan", "初审中的店").await;
    let now = own(&app, &merchant).await;
    assert_eq!(now.status, PartnerStatus::Pending);
    let mut profile = now.profile.clone();
    profile.name = zh("初审中改名");
    profile.kind = PartnerKind::Hospital;
    let write = json!({"version": now.version, "profile": profile});
    let saved: PartnerProfileDto = app.call(Method::PUT, PROFILE, Some(&merchant), Some(&write), StatusCode::OK).await;
    assert_eq!(
        (saved.profile.name.zh_cn.as_str(), saved.profile.kind, saved.revision),
        ("初审中改名", PartnerKind::Hospital, None)
    );
}

async fn a_new_edit_replaces_the_pending_revision_and_the_live_values_withdraw_it(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let admin = app.demo("liwan-admin@demo.linan").await;
    let live = own(&app, &merchant).await;
    propose(&app, &merchant, "第一次改名").await;
    let second = propose(&app, &merchant, "第二次改名").await;
    assert_eq!(second.revision.as_ref().unwrap().profile.name.zh_cn, "第二次改名");
    let waiting: Vec<_> = queue(&app, &admin).await.items.into_iter().filter(|p| p.id == live.id).collect();
    assert_eq!(waiting.len(), 1, "one revision per partner");
    // Sending the live profile again withdraws the proposal.
    let write = json!({"version": second.version, "profile": live.profile});
    let back: PartnerProfileDto = app.call(Method::PUT, PROFILE, Some(&merchant), Some(&write), StatusCode::OK).await;
    assert_eq!((back.profile, back.revision), (live.profile, None));
}

async fn a_decision_on_a_replaced_revision_is_stale(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let admin = app.demo("liwan-admin@demo.linan").await;
    let seen = propose(&app, &merchant, "管理员看到的名字").await;
    propose(&app, &merchant, "后来换的名字").await;
    let path = format!("/api/v1/admin/partner-revisions/{}/approve", seen.id);
    let body = app
        .refused(
            Method::POST,
            &path,
            Some(&admin),
            Some(&json!({"version": seen.version})),
            StatusCode::CONFLICT,
            "stale_version",
        )
        .await;
    assert_eq!(body.error.current_version, Some(seen.version + 1));
    assert_eq!(public(&app, seen.id).await.name, own(&app, &merchant).await.profile.name.zh_cn);
}

async fn of_simultaneous_approvals_exactly_one_wins(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let admin = app.demo("liwan-admin@demo.linan").await;
    let proposed = propose(&app, &merchant, "并发批准").await;
    let path = format!("/api/v1/admin/partner-revisions/{}/approve", proposed.id);
    let body = json!({"version": proposed.version});
    let answers = futures::future::join_all(
        (0..8).map(|_| async { app.send(Method::POST, &path, Some(&admin), Some(&body)).await.status() }),
    )
    .await;
    let won = answers.iter().filter(|s| **s == StatusCode::OK).count();
    let lost = answers.iter().filter(|s| **s == StatusCode::CONFLICT).count();
    assert_eq!((won, lost), (1, 7), "{answers:?}");
    assert_eq!(approvals(&app, &admin).await, 1, "one approval recorded");
}

async fn the_revision_queue_pages_by_cursor(app: TestApp) {
    let alliance = app.demo("alliance@demo.linan").await;
    let liwan = propose(&app, &app.demo("merchant1@demo.linan").await, "分页一").await;
    let nanhai = propose(&app, &app.demo("merchant2@demo.linan").await, "分页二").await;
    let path = "/api/v1/admin/partner-revisions?limit=1";
    let first: PartnerList = app.call::<(), _>(Method::GET, path, Some(&alliance), None, StatusCode::OK).await;
    let cursor = first.next_cursor.clone().unwrap();
    let next = format!("{path}&cursor={cursor}");
    let second: PartnerList = app.call::<(), _>(Method::GET, &next, Some(&alliance), None, StatusCode::OK).await;
    assert_eq!(second.next_cursor, None);
    let ids: Vec<i64> = first.items.iter().chain(&second.items).map(|p| p.id).collect();
    assert_eq!(ids, [liwan.id, nanhai.id]);
    let bad = "/api/v1/admin/partner-revisions?cursor=nonsense";
    app.refused::<()>(Method::GET, bad, Some(&alliance), None, StatusCode::BAD_REQUEST, "invalid_parameter").await;
}
