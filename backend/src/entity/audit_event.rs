//! `audit_event`: the append-only audit log. Rows are only ever inserted.

use linan_shared::{AuditAction, Role};
use sea_orm::entity::prelude::*;

/// One state change.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub at: DateTimeUtc,
    pub actor_id: Option<i64>,
    pub actor_email: Option<String>,
    pub actor_role: Option<Role>,
    pub action: AuditAction,
    pub entity: String,
    pub entity_id: i64,
    pub district_id: Option<i64>,
    /// JSON text.
    pub before: Option<String>,
    /// JSON text.
    pub after: Option<String>,
    pub request_id: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
