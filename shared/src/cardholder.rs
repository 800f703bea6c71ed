//! The cardholder and the counter: what the card can get and why (or why
//! not), counter codes, and redemptions. (How a card is proven: `proof`.)

use crate::{BenefitSummary, CardProof, QuotaPeriod, Reach, SchemeCode, TierCode};

/// Why a card cannot use a benefit now. The preview and the counter give
/// the same reasons, from the same function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// No rule of the benefit admits the card's tier, directly or through recognition.
    TierTooLow,
    /// The card is suspended.
    CardSuspended,
    /// The card is expired or outside its validity window.
    CardExpired,
    /// The holder is on the integrity list (all their cards).
    PersonSuspended,
    /// The benefit is not live today (not published, outside its window, or its partner suspended).
    NotValidToday,
    /// The holder's quota for this period is used up (across all their cards).
    QuotaUsed,
    /// Today's stock of the benefit is gone.
    StockGone,
}

impl Refusal {
    /// Every reason, from the holder outwards (the order `decide` checks them).
    pub const ALL: [Refusal; 7] = [
        Refusal::PersonSuspended,
        Refusal::CardSuspended,
        Refusal::CardExpired,
        Refusal::NotValidToday,
        Refusal::TierTooLow,
        Refusal::QuotaUsed,
        Refusal::StockGone,
    ];

    /// Reads a code back (`quota_used`), e.g. from a 409 error body.
    pub fn parse(code: &str) -> Option<Refusal> {
        Refusal::ALL.into_iter().find(|r| r.as_str() == code)
    }

    /// The machine-readable code (also the error code at the counter).
    pub fn as_str(self) -> &'static str {
        match self {
            Refusal::TierTooLow => "tier_too_low",
            Refusal::CardSuspended => "card_suspended",
            Refusal::CardExpired => "card_expired",
            Refusal::PersonSuspended => "person_suspended",
            Refusal::NotValidToday => "not_valid_today",
            Refusal::QuotaUsed => "quota_used",
            Refusal::StockGone => "stock_gone",
        }
    }

    /// An English explanation.
    pub fn message(self) -> &'static str {
        match self {
            Refusal::TierTooLow => "this card's tier does not reach this benefit",
            Refusal::CardSuspended => "this card is suspended",
            Refusal::CardExpired => "this card is expired",
            Refusal::PersonSuspended => "the holder is suspended",
            Refusal::NotValidToday => "this benefit is not available today",
            Refusal::QuotaUsed => "the holder's quota for this benefit is used up for now",
            Refusal::StockGone => "today's stock of this benefit is gone",
        }
    }
}

/// A card as its holder (and the counter) see it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardDto {
    /// Card number.
    pub number: String,
    /// Scheme.
    pub scheme: SchemeCode,
    /// Tier.
    pub tier: TierCode,
    /// Holder name.
    pub holder_name: String,
    /// Last day of validity (YYYY-MM-DD).
    pub valid_until: String,
    /// `active`, `suspended` or `expired`.
    pub status: crate::CardStatus,
}

/// A cardholder session: the token to send as `Authorization: Bearer`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardSessionDto {
    /// The bearer token (keep it in memory only).
    pub token: String,
    /// When it ends (RFC 3339).
    pub expires_at: String,
    /// The card.
    pub card: CardDto,
}

/// What a card can get from one benefit today.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardBenefitDto {
    /// The benefit.
    pub benefit: BenefitSummary,
    /// Directly, or through which recognition row.
    pub via: Reach,
    /// Absent when the card can use it now; otherwise why not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refusal: Option<Refusal>,
    /// Uses left for the holder in the current period (absent: no personal limit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remaining: Option<u32>,
    /// The personal limit's period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<QuotaPeriod>,
    /// Stock left today (absent: no daily stock).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stock_left: Option<u32>,
}

/// The benefits a card reaches.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardBenefits {
    /// The card.
    pub card: CardDto,
    /// Every benefit it reaches today (usable or not, with the reason).
    pub items: Vec<CardBenefitDto>,
}

/// A counter code: show the QR (or read out the numeric code) at the counter.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CounterCodeDto {
    /// The short numeric code (8 digits).
    pub code: String,
    /// The signed QR payload (the counter accepts it like the code).
    pub qr: String,
    /// When it stops working (RFC 3339).
    pub expires_at: String,
    /// Seconds it is valid for.
    pub valid_secs: u32,
}

/// `POST /api/v1/redemptions` (header `Idempotency-Key` required).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RedemptionRequest {
    /// One of the merchant's own benefits.
    pub benefit_id: i64,
    /// The card.
    #[serde(flatten)]
    pub proof: CardProof,
}

/// A recorded redemption.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RedemptionDto {
    /// Redemption id.
    pub id: i64,
    /// The benefit.
    pub benefit_id: i64,
    /// Its title, in the language asked for (zh-CN in the audit log).
    pub benefit_title: String,
    /// The partner's name, in the language asked for.
    pub partner_name: String,
    /// The card used.
    pub card_number: String,
    /// When (RFC 3339).
    pub redeemed_at: String,
    /// When it was voided, if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voided_at: Option<String>,
    /// Why it was voided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub void_reason: Option<String>,
}

/// A list of redemptions, newest first.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RedemptionList {
    /// The redemptions.
    pub items: Vec<RedemptionDto>,
}

/// `POST /api/v1/redemptions/{id}/void`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VoidRequest {
    /// Why (a counter mistake, …).
    pub reason: String,
}

/// One row of a merchant's figures: redemptions of one offer on one day.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FigureRow {
    /// The offer.
    pub benefit_id: i64,
    /// Day (YYYY-MM-DD, China time).
    pub day: String,
    /// Redemptions not voided.
    pub redemptions: u32,
}

/// `GET /api/v1/merchant/figures`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Figures {
    /// Redemptions per offer per day, newest day first.
    pub days: Vec<FigureRow>,
    /// Stock left today per offer with a daily stock.
    pub stock_left_today: Vec<StockLeft>,
}

/// Stock left today of one offer.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StockLeft {
    /// The offer.
    pub benefit_id: i64,
    /// Its daily stock.
    pub daily_stock: u32,
    /// What is left today.
    pub left: u32,
}

/// The body of an integrity-list action: why (required to suspend).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReasonRequest {
    /// Why.
    #[serde(default)]
    pub reason: Option<String>,
}
