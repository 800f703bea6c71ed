//! `counter_code`: a single-use, two-minute code a cardholder shows at the counter.

use sea_orm::entity::prelude::*;

/// Code `code` of `card_id`, usable once until `expires_at`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "counter_code")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// 8 digits, unique.
    pub code: String,
    pub card_id: i64,
    pub expires_at: DateTimeUtc,
    pub used_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
