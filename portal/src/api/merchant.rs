//! `/api/v1/merchant/*`: the merchant's partner, staff and offers.

use linan_shared::{
    AccountList, BenefitInput, InviteDto, InviteList, InviteRequest, OfferDto, OfferList, OfferWrite,
    PartnerProfileDto, PartnerWrite, VersionRef,
};

use super::{Api, ClientError};
use crate::actions::OfferAction;

/// The merchant's partner.
pub async fn partner(api: &Api) -> Result<PartnerProfileDto, ClientError> {
    api.get("/api/v1/merchant/partner").await
}

/// Saves new partner details.
pub async fn save_partner(api: &Api, write: &PartnerWrite) -> Result<PartnerProfileDto, ClientError> {
    api.put("/api/v1/merchant/partner", write).await
}

/// The partner's accounts.
pub async fn staff(api: &Api) -> Result<AccountList, ClientError> {
    api.get("/api/v1/merchant/staff").await
}

/// Removes a staff account (owners only): it is signed out at once.
pub async fn remove_staff(api: &Api, id: i64) -> Result<(), ClientError> {
    api.delete(&format!("/api/v1/merchant/staff/{id}")).await
}

/// Invites a colleague (owners only).
pub async fn invite(api: &Api, request: &InviteRequest) -> Result<InviteDto, ClientError> {
    api.post("/api/v1/merchant/staff/invites", request).await
}

/// The invitations not used, revoked or expired yet (owners only).
pub async fn invites(api: &Api) -> Result<InviteList, ClientError> {
    api.get("/api/v1/merchant/staff/invites").await
}

/// Takes an invitation back before it is used (owners only).
pub async fn revoke_invite(api: &Api, id: i64) -> Result<(), ClientError> {
    api.delete(&format!("/api/v1/merchant/staff/invites/{id}")).await
}

/// The partner's offers.
pub async fn offers(api: &Api) -> Result<OfferList, ClientError> {
    api.get("/api/v1/merchant/offers").await
}

/// One offer.
pub async fn offer(api: &Api, id: i64) -> Result<OfferDto, ClientError> {
    api.get(&format!("/api/v1/merchant/offers/{id}")).await
}

/// Creates a draft offer.
pub async fn create_offer(api: &Api, input: &BenefitInput) -> Result<OfferDto, ClientError> {
    api.post("/api/v1/merchant/offers", input).await
}

/// Saves new content for an offer (an edit of a live offer waits for review).
pub async fn update_offer(api: &Api, id: i64, write: &OfferWrite) -> Result<OfferDto, ClientError> {
    api.put(&format!("/api/v1/merchant/offers/{id}"), write).await
}

/// Submits, pauses, resumes or withdraws an offer.
pub async fn act_on_offer(api: &Api, id: i64, action: OfferAction, version: i32) -> Result<OfferDto, ClientError> {
    api.post(&format!("/api/v1/merchant/offers/{id}/{}", action.segment()), &VersionRef { version }).await
}
