//! `card_scheme`: a talent card issued by one district.

use sea_orm::entity::prelude::*;

/// A card scheme (Liwan Talent Card, Youyue Foshan Card, …).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "card_scheme")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub code: String,
    pub district_id: i64,
    pub name_zh_cn: String,
    pub name_zh_hk: Option<String>,
    pub name_en: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
