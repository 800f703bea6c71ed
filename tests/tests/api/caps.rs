//! Caps on what one merchant can pile up: offers not yet published per
//! partner, and eligibility rules per offer — each refused with a 422 that
//! names the limit.

use linan_tests::{
    TestApp, db_tests,
    fixtures::{benefit_input, zh},
    linan_backend::catalogue::create_benefit,
    linan_shared::{
        BenefitStatus, EligibilityRule, MAX_ELIGIBILITY_RULES, MAX_UNPUBLISHED_OFFERS, OfferDto, OfferList, OfferWrite,
        SchemeCode, TierCode,
    },
};
use reqwest::{Method, StatusCode};
use serde_json::json;

db_tests!(Demo => {
    a_partner_keeps_at_most_200_offers_not_yet_published,
    an_offer_has_at_most_20_eligibility_rules,
});

async fn a_partner_keeps_at_most_200_offers_not_yet_published(app: TestApp) {
    let merchant = app.demo("merchant2@demo.linan").await;
    let partner_id = merchant.session.account.partner_id.unwrap();
    let reference = app.reference().await;
    let input = benefit_input(zh("草稿"));
    // The demo partner's own unpublished offers count too: fill up to one short of the cap.
    let mine: OfferList =
        app.call::<(), _>(Method::GET, "/api/v1/merchant/offers", Some(&merchant), None, StatusCode::OK).await;
    let unpublished =
        mine.items.iter().filter(|o| matches!(o.status, BenefitStatus::Draft | BenefitStatus::PendingReview)).count();
    let room = usize::try_from(MAX_UNPUBLISHED_OFFERS).unwrap() - unpublished;
    for i in 0..room - 1 {
        // Offers under review count as well as drafts.
        let status = if i % 2 == 0 { BenefitStatus::Draft } else { BenefitStatus::PendingReview };
        create_benefit(&app.state.db, &reference, partner_id, &input, status, None, app.state.clock.now())
            .await
            .unwrap();
    }
    let last: OfferDto =
        app.call(Method::POST, "/api/v1/merchant/offers", Some(&merchant), Some(&input), StatusCode::CREATED).await;
    let body = app
        .refused(
            Method::POST,
            "/api/v1/merchant/offers",
            Some(&merchant),
            Some(&input),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
        )
        .await;
    assert_eq!(body.error.param.as_deref(), Some("drafts"));
    assert!(body.error.message.contains("200"), "{}", body.error.message);
    // Withdrawing one makes room for one.
    let path = format!("/api/v1/merchant/offers/{}/withdraw", last.id);
    let _: OfferDto =
        app.call(Method::POST, &path, Some(&merchant), Some(&json!({"version": last.version})), StatusCode::OK).await;
    let _: OfferDto =
        app.call(Method::POST, "/api/v1/merchant/offers", Some(&merchant), Some(&input), StatusCode::CREATED).await;
}

async fn an_offer_has_at_most_20_eligibility_rules(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let mut input = benefit_input(zh("规则太多"));
    // Distinct schemes, none of them known: the cap is checked before any of them is looked up.
    input.eligibility = (0..=MAX_ELIGIBILITY_RULES)
        .map(|i| EligibilityRule {
            scheme: SchemeCode::parse(&format!("scheme_{i}")).unwrap(),
            min_tier: TierCode::parse("A").unwrap(),
        })
        .collect();
    let body = app
        .refused(
            Method::POST,
            "/api/v1/merchant/offers",
            Some(&merchant),
            Some(&input),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
        )
        .await;
    assert_eq!(body.error.param.as_deref(), Some("eligibility"));
    assert!(body.error.message.contains("at most 20"), "{}", body.error.message);
    // Editing is held to the same cap.
    let draft: OfferDto = app
        .call(
            Method::POST,
            "/api/v1/merchant/offers",
            Some(&merchant),
            Some(&benefit_input(zh("两条规则"))),
            StatusCode::CREATED,
        )
        .await;
    let write = OfferWrite { version: draft.version, offer: input };
    let body = app
        .refused(
            Method::PUT,
            &format!("/api/v1/merchant/offers/{}", draft.id),
            Some(&merchant),
            Some(&write),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
        )
        .await;
    assert_eq!(body.error.param.as_deref(), Some("offer.eligibility"));
}
