//! Reference data: districts, categories, card schemes with tiers, the
//! recognition table, and partners.

use crate::{CategoryCode, Date, DistrictCode, GeoPoint, LocalizedText, SchemeCode, TierCode};

/// A district of the alliance (`liwan`, `nanhai`, …).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DistrictDto {
    /// District code.
    pub code: DistrictCode,
    /// Name in all languages.
    pub name: LocalizedText,
}

/// A benefit category.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CategoryDto {
    /// Category code.
    pub code: CategoryCode,
    /// Name in all languages.
    pub name: LocalizedText,
}

/// One tier of a card scheme. A higher `rank` is a more senior tier.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TierDto {
    /// Tier code, e.g. `A`.
    pub code: TierCode,
    /// Order within the scheme; "tier B and above" means rank ≥ B's rank.
    pub rank: i32,
    /// Name in all languages.
    pub name: LocalizedText,
}

/// A card scheme issued by one district, with its tiers (highest first).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardSchemeDto {
    /// Scheme code.
    pub code: SchemeCode,
    /// The issuing district.
    pub district: DistrictCode,
    /// Name in all languages.
    pub name: LocalizedText,
    /// Tiers, highest rank first.
    pub tiers: Vec<TierDto>,
}

/// One row of the recognition table: a card of `from` counts as `to`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecognitionDto {
    /// Row id.
    pub id: i64,
    /// Scheme of the card held.
    pub from_scheme: SchemeCode,
    /// Tier of the card held.
    pub from_tier: TierCode,
    /// Scheme it is recognised as.
    pub to_scheme: SchemeCode,
    /// Tier it is recognised as.
    pub to_tier: TierCode,
    /// First day the row applies, if bounded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<Date>,
    /// Last day the row applies, if bounded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<Date>,
}

/// The answer of `/api/v1/card-schemes`: schemes and the recognition table.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardSchemesDto {
    /// All card schemes with their tiers.
    pub schemes: Vec<CardSchemeDto>,
    /// The mutual-recognition rows in force.
    pub recognition: Vec<RecognitionDto>,
}

/// What kind of organisation a partner is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PartnerKind {
    /// A hospital (medical green channels).
    Hospital,
    /// A park, museum, historic street, mountain…
    ScenicSpot,
    /// A shop, restaurant, hotel, gym…
    Merchant,
    /// A district's or a town's government service centre (政务服务中心), where
    /// talents of either district handle cross-city service items.
    ServiceCentre,
}

impl PartnerKind {
    /// The stable code stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            PartnerKind::Hospital => "hospital",
            PartnerKind::ScenicSpot => "scenic_spot",
            PartnerKind::Merchant => "merchant",
            PartnerKind::ServiceCentre => "service_centre",
        }
    }

    /// The kind for a stored code, if it is one.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == code)
    }

    /// Every kind, in the order forms offer them.
    pub const ALL: [PartnerKind; 4] =
        [PartnerKind::Merchant, PartnerKind::ScenicSpot, PartnerKind::Hospital, PartnerKind::ServiceCentre];
}

/// A partner's public profile.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerDto {
    /// Partner id.
    pub id: i64,
    /// Name in the requested language.
    pub name: String,
    /// Hospital, scenic spot, merchant or government service centre.
    pub kind: PartnerKind,
    /// District it belongs to.
    pub district: DistrictCode,
    /// Address in the requested language.
    pub address: String,
    /// Location.
    pub location: GeoPoint,
    /// Public contact phone, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Number of public benefits it offers today.
    pub benefit_count: u32,
}

/// `POST`/`PUT /api/v1/admin/recognitions`: a recognition row as an
/// alliance admin writes it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecognitionInput {
    /// Scheme of the card held.
    pub from_scheme: SchemeCode,
    /// Tier of the card held.
    pub from_tier: TierCode,
    /// Scheme it is recognised as (another scheme).
    pub to_scheme: SchemeCode,
    /// Tier it is recognised as.
    pub to_tier: TierCode,
    /// First day the row applies (open if absent).
    #[serde(default)]
    pub valid_from: Option<Date>,
    /// Last day the row applies (open if absent).
    #[serde(default)]
    pub valid_until: Option<Date>,
}

impl RecognitionInput {
    /// Checks what the types cannot: two different schemes, an ordered window.
    pub fn validate(&self) -> Result<(), crate::FieldError> {
        let bad = |field: &str, message: &str| Err(crate::FieldError { field: field.into(), message: message.into() });
        if self.from_scheme == self.to_scheme {
            return bad("to_scheme", "must differ from from_scheme (a scheme's own tiers are ordered already)");
        }
        if let (Some(from), Some(until)) = (self.valid_from, self.valid_until)
            && until < from
        {
            return bad("valid_until", "is before valid_from");
        }
        Ok(())
    }
}
