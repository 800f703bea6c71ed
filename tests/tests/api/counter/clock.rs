//! One clock: moving the application's clock alone moves the catalogue,
//! the offer's status, sessions and the counter together.

use chrono::Duration;
use linan_tests::{
    TestApp, db_tests,
    fixtures::{benefit_input, zh},
    linan_shared::{BenefitStatus, CardBenefits, OfferDto},
};
use reqwest::{Method, StatusCode};

use super::support::*;

db_tests!(Demo => {
    past_an_offers_end_the_catalogue_the_merchant_the_counter_and_sessions_agree,
});

/// Whether the public list of `partner` shows `id`.
async fn listed(app: &TestApp, partner: i64, id: i64) -> bool {
    app.all_benefits(&format!("partner={partner}")).await.iter().any(|b| b.id == id)
}

async fn past_an_offers_end_the_catalogue_the_merchant_the_counter_and_sessions_agree(app: TestApp) {
    let merchant = app.demo("merchant1@demo.linan").await;
    let partner = merchant.session.account.partner_id.unwrap();
    // Valid from yesterday for 30 days.
    let id = app.add_benefit(partner, &benefit_input(zh("三十天后结束"))).await;
    let card = card_who(&signed_in(&app, LIWAN_A).await);
    assert!(listed(&app, partner, id).await);
    assert_eq!(app.get(&format!("/api/v1/benefits/{id}")).await.status(), StatusCode::OK);
    let own: OfferDto = app
        .call::<(), _>(Method::GET, &format!("/api/v1/merchant/offers/{id}"), Some(&merchant), None, StatusCode::OK)
        .await;
    assert_eq!(own.status, BenefitStatus::Published);

    app.state.clock.advance(Duration::days(31));

    // Both sessions ended on the moved clock (12 hours, 30 minutes).
    let refused = app.send::<()>(Method::GET, "/api/v1/auth/me", Some(&merchant), None).await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED, "a staff session past its lifetime");
    let refused = app.send::<()>(Method::GET, "/api/v1/cardholder/benefits", Some(&card), None).await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED, "a card session past its lifetime");

    // The catalogue, the merchant's view and the counter agree the offer ended.
    assert!(!listed(&app, partner, id).await, "the list no longer shows it");
    assert_eq!(app.get(&format!("/api/v1/benefits/{id}")).await.status(), StatusCode::NOT_FOUND);
    let merchant = app.demo("merchant1@demo.linan").await;
    let own: OfferDto = app
        .call::<(), _>(Method::GET, &format!("/api/v1/merchant/offers/{id}"), Some(&merchant), None, StatusCode::OK)
        .await;
    assert_eq!(own.status, BenefitStatus::Expired);
    assert_eq!(code_of(redeem_card(&app, &merchant, "late", id, LIWAN_A).await).await, "not_valid_today");
    let card = card_who(&signed_in(&app, LIWAN_A).await);
    let mine: CardBenefits =
        app.call::<(), _>(Method::GET, "/api/v1/cardholder/benefits", Some(&card), None, StatusCode::OK).await;
    assert!(mine.items.iter().all(|i| i.benefit.id != id), "the card's preview no longer offers it");
}
