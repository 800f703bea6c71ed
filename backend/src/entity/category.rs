//! `category`: benefit categories; the set is data, not code.

use sea_orm::entity::prelude::*;

/// A category (`medical_green_channel`, `scenic_discount`, `merchant_offer`, …).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "category")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub code: String,
    pub name_zh_cn: String,
    pub name_zh_hk: Option<String>,
    pub name_en: Option<String>,
    /// Display order.
    pub position: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
