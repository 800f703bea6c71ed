//! `GET /api/openapi.json`: the OpenAPI 3.1 description, generated from the
//! handlers' annotations and the shared model's schemas.

use axum::{Json, Router, routing::get};
use utoipa::OpenApi;

mod contract;

use contract::Contract;

use super::{
    admin, auth, benefits, cardholder, cardholder_events, cards, counter, embed_sites, event_door, event_edits,
    event_organisers, events, merchant, ops, pages, partner_revisions, partners, portal, recognition, reference,
    widget,
};
use crate::state::AppState;

/// The API description.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Linan Talent Home API (荔南人才之家)",
        description = "Benefits of the Liwan–Nanhai talent services alliance: the public catalogue of medical green channels, scenic-spot discounts and merchant offers for Liwan Talent Card and Youyue Foshan Card holders.",
        version = env!("CARGO_PKG_VERSION"),
    ),
    paths(
        benefits::list,
        benefits::detail,
        events::list,
        events::detail,
        events::list_ics,
        events::detail_ics,
        event_organisers::partner_list,
        event_organisers::partner_create,
        event_organisers::submit,
        event_organisers::partner_cancel,
        event_organisers::admin_list,
        event_organisers::admin_create,
        event_organisers::publish,
        event_organisers::reject,
        event_organisers::admin_cancel,
        event_edits::partner_one,
        event_edits::partner_edit,
        event_edits::admin_one,
        event_edits::admin_edit,
        event_door::registrations,
        event_door::check_in,
        event_door::attendees,
        cardholder_events::register,
        cardholder_events::cancel,
        cardholder_events::mine,
        partners::detail,
        reference::districts,
        reference::categories,
        reference::card_schemes,
        auth::signup,
        auth::login,
        auth::logout,
        auth::me,
        auth::change_password,
        merchant::own_partner,
        merchant::edit_partner,
        merchant::staff,
        merchant::remove_staff,
        merchant::invites,
        merchant::invite,
        merchant::revoke_invite,
        merchant::offers,
        merchant::create_offer,
        merchant::offer_detail,
        merchant::edit_offer,
        merchant::submit,
        merchant::pause,
        merchant::resume,
        merchant::withdraw,
        admin::partners,
        admin::partner_detail,
        admin::approve_partner,
        admin::reject_partner,
        admin::suspend_partner,
        admin::reinstate_partner,
        partner_revisions::list,
        partner_revisions::approve,
        partner_revisions::reject,
        admin::offers,
        admin::offer_detail,
        admin::approve_offer,
        admin::reject_offer,
        admin::audit_log,
        cards::import,
        recognition::create,
        recognition::update,
        recognition::remove,
        embed_sites::list,
        embed_sites::create,
        embed_sites::one,
        embed_sites::update,
        embed_sites::site_figures,
        cardholder::sign_in,
        cardholder::sign_out,
        cardholder::benefits,
        cardholder::counter_code,
        cardholder::history,
        counter::verify,
        counter::create,
        counter::void,
        counter::list,
        counter::figures,
        counter::holds,
        counter::suspend_card,
        counter::reinstate_card,
        counter::suspend_holder,
        counter::reinstate_holder,
        ops::healthz,
        ops::readyz,
        ops::metrics,
        openapi_json,
        widget::widget_file,
        pages::embed,
        pages::my_card,
        pages::hostile,
        pages::demo,
        portal::index,
        portal::file,
    ),
    modifiers(&SessionAuth, &Contract),
    components(schemas(linan_shared::Lang, linan_shared::SortOrder, linan_shared::ErrorBody)),
    tags(
        (name = "catalogue", description = "Public benefits and partners"),
        (name = "reference", description = "Districts, categories, card schemes and recognition"),
        (name = "accounts", description = "Sign-up, sign-in and sessions (cookie + `x-csrf-token`, or `Authorization: Bearer`)"),
        (name = "events", description = "The alliance's events: the public list and detail, and organisers' writes and review"),
        (name = "merchant", description = "A merchant's own partner profile, staff and offers"),
        (name = "cardholder", description = "A cardholder's own view: sign in with the card, what it reaches and why, counter codes, history"),
        (name = "counter", description = "Verifying a card and recording redemptions at a merchant's counter; figures"),
        (name = "admin", description = "Review queues and decisions, and the audit log (district admins: their district; alliance admins: all)"),
        (name = "operations", description = "Health, readiness, metrics and this document"),
        (name = "portal", description = "The merchant and admin portal (a Yew app)"),
        (name = "widget", description = "The embeddable widget, its iframe page and the demo host page"),
    )
)]
pub struct ApiDoc;

/// Declares the two ways to send a session: the cookie (writes also send
/// `x-csrf-token`) and a bearer token (a staff session's or a cardholder's).
struct SessionAuth;

impl utoipa::Modify for SessionAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session_cookie",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(crate::auth::session::COOKIE))),
        );
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The route serving the document.
pub fn router() -> Router<AppState> {
    Router::new().route("/api/openapi.json", get(openapi_json))
}

/// This OpenAPI document.
#[utoipa::path(get, path = "/api/openapi.json", tag = "operations",
    responses((status = 200, description = "OpenAPI 3.1 document", content_type = "application/json")))]
pub async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
