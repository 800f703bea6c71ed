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
    /// Card numbers start with these letters (`None`: no format set yet,
    /// so the import refuses this scheme's cards).
    pub number_prefix: Option<String>,
    /// Digits after the prefix.
    pub number_digits: Option<i32>,
    /// A [`linan_shared::CheckDigit`] code: `luhn` or `none`.
    pub check_digit: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
