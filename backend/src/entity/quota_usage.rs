//! `quota_usage`: uses of a benefit by a person in one quota period.

use sea_orm::entity::prelude::*;

/// `used` uses of `benefit_id` by `person_id` in period `period_key`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "quota_usage")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub person_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub benefit_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub period_key: String,
    pub used: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
