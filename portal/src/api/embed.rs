//! `/api/v1/admin/embed-sites`: the embed-site registry and each site's figures.

use linan_shared::{EmbedFigures, EmbedSiteDto, EmbedSiteInput, EmbedSiteList, EmbedSiteWrite};

use super::{Api, ClientError};

/// The sites the admin may see.
pub async fn sites(api: &Api) -> Result<EmbedSiteList, ClientError> {
    api.get("/api/v1/admin/embed-sites").await
}

/// Registers a site.
pub async fn create(api: &Api, site: &EmbedSiteInput) -> Result<EmbedSiteDto, ClientError> {
    api.post("/api/v1/admin/embed-sites", site).await
}

/// Replaces site `id`'s content for the version read.
pub async fn update(api: &Api, id: i64, write: &EmbedSiteWrite) -> Result<EmbedSiteDto, ClientError> {
    api.put(&format!("/api/v1/admin/embed-sites/{id}"), write).await
}

/// Site `id`'s figures over the last `days`.
pub async fn figures(api: &Api, id: i64, days: u32) -> Result<EmbedFigures, ClientError> {
    api.get(&format!("/api/v1/admin/embed-sites/{id}/figures?days={days}")).await
}
