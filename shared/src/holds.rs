//! The integrity list as admins read it: holds on cards and holders, apart
//! from the registry's own card status.

/// What a hold is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HoldTarget {
    /// One card.
    Card,
    /// The holder: every card of the person, in every district.
    Holder,
}

/// One hold of the integrity list.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HoldDto {
    /// Hold id.
    pub id: i64,
    /// A card or its holder.
    pub target: HoldTarget,
    /// The card held, or the card the holder hold was placed through.
    pub card_number: String,
    /// The deciding district's code; absent: the alliance decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deciding_district: Option<String>,
    /// Why.
    pub reason: String,
    /// Who placed it (e-mail at the time); absent for a hold carried over by a migration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placed_by: Option<String>,
    /// When (RFC 3339, UTC).
    pub placed_at: String,
    /// Whether the admin reading this may lift it (the deciding district's
    /// admins and alliance admins).
    pub may_lift: bool,
}

/// The live holds concerning an admin's district (every one, for an alliance admin).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HoldList {
    /// Newest first.
    pub items: Vec<HoldDto>,
}
