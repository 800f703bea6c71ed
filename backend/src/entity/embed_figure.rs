//! `embed_figure`: one embed site's usage counts on one day (China Standard Time).

use sea_orm::entity::prelude::*;

/// Counts of one site on one day.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "embed_figure")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub site_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: Date,
    pub loads: i64,
    pub searches: i64,
    pub details: i64,
    pub sign_ins: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
