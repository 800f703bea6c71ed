//! Benefits (offers) as the catalogue shows them.

use crate::{CategoryCode, Date, DistrictCode, GeoPoint, PartnerKind, SchemeCode, TierCode};

/// Where a benefit is in its lifecycle.
///
/// `draft → pending_review → published → paused / withdrawn / expired`.
/// Only `published` benefits (of approved partners, valid today) are public.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "orm", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "orm", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::None)"))]
#[serde(rename_all = "snake_case")]
pub enum BenefitStatus {
    /// Being written by the partner; not visible to anyone else.
    #[cfg_attr(feature = "orm", sea_orm(string_value = "draft"))]
    Draft,
    /// Submitted, waiting for the district admin.
    #[cfg_attr(feature = "orm", sea_orm(string_value = "pending_review"))]
    PendingReview,
    /// Live in the catalogue.
    #[cfg_attr(feature = "orm", sea_orm(string_value = "published"))]
    Published,
    /// Temporarily off by the partner.
    #[cfg_attr(feature = "orm", sea_orm(string_value = "paused"))]
    Paused,
    /// Permanently off.
    #[cfg_attr(feature = "orm", sea_orm(string_value = "withdrawn"))]
    Withdrawn,
    /// Past the end of its validity window.
    #[cfg_attr(feature = "orm", sea_orm(string_value = "expired"))]
    Expired,
}

impl BenefitStatus {
    /// Every state, in lifecycle order.
    pub const ALL: [BenefitStatus; 6] = [
        BenefitStatus::Draft,
        BenefitStatus::PendingReview,
        BenefitStatus::Published,
        BenefitStatus::Paused,
        BenefitStatus::Withdrawn,
        BenefitStatus::Expired,
    ];

    /// The stable code stored in the database and used in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            BenefitStatus::Draft => "draft",
            BenefitStatus::PendingReview => "pending_review",
            BenefitStatus::Published => "published",
            BenefitStatus::Paused => "paused",
            BenefitStatus::Withdrawn => "withdrawn",
            BenefitStatus::Expired => "expired",
        }
    }

    /// The state for a stored code, if it is one.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == code)
    }
}

/// What a benefit gives the cardholder. Money is in fen (1/100 yuan).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Gives {
    /// A percentage off the normal price (1–100).
    PercentOff {
        /// Percent taken off, e.g. 20 for "20% off".
        #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100))]
        percent: u8,
    },
    /// A fixed amount off.
    AmountOff {
        /// Amount taken off, in fen.
        amount_fen: u32,
    },
    /// A fixed special price.
    FixedPrice {
        /// The price paid, in fen.
        price_fen: u32,
    },
    /// Free entry (scenic spots, museums).
    FreeEntry,
    /// Priority service (the medical green channel: registration, appointments, a desk).
    PriorityService,
    /// A gift; the benefit's summary says which.
    Gift,
}

/// The period a per-person quota counts over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum QuotaPeriod {
    /// Per calendar day (China Standard Time).
    Day,
    /// Per calendar month.
    Month,
    /// Per calendar year.
    Year,
    /// Once for all time.
    Lifetime,
}

impl QuotaPeriod {
    /// The stable code stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            QuotaPeriod::Day => "day",
            QuotaPeriod::Month => "month",
            QuotaPeriod::Year => "year",
            QuotaPeriod::Lifetime => "lifetime",
        }
    }

    /// The period for a stored code, if it is one.
    pub fn from_code(code: &str) -> Option<Self> {
        [QuotaPeriod::Day, QuotaPeriod::Month, QuotaPeriod::Year, QuotaPeriod::Lifetime]
            .into_iter()
            .find(|p| p.as_str() == code)
    }
}

/// How often a benefit may be used. Counts are per *person*, across all cards
/// the person holds (the duplicate-claim check).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Quota {
    /// Uses allowed per person per `per_person_period`; `None` means unlimited.
    pub per_person_limit: Option<u32>,
    /// The period `per_person_limit` counts over.
    pub per_person_period: Option<QuotaPeriod>,
    /// Total uses per day over all people (e.g. 10 green-channel slots); `None` means unlimited.
    pub daily_stock: Option<u32>,
}

/// A card that a benefit is open to: a scheme and the lowest tier that qualifies.
///
/// Cards of other schemes qualify too when the recognition table maps their
/// tier onto this scheme at `min_tier` or above.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EligibilityRule {
    /// The card scheme.
    pub scheme: SchemeCode,
    /// The lowest qualifying tier of that scheme.
    pub min_tier: TierCode,
}

/// The days a benefit can be used, both ends included (China Standard Time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Validity {
    /// First valid day.
    pub from: Date,
    /// Last valid day.
    pub until: Date,
}

/// The partner behind a benefit, as much as a list item needs.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerSummary {
    /// Partner id, for `/api/v1/partners/{id}`.
    pub id: i64,
    /// Name in the requested language.
    pub name: String,
    /// Hospital, scenic spot, merchant or government service centre.
    pub kind: PartnerKind,
}

/// A benefit in a list: everything a card in the widget shows.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BenefitSummary {
    /// Benefit id, for `/api/v1/benefits/{id}`.
    pub id: i64,
    /// Category code.
    pub category: CategoryCode,
    /// District of the partner.
    pub district: DistrictCode,
    /// The partner offering it.
    pub partner: PartnerSummary,
    /// Title in the requested language (zh-CN fallback).
    pub title: String,
    /// One-line summary in the requested language (zh-CN fallback).
    pub summary: String,
    /// What it gives.
    pub gives: Gives,
    /// Cards it is open to (directly; recognised cards qualify through the recognition table).
    pub eligibility: Vec<EligibilityRule>,
    /// When it can be used.
    pub validity: Validity,
    /// Where (the partner's location).
    pub location: GeoPoint,
    /// Distance from the `near` point in kilometres, when `near` was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
}

/// How a card reaches a benefit.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reach {
    /// The benefit names the card's own scheme.
    Direct,
    /// Through a row of the mutual-recognition table: the card counts as `as_scheme`/`as_tier`.
    Recognition {
        /// The recognition row's id.
        recognition_id: i64,
        /// The scheme the card is recognised as.
        as_scheme: SchemeCode,
        /// The tier the card is recognised as.
        as_tier: TierCode,
    },
}

/// A card tier that may use a benefit, and how.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardReach {
    /// The card's scheme.
    pub scheme: SchemeCode,
    /// The card's tier.
    pub tier: TierCode,
    /// Directly, or through which recognition row.
    pub via: Reach,
}

/// A benefit in full, for its detail page.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BenefitDetail {
    /// Everything the list shows.
    #[serde(flatten)]
    pub summary: BenefitSummary,
    /// Longer description in the requested language.
    pub description: String,
    /// Terms and conditions in the requested language.
    pub terms: String,
    /// The partner's address in the requested language.
    pub address: String,
    /// How often it may be used.
    pub quota: Quota,
    /// Every card tier that may use it today — directly or through the
    /// recognition table — as the server's eligibility rule decides.
    pub reached_by: Vec<CardReach>,
    /// Version for optimistic concurrency; grows with each accepted change.
    pub version: i32,
    /// Last change, RFC 3339.
    pub updated_at: String,
}
