//! Reference data: districts, categories, card schemes, tiers and the
//! recognition table, loaded together as one immutable snapshot.
//!
//! These tables are small and read on every catalogue request (to turn codes
//! into ids and ids into codes), so [`crate::catalogue::CatalogueState`] keeps one
//! snapshot per catalogue version instead of querying them each time.

use linan_shared::{
    CardSchemeDto, CardSchemesDto, CategoryCode, CategoryDto, DistrictCode, DistrictDto, RecognitionDto, SchemeCode,
    TierCode, TierDto,
};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, QueryOrder};

pub mod file;

use crate::{
    calendar::from_naive,
    entity::{card_scheme, card_tier, category, district, recognition},
};

/// A consistent snapshot of the reference tables.
#[derive(Debug, Clone, Default)]
pub struct Reference {
    /// Districts in display order.
    pub districts: Vec<district::Model>,
    /// Categories in display order.
    pub categories: Vec<category::Model>,
    /// Card schemes by id.
    pub schemes: Vec<card_scheme::Model>,
    /// Tiers, highest rank first within each scheme.
    pub tiers: Vec<card_tier::Model>,
    /// Recognition rows.
    pub recognition: Vec<recognition::Model>,
}

impl Reference {
    /// Reads the reference tables.
    pub async fn load(db: &impl ConnectionTrait) -> Result<Self, DbErr> {
        Ok(Reference {
            districts: district::Entity::find()
                .order_by_asc(district::Column::Position)
                .order_by_asc(district::Column::Id)
                .all(db)
                .await?,
            categories: category::Entity::find()
                .order_by_asc(category::Column::Position)
                .order_by_asc(category::Column::Id)
                .all(db)
                .await?,
            schemes: card_scheme::Entity::find().order_by_asc(card_scheme::Column::Id).all(db).await?,
            tiers: card_tier::Entity::find()
                .order_by_asc(card_tier::Column::SchemeId)
                .order_by_desc(card_tier::Column::Rank)
                .all(db)
                .await?,
            recognition: recognition::Entity::find().order_by_asc(recognition::Column::Id).all(db).await?,
        })
    }

    /// The district with this code.
    pub fn district_by_code(&self, code: &str) -> Option<&district::Model> {
        self.districts.iter().find(|d| d.code == code)
    }

    /// The district with this id.
    pub fn district(&self, id: i64) -> Option<&district::Model> {
        self.districts.iter().find(|d| d.id == id)
    }

    /// The category with this code.
    pub fn category_by_code(&self, code: &str) -> Option<&category::Model> {
        self.categories.iter().find(|c| c.code == code)
    }

    /// The category with this id.
    pub fn category(&self, id: i64) -> Option<&category::Model> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// The scheme with this code.
    pub fn scheme_by_code(&self, code: &str) -> Option<&card_scheme::Model> {
        self.schemes.iter().find(|s| s.code == code)
    }

    /// The scheme with this id.
    pub fn scheme(&self, id: i64) -> Option<&card_scheme::Model> {
        self.schemes.iter().find(|s| s.id == id)
    }

    /// The tier with this id.
    pub fn tier(&self, id: i64) -> Option<&card_tier::Model> {
        self.tiers.iter().find(|t| t.id == id)
    }

    /// The tier `code` of the scheme with id `scheme_id`.
    pub fn tier_by_code(&self, scheme_id: i64, code: &str) -> Option<&card_tier::Model> {
        self.tiers.iter().find(|t| t.scheme_id == scheme_id && t.code == code)
    }

    /// Tiers of one scheme, highest first.
    pub fn tiers_of(&self, scheme_id: i64) -> impl Iterator<Item = &card_tier::Model> {
        self.tiers.iter().filter(move |t| t.scheme_id == scheme_id)
    }

    /// A code of a stored row; rows and their codes are validated on the way
    /// in, so a failure here means a hand-edited database.
    fn code<T>(parse: fn(&str) -> Result<T, linan_shared::CodeError>, raw: &str) -> Option<T> {
        let parsed = parse(raw).ok();
        if parsed.is_none() {
            tracing::warn!(code = raw, "invalid code stored in a reference table; row skipped");
        }
        parsed
    }

    /// District code for an id, for DTOs.
    pub fn district_code(&self, id: i64) -> Option<DistrictCode> {
        self.district(id).and_then(|d| Self::code(DistrictCode::parse, &d.code))
    }

    /// Category code for an id, for DTOs.
    pub fn category_code(&self, id: i64) -> Option<CategoryCode> {
        self.category(id).and_then(|c| Self::code(CategoryCode::parse, &c.code))
    }

    /// Scheme and tier codes for a tier id, for DTOs.
    pub fn tier_codes(&self, tier_id: i64) -> Option<(SchemeCode, TierCode)> {
        let tier = self.tier(tier_id)?;
        let scheme = self.scheme(tier.scheme_id)?;
        Some((Self::code(SchemeCode::parse, &scheme.code)?, Self::code(TierCode::parse, &tier.code)?))
    }

    /// `/api/v1/districts`.
    pub fn districts_dto(&self) -> Vec<DistrictDto> {
        self.districts
            .iter()
            .filter_map(|d| Some(DistrictDto { code: Self::code(DistrictCode::parse, &d.code)?, name: d.name() }))
            .collect()
    }

    /// `/api/v1/categories`.
    pub fn categories_dto(&self) -> Vec<CategoryDto> {
        self.categories
            .iter()
            .filter_map(|c| Some(CategoryDto { code: Self::code(CategoryCode::parse, &c.code)?, name: c.name() }))
            .collect()
    }

    /// `/api/v1/card-schemes`: schemes with tiers, and the recognition rows.
    pub fn card_schemes_dto(&self) -> CardSchemesDto {
        let schemes = self
            .schemes
            .iter()
            .filter_map(|s| {
                Some(CardSchemeDto {
                    code: Self::code(SchemeCode::parse, &s.code)?,
                    district: self.district_code(s.district_id)?,
                    name: s.name(),
                    tiers: self
                        .tiers_of(s.id)
                        .filter_map(|t| {
                            Some(TierDto { code: Self::code(TierCode::parse, &t.code)?, rank: t.rank, name: t.name() })
                        })
                        .collect(),
                })
            })
            .collect();
        let recognition = self.recognition.iter().filter_map(|r| self.recognition_dto(r)).collect();
        CardSchemesDto { schemes, recognition }
    }

    /// A recognition row as codes; `None` if it names an unknown tier.
    pub fn recognition_dto(&self, r: &recognition::Model) -> Option<RecognitionDto> {
        let (from_scheme, from_tier) = self.tier_codes(r.from_tier_id)?;
        let (to_scheme, to_tier) = self.tier_codes(r.to_tier_id)?;
        Some(RecognitionDto {
            id: r.id,
            from_scheme,
            from_tier,
            to_scheme,
            to_tier,
            valid_from: r.valid_from.map(from_naive),
            valid_until: r.valid_until.map(from_naive),
        })
    }
}
