//! Operational answers: health and readiness.

/// The body of `/healthz` and `/readyz`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HealthDto {
    /// `ok` (alive), `ready` (can serve), or `unavailable`.
    pub status: String,
    /// The catalogue version this replica last saw (readiness only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalogue_version: Option<i64>,
}
