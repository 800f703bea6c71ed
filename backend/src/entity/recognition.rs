//! `recognition`: the mutual-recognition table between card tiers.

use sea_orm::entity::prelude::*;

/// One row: a card of tier `from_tier_id` counts as tier `to_tier_id` (of another scheme).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "recognition")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub from_tier_id: i64,
    pub to_tier_id: i64,
    pub valid_from: Option<Date>,
    pub valid_until: Option<Date>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
