//! The audit log as admins read it: every state change, who made it, in
//! which role, before and after, when and from which request.

use crate::{AuditAction, Role};

/// One recorded change.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEventDto {
    /// Event id (increasing).
    pub id: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// The acting account; absent for the system (e.g. demo seed, CLI).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_id: Option<i64>,
    /// The acting account's email at the time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_email: Option<String>,
    /// The role it acted in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_role: Option<Role>,
    /// What happened, e.g. `offer.submit`, `partner.approve`.
    pub action: AuditAction,
    /// What kind of thing changed: `account`, `partner`, `offer`.
    pub entity: String,
    /// Its id.
    pub entity_id: i64,
    /// The district it belongs to (for scoping).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// Further districts it concerns, whose admins see it too (a holder
    /// hold concerns every district of the holder's cards).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_districts: Vec<String>,
    /// The state before (JSON), absent for a creation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub before: Option<serde_json::Value>,
    /// The state after (JSON).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub after: Option<serde_json::Value>,
    /// The `x-request-id` of the request that made the change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// A page of the audit log, newest first.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditPage {
    /// The events.
    pub items: Vec<AuditEventDto>,
    /// Pass as `cursor` for the next (older) page; absent at the end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}
