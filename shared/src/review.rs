//! The merchant's and the reviewer's view of partners and offers: full
//! inputs with lifecycle state, version and review reasons, plus the small
//! bodies of the state-changing requests.
//!
//! Every write names the `version` it read; a stale one is answered with 409
//! `stale_version` and the current version in `current_version`.

use crate::{BenefitInput, BenefitStatus, FieldError, PartnerInput, PartnerSummary};

/// Longest review reason, in characters.
pub const MAX_REASON_CHARS: usize = 500;

/// Most offers one partner may have not yet published (drafts and offers
/// under review); a new draft beyond it is refused with 422 on `drafts`.
pub const MAX_UNPUBLISHED_OFFERS: u64 = 200;

/// Where a partner is in its review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "orm", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "orm", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::None)"))]
#[serde(rename_all = "snake_case")]
pub enum PartnerStatus {
    /// Signed up (or edited after a rejection), waiting for the district admin.
    #[cfg_attr(feature = "orm", sea_orm(string_value = "pending"))]
    Pending,
    /// Refused with a reason; the merchant may edit and resubmit.
    #[cfg_attr(feature = "orm", sea_orm(string_value = "rejected"))]
    Rejected,
    /// Approved: its published offers are public.
    #[cfg_attr(feature = "orm", sea_orm(string_value = "approved"))]
    Approved,
    /// Suspended: all its offers are hidden at once.
    #[cfg_attr(feature = "orm", sea_orm(string_value = "suspended"))]
    Suspended,
}

impl PartnerStatus {
    /// Every state.
    pub const ALL: [PartnerStatus; 4] =
        [PartnerStatus::Pending, PartnerStatus::Rejected, PartnerStatus::Approved, PartnerStatus::Suspended];

    /// The stored and serialized code.
    pub fn as_str(self) -> &'static str {
        match self {
            PartnerStatus::Pending => "pending",
            PartnerStatus::Rejected => "rejected",
            PartnerStatus::Approved => "approved",
            PartnerStatus::Suspended => "suspended",
        }
    }

    /// Parses a stored code.
    pub fn parse(code: &str) -> Option<PartnerStatus> {
        PartnerStatus::ALL.into_iter().find(|s| s.as_str() == code)
    }
}

/// A partner with everything its staff and reviewers see.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerProfileDto {
    /// Partner id.
    pub id: i64,
    /// Review state.
    pub status: PartnerStatus,
    /// Version to name in the next write.
    pub version: i32,
    /// The registered details.
    pub profile: PartnerInput,
    /// Why it was last rejected or suspended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// A pending or refused edit of the reviewed details (name, kind,
    /// address, location) of an approved partner; `profile` stays live
    /// until it is approved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<PartnerRevisionDto>,
    /// Last change (RFC 3339).
    pub updated_at: String,
}

/// A proposed change of an approved partner's reviewed details.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerRevisionDto {
    /// Review state of the edit.
    pub status: RevisionStatus,
    /// The proposed details (its phone is the live one: the phone changes at once).
    pub profile: PartnerInput,
    /// Why it was refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// When it was proposed or decided (RFC 3339).
    pub updated_at: String,
}

/// A list of partners: a page of a review queue.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerList {
    /// The partners, oldest change first.
    pub items: Vec<PartnerProfileDto>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

/// `PUT /api/v1/merchant/partner`: new details for the version read.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerWrite {
    /// The version this edit is based on.
    pub version: i32,
    /// The new details (the district cannot change). For an approved or
    /// suspended partner, a name, kind, address or location that differs
    /// from the live profile becomes a pending revision; the phone changes
    /// at once.
    pub profile: PartnerInput,
}

/// Whether a pending edit of a live offer waits or was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "orm", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "orm", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::None)"))]
#[serde(rename_all = "snake_case")]
pub enum RevisionStatus {
    /// Waiting for the district admin; the live version stays public.
    #[cfg_attr(feature = "orm", sea_orm(string_value = "pending_review"))]
    PendingReview,
    /// Refused with a reason; the live version is unchanged.
    #[cfg_attr(feature = "orm", sea_orm(string_value = "rejected"))]
    Rejected,
}

impl RevisionStatus {
    /// The stored code.
    pub fn as_str(self) -> &'static str {
        match self {
            RevisionStatus::PendingReview => "pending_review",
            RevisionStatus::Rejected => "rejected",
        }
    }

    /// Parses a stored code.
    pub fn parse(code: &str) -> Option<RevisionStatus> {
        [RevisionStatus::PendingReview, RevisionStatus::Rejected].into_iter().find(|s| s.as_str() == code)
    }
}

/// An edit of a published offer, waiting for review or refused.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RevisionDto {
    /// Review state of the edit.
    pub status: RevisionStatus,
    /// The edited offer.
    pub offer: BenefitInput,
    /// Why it was refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// An offer as its partner's staff and the reviewers see it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferDto {
    /// Benefit id (the public catalogue's id once published).
    pub id: i64,
    /// The partner offering it.
    pub partner: PartnerSummary,
    /// Lifecycle state; `expired` once a published offer's window has ended.
    pub status: BenefitStatus,
    /// Version to name in the next write.
    pub version: i32,
    /// The current (live, if published) content.
    pub offer: BenefitInput,
    /// A pending or refused edit of a published offer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<RevisionDto>,
    /// Why the last submission was rejected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Last change (RFC 3339).
    pub updated_at: String,
}

/// A list of offers: a merchant's own (all of them), or a page of a review queue.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferList {
    /// The offers.
    pub items: Vec<OfferDto>,
    /// A review queue's next page: pass as `cursor`; absent on the last page
    /// (and on a merchant's own list, which is never cut).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

/// `PUT /api/v1/merchant/offers/{id}`: new content for the version read.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferWrite {
    /// The version this edit is based on.
    pub version: i32,
    /// The new content.
    pub offer: BenefitInput,
}

/// The body of a lifecycle action (submit, pause, resume, withdraw).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VersionRef {
    /// The version the action is based on.
    pub version: i32,
}

/// A reviewer's decision; `reason` is required to reject or suspend.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Decision {
    /// The version the decision is based on.
    pub version: i32,
    /// Why (shown to the merchant).
    #[serde(default)]
    pub reason: Option<String>,
}

impl Decision {
    /// The trimmed reason, required and bounded.
    pub fn required_reason(&self) -> Result<String, FieldError> {
        required_reason(self.reason.as_deref())
    }
}

/// A reason that must be given (to reject, suspend or void): trimmed, not
/// empty, at most [`MAX_REASON_CHARS`] characters.
pub fn required_reason(reason: Option<&str>) -> Result<String, FieldError> {
    let reason = reason.map(str::trim).unwrap_or_default();
    if reason.is_empty() {
        return Err(FieldError { field: "reason".into(), message: "is required".into() });
    }
    if reason.chars().count() > MAX_REASON_CHARS {
        return Err(FieldError { field: "reason".into(), message: format!("at most {MAX_REASON_CHARS} characters") });
    }
    Ok(reason.to_owned())
}
