//! `catalogue_state`: one row whose `version` grows with every catalogue change.

use sea_orm::entity::prelude::*;

/// The catalogue version. Every write that changes what the public catalogue
/// shows bumps it in the same transaction; replicas poll it to validate their
/// ETags and response caches without touching the data tables.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "catalogue_state")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: i32,
    pub version: i64,
    /// Differs between databases; part of every ETag.
    pub epoch: String,
    /// Grows with every event registration and cancellation (seats left),
    /// which the event pages' ETags include; see `m20261204_000011_events`.
    pub events_version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
