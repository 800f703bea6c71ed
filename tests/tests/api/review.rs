//! The merchant and reviewer workflows, through the HTTP API: every offer
//! transition (and the refused ones: wrong state, stale version, wrong
//! owner, wrong district), pending revisions of live offers, partner review
//! and suspension, computed expiry, and the audit trail of it all.

use chrono::Duration;
use linan_tests::{
    TestApp, db_tests,
    fixtures::{benefit_input, zh},
    linan_backend::calendar::from_naive,
    linan_shared::{
        AuditPage, BenefitStatus, OfferDto, OfferList, OfferWrite, PartnerList, PartnerProfileDto, PartnerStatus,
        RevisionStatus, Validity,
    },
    session::Who,
    today,
};
use reqwest::{Method, StatusCode};
use sea_orm::ConnectionTrait;
use serde_json::json;

db_tests!(Demo => {
    an_offer_goes_from_draft_to_live_and_back_out,
    a_rejected_offer_returns_to_draft_with_the_reason,
    editing_a_live_offer_waits_for_review_while_the_old_one_stays_public,
    stale_versions_and_wrong_states_are_refused,
    a_new_partner_is_reviewed_by_its_district_only,
    suspending_a_partner_hides_all_its_offers_at_once,
    a_published_offer_past_its_window_reads_as_expired,
    the_audit_log_records_every_change_and_is_scoped_to_the_district,
    an_unknown_stored_audit_action_is_an_error_not_a_guess,
});

async fn create(app: &TestApp, who: &Who, title: &str) -> OfferDto {
    app.call(Method::POST, "/api/v1/merchant/offers", Some(who), Some(&benefit_input(zh(title))), StatusCode::CREATED)
        .await
}

async fn act(app: &TestApp, who: &Who, offer: &OfferDto, action: &str) -> OfferDto {
    let path = format!("/api/v1/merchant/offers/{}/{action}", offer.id);
    app.call(Method::POST, &path, Some(who), Some(&json!({"version": offer.version})), StatusCode::OK).await
}

async fn decide(app: &TestApp, who: &Who, offer: &OfferDto, verdict: &str, reason: Option<&str>) -> OfferDto {
    let path = format!("/api/v1/admin/offers/{}/{verdict}", offer.id);
    let body = json!({"version": offer.version, "reason": reason});
    app.call(Method::POST, &path, Some(who), Some(&body), StatusCode::OK).await
}

async fn is_public(app: &TestApp, id: i64) -> bool {
    app.refresh().await;
    app.get(&format!("/api/v1/benefits/{id}")).await.status() == StatusCode::OK
}

async fn an_offer_goes_from_draft_to_live_and_back_out(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let admin = app.demo("liwan-admin@demo.linan").await;
    let draft = create(&app, &merchant, "荔湾流程测试").await;
    assert_eq!((draft.status, draft.version), (BenefitStatus::Draft, 1));
    assert!(!is_public(&app, draft.id).await);
    let pending = act(&app, &merchant, &draft, "submit").await;
    assert_eq!(pending.status, BenefitStatus::PendingReview);
    let queue: OfferList =
        app.call::<(), _>(Method::GET, "/api/v1/admin/offers", Some(&admin), None, StatusCode::OK).await;
    assert!(queue.items.iter().any(|o| o.id == draft.id));
    let live = decide(&app, &admin, &pending, "approve", None).await;
    assert_eq!(live.status, BenefitStatus::Published);
    assert!(is_public(&app, draft.id).await);
    let paused = act(&app, &merchant, &live, "pause").await;
    assert_eq!(paused.status, BenefitStatus::Paused);
    assert!(!is_public(&app, draft.id).await);
    let resumed = act(&app, &merchant, &paused, "resume").await;
    assert!(is_public(&app, draft.id).await);
    let withdrawn = act(&app, &merchant, &resumed, "withdraw").await;
    assert_eq!(withdrawn.status, BenefitStatus::Withdrawn);
    assert!(!is_public(&app, draft.id).await);
}

async fn a_rejected_offer_returns_to_draft_with_the_reason(app: TestApp) {
    let merchant = app.demo("merchant2@demo.linan").await;
    let admin = app.demo("nanhai-admin@demo.linan").await;
    let pending = act(&app, &merchant, &create(&app, &merchant, "南海驳回测试").await, "submit").await;
    let path = format!("/api/v1/admin/offers/{}/reject", pending.id);
    let body = app
        .refused(
            Method::POST,
            &path,
            Some(&admin),
            Some(&json!({"version": pending.version})),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
        )
        .await;
    assert_eq!(body.error.param.as_deref(), Some("reason"));
    let rejected = decide(&app, &admin, &pending, "reject", Some("请补充使用条款")).await;
    assert_eq!(rejected.status, BenefitStatus::Draft);
    let seen: OfferDto = app
        .call::<(), _>(
            Method::GET,
            &format!("/api/v1/merchant/offers/{}", pending.id),
            Some(&merchant),
            None,
            StatusCode::OK,
        )
        .await;
    assert_eq!(seen.reason.as_deref(), Some("请补充使用条款"));
    // Resubmitting clears the reason.
    let again = act(&app, &merchant, &seen, "submit").await;
    assert_eq!((again.status, again.reason), (BenefitStatus::PendingReview, None));
}

async fn editing_a_live_offer_waits_for_review_while_the_old_one_stays_public(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let admin = app.demo("alliance@demo.linan").await;
    let draft = create(&app, &merchant, "旧标题").await;
    let live = decide(&app, &admin, &act(&app, &merchant, &draft, "submit").await, "approve", None).await;
    let write = OfferWrite { version: live.version, offer: benefit_input(zh("新标题")) };
    let path = format!("/api/v1/merchant/offers/{}", live.id);
    let revised: OfferDto = app.call(Method::PUT, &path, Some(&merchant), Some(&write), StatusCode::OK).await;
    assert_eq!(revised.status, BenefitStatus::Published);
    assert_eq!(revised.offer.title.zh_cn, "旧标题");
    assert_eq!(revised.revision.as_ref().map(|r| r.status), Some(RevisionStatus::PendingReview));
    app.refresh().await;
    let public: serde_json::Value = app.get_json(&format!("/api/v1/benefits/{}", live.id)).await;
    assert_eq!(public["title"], "旧标题");
    // A rejected revision leaves the live offer as it was.
    let rejected = decide(&app, &admin, &revised, "reject", Some("标题不清楚")).await;
    assert_eq!(rejected.revision.as_ref().map(|r| r.status), Some(RevisionStatus::Rejected));
    assert_eq!(rejected.offer.title.zh_cn, "旧标题");
    let write = OfferWrite { version: rejected.version, offer: benefit_input(zh("更新的标题")) };
    let revised: OfferDto = app.call(Method::PUT, &path, Some(&merchant), Some(&write), StatusCode::OK).await;
    let approved = decide(&app, &admin, &revised, "approve", None).await;
    assert_eq!((approved.offer.title.zh_cn.as_str(), approved.revision), ("更新的标题", None));
    app.refresh().await;
    let public: serde_json::Value = app.get_json(&format!("/api/v1/benefits/{}", live.id)).await;
    assert_eq!(public["title"], "更新的标题");
}

async fn stale_versions_and_wrong_states_are_refused(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let other = app.demo("merchant2@demo.linan").await;
    let draft = create(&app, &merchant, "版本测试").await;
    let path = format!("/api/v1/merchant/offers/{}", draft.id);
    let write = OfferWrite { version: draft.version, offer: benefit_input(zh("第二版")) };
    let second: OfferDto = app.call(Method::PUT, &path, Some(&merchant), Some(&write), StatusCode::OK).await;
    assert_eq!(second.version, draft.version + 1);
    // The same write again names a version that is gone.
    let body =
        app.refused(Method::PUT, &path, Some(&merchant), Some(&write), StatusCode::CONFLICT, "stale_version").await;
    assert_eq!(body.error.current_version, Some(second.version));
    // Wrong states.
    let submit = format!("{path}/submit");
    let pause = format!("{path}/pause");
    app.refused(
        Method::POST,
        &pause,
        Some(&merchant),
        Some(&json!({"version": second.version})),
        StatusCode::CONFLICT,
        "invalid_state",
    )
    .await;
    let pending = act(&app, &merchant, &second, "submit").await;
    app.refused(
        Method::POST,
        &submit,
        Some(&merchant),
        Some(&json!({"version": pending.version})),
        StatusCode::CONFLICT,
        "invalid_state",
    )
    .await;
    let write = OfferWrite { version: pending.version, offer: benefit_input(zh("审核中修改")) };
    app.refused(Method::PUT, &path, Some(&merchant), Some(&write), StatusCode::CONFLICT, "invalid_state").await;
    // Another partner's merchant does not see it at all.
    app.refused::<()>(Method::GET, &path, Some(&other), None, StatusCode::NOT_FOUND, "not_found").await;
    app.refused(Method::PUT, &path, Some(&other), Some(&write), StatusCode::NOT_FOUND, "not_found").await;
    // Invalid content names the field.
    let mut bad = benefit_input(zh(""));
    bad.validity = Validity { from: from_naive(today()), until: from_naive(today() - Duration::days(1)) };
    let body = app
        .refused(
            Method::POST,
            "/api/v1/merchant/offers",
            Some(&merchant),
            Some(&bad),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
        )
        .await;
    assert_eq!(body.error.param.as_deref(), Some("title.zh-CN"));
}

async fn a_new_partner_is_reviewed_by_its_district_only(app: TestApp) {
    let merchant = app.sign_up("new@example.cn", "nanhai", "南海新店").await;
    let liwan = app.demo("liwan-admin@demo.linan").await;
    let nanhai = app.demo("nanhai-admin@demo.linan").await;
    let id = merchant.session.account.partner_id.unwrap();
    let queue = |who: Who| {
        let app = &app;
        async move {
            let list: PartnerList =
                app.call::<(), _>(Method::GET, "/api/v1/admin/partners", Some(&who), None, StatusCode::OK).await;
            list.items.iter().any(|p| p.id == id)
        }
    };
    assert!(queue(nanhai.clone()).await);
    assert!(!queue(liwan.clone()).await);
    let approve = format!("/api/v1/admin/partners/{id}/approve");
    app.refused(Method::POST, &approve, Some(&liwan), Some(&json!({"version": 1})), StatusCode::NOT_FOUND, "not_found")
        .await;
    let reject = format!("/api/v1/admin/partners/{id}/reject");
    let rejected: PartnerProfileDto = app
        .call(Method::POST, &reject, Some(&nanhai), Some(&json!({"version": 1, "reason": "地址不全"})), StatusCode::OK)
        .await;
    assert_eq!((rejected.status, rejected.reason.as_deref()), (PartnerStatus::Rejected, Some("地址不全")));
    // The merchant fixes it; it is pending again; now it is approved.
    let mut profile = rejected.profile.clone();
    profile.address = zh("佛山市南海区桂城街道 1 号");
    let write = json!({"version": rejected.version, "profile": profile});
    let fixed: PartnerProfileDto =
        app.call(Method::PUT, "/api/v1/merchant/partner", Some(&merchant), Some(&write), StatusCode::OK).await;
    assert_eq!(fixed.status, PartnerStatus::Pending);
    let approved: PartnerProfileDto =
        app.call(Method::POST, &approve, Some(&nanhai), Some(&json!({"version": fixed.version})), StatusCode::OK).await;
    assert_eq!(approved.status, PartnerStatus::Approved);
    app.refresh().await;
    assert_eq!(app.get(&format!("/api/v1/partners/{id}")).await.status(), StatusCode::OK);
    // The district cannot be changed by the merchant.
    let mut moved = approved.profile.clone();
    moved.district = linan_tests::linan_shared::DistrictCode::parse("liwan").unwrap();
    let write = json!({"version": approved.version, "profile": moved});
    app.refused(
        Method::PUT,
        "/api/v1/merchant/partner",
        Some(&merchant),
        Some(&write),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_field",
    )
    .await;
}

async fn suspending_a_partner_hides_all_its_offers_at_once(app: TestApp) {
    let merchant = app.demo("merchant2@demo.linan").await;
    let admin = app.demo("nanhai-admin@demo.linan").await;
    let partner = merchant.session.account.partner_id.unwrap();
    let before = app.all_benefits(&format!("partner={partner}")).await;
    assert!(!before.is_empty(), "the demo partner has live offers");
    let profile: PartnerProfileDto = app
        .call::<(), _>(Method::GET, &format!("/api/v1/admin/partners/{partner}"), Some(&admin), None, StatusCode::OK)
        .await;
    let suspend = format!("/api/v1/admin/partners/{partner}/suspend");
    let suspended: PartnerProfileDto = app
        .call(
            Method::POST,
            &suspend,
            Some(&admin),
            Some(&json!({"version": profile.version, "reason": "投诉核实中"})),
            StatusCode::OK,
        )
        .await;
    app.refresh().await;
    assert!(app.all_benefits(&format!("partner={partner}")).await.is_empty());
    // A suspended partner's offers cannot change (but may be withdrawn).
    app.refused(
        Method::POST,
        "/api/v1/merchant/offers",
        Some(&merchant),
        Some(&benefit_input(zh("停权期间"))),
        StatusCode::CONFLICT,
        "invalid_state",
    )
    .await;
    let reinstate = format!("/api/v1/admin/partners/{partner}/reinstate");
    let _: PartnerProfileDto = app
        .call(Method::POST, &reinstate, Some(&admin), Some(&json!({"version": suspended.version})), StatusCode::OK)
        .await;
    app.refresh().await;
    assert_eq!(app.all_benefits(&format!("partner={partner}")).await.len(), before.len());
}

async fn a_published_offer_past_its_window_reads_as_expired(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let admin = app.demo("liwan-admin@demo.linan").await;
    let mut input = benefit_input(zh("已过期测试"));
    input.validity =
        Validity { from: from_naive(today() - Duration::days(10)), until: from_naive(today() - Duration::days(1)) };
    let draft: OfferDto =
        app.call(Method::POST, "/api/v1/merchant/offers", Some(&merchant), Some(&input), StatusCode::CREATED).await;
    let live = decide(&app, &admin, &act(&app, &merchant, &draft, "submit").await, "approve", None).await;
    assert_eq!(live.status, BenefitStatus::Expired);
    assert!(!is_public(&app, live.id).await);
    let expired: OfferList =
        app.call::<(), _>(Method::GET, "/api/v1/admin/offers?status=expired", Some(&admin), None, StatusCode::OK).await;
    assert!(expired.items.iter().any(|o| o.id == live.id));
    // Extending the window is an edit for review, like any live offer.
    input.validity.until = from_naive(today() + Duration::days(5));
    let write = OfferWrite { version: live.version, offer: input };
    let revised: OfferDto = app
        .call(
            Method::PUT,
            &format!("/api/v1/merchant/offers/{}", live.id),
            Some(&merchant),
            Some(&write),
            StatusCode::OK,
        )
        .await;
    let renewed = decide(&app, &admin, &revised, "approve", None).await;
    assert_eq!(renewed.status, BenefitStatus::Published);
    assert!(is_public(&app, live.id).await);
}

async fn the_audit_log_records_every_change_and_is_scoped_to_the_district(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let liwan = app.demo("liwan-admin@demo.linan").await;
    let nanhai = app.demo("nanhai-admin@demo.linan").await;
    let alliance = app.demo("alliance@demo.linan").await;
    let draft = create(&app, &merchant, "审计测试").await;
    let submitted = act(&app, &merchant, &draft, "submit").await;
    decide(&app, &liwan, &submitted, "approve", None).await;
    let path = format!("/api/v1/admin/audit?entity=offer&entity_id={}", draft.id);
    let page: AuditPage = app.call::<(), _>(Method::GET, &path, Some(&liwan), None, StatusCode::OK).await;
    let actions: Vec<&str> = page.items.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["offer.approve", "offer.submit", "offer.create"], "newest first");
    let approve = &page.items[0];
    assert_eq!(approve.actor_email.as_deref(), Some("liwan-admin@demo.linan"));
    assert_eq!(approve.actor_role, Some(linan_tests::linan_shared::Role::DistrictAdmin));
    assert_eq!(approve.before.as_ref().unwrap()["status"], "pending_review");
    assert_eq!(approve.after.as_ref().unwrap()["status"], "published");
    assert!(approve.request_id.as_deref().is_some_and(|r| !r.is_empty()));
    // The Nanhai admin does not see Liwan's events; the alliance admin does.
    let other: AuditPage = app.call::<(), _>(Method::GET, &path, Some(&nanhai), None, StatusCode::OK).await;
    assert!(other.items.is_empty());
    let all: AuditPage = app.call::<(), _>(Method::GET, &path, Some(&alliance), None, StatusCode::OK).await;
    assert_eq!(all.items.len(), 3);
    // Pagination walks the log without gaps or repeats.
    let first: AuditPage =
        app.call::<(), _>(Method::GET, &format!("{path}&limit=2"), Some(&alliance), None, StatusCode::OK).await;
    let cursor = first.next_cursor.clone().unwrap();
    let rest: AuditPage = app
        .call::<(), _>(Method::GET, &format!("{path}&limit=2&cursor={cursor}"), Some(&alliance), None, StatusCode::OK)
        .await;
    assert_eq!(first.items.len() + rest.items.len(), 3);
    assert!(rest.next_cursor.is_none());
    app.refused::<()>(
        Method::GET,
        "/api/v1/admin/audit?limit=0",
        Some(&alliance),
        None,
        StatusCode::BAD_REQUEST,
        "invalid_parameter",
    )
    .await;
    app.refused::<()>(
        Method::GET,
        "/api/v1/admin/audit?cursor=zzz",
        Some(&alliance),
        None,
        StatusCode::BAD_REQUEST,
        "invalid_parameter",
    )
    .await;
}

/// A row written by a newer build (or by hand) with an action this build
/// does not know is not shown as some other action: the read fails.
async fn an_unknown_stored_audit_action_is_an_error_not_a_guess(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let alliance = app.demo("alliance@demo.linan").await;
    let draft = create(&app, &merchant, "未知操作").await;
    let path = format!("/api/v1/admin/audit?entity=offer&entity_id={}", draft.id);
    let page: AuditPage = app.call::<(), _>(Method::GET, &path, Some(&alliance), None, StatusCode::OK).await;
    assert_eq!(page.items.len(), 1);
    let sql =
        format!("UPDATE audit_event SET action = 'offer.teleport' WHERE entity = 'offer' AND entity_id = {}", draft.id);
    app.state.db.execute_unprepared(&sql).await.unwrap();
    app.refused::<()>(Method::GET, &path, Some(&alliance), None, StatusCode::INTERNAL_SERVER_ERROR, "internal").await;
}
