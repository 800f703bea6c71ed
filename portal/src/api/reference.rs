//! The public reference lists the forms choose from: districts, categories,
//! card schemes. Each carries every language, so a language change needs no
//! new request.

use linan_shared::{CardSchemesDto, CategoryDto, DistrictDto};

use super::{Api, ClientError};

/// The alliance's districts.
pub async fn districts(api: &Api) -> Result<Vec<DistrictDto>, ClientError> {
    api.get("/api/v1/districts").await
}

/// The benefit categories.
pub async fn categories(api: &Api) -> Result<Vec<CategoryDto>, ClientError> {
    api.get("/api/v1/categories").await
}

/// The card schemes with their tiers.
pub async fn card_schemes(api: &Api) -> Result<CardSchemesDto, ClientError> {
    api.get("/api/v1/card-schemes").await
}
