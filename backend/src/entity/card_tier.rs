//! `card_tier`: the ordered tiers of a card scheme.

use sea_orm::entity::prelude::*;

/// A tier; a higher `rank` is more senior, so "tier B and above" is `rank >= rank(B)`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "card_tier")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub scheme_id: i64,
    pub code: String,
    pub rank: i32,
    pub name_zh_cn: String,
    pub name_zh_hk: Option<String>,
    pub name_en: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
