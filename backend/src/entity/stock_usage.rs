//! `stock_usage`: uses of a benefit on one day, by anyone (its daily stock).

use sea_orm::entity::prelude::*;

/// `used` uses of `benefit_id` on `day`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "stock_usage")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub benefit_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: Date,
    pub used: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
