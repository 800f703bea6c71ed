//! The counter: `/api/v1/merchant/counter/verify`, `/api/v1/redemptions`
//! (with their voids) and the merchant's redemptions and figures.

use linan_shared::{
    CardBenefits, CardProof, Figures, Lang, RedemptionDto, RedemptionList, RedemptionRequest, VoidRequest,
};

use super::{Api, ClientError};

/// What the card named by `proof` gets at the merchant's partner today
/// (texts in `lang`). A code is not spent by this.
pub async fn verify(api: &Api, lang: Lang, proof: &CardProof) -> Result<CardBenefits, ClientError> {
    api.post(&format!("/api/v1/merchant/counter/verify?lang={}", lang.tag()), proof).await
}

/// Records a redemption (texts in `lang`); `key` is unique per attempt and
/// resent unchanged on a retry.
pub async fn redeem(
    api: &Api,
    lang: Lang,
    key: &str,
    request: &RedemptionRequest,
) -> Result<RedemptionDto, ClientError> {
    api.post_idempotent(&format!("/api/v1/redemptions?lang={}", lang.tag()), key, request).await
}

/// Voids a redemption (within 30 minutes), with a reason; texts in `lang`.
pub async fn void(api: &Api, lang: Lang, id: i64, reason: &str) -> Result<RedemptionDto, ClientError> {
    let path = format!("/api/v1/redemptions/{id}/void?lang={}", lang.tag());
    api.post(&path, &VoidRequest { reason: reason.to_owned() }).await
}

/// The partner's latest redemptions, newest first, texts in `lang`.
pub async fn redemptions(api: &Api, lang: Lang) -> Result<RedemptionList, ClientError> {
    api.get(&format!("/api/v1/merchant/redemptions?lang={}", lang.tag())).await
}

/// Redemptions per offer per day over the last `days`, and stock left today.
pub async fn figures(api: &Api, days: u32) -> Result<Figures, ClientError> {
    api.get(&format!("/api/v1/merchant/figures?days={days}")).await
}
