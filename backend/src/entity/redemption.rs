//! `redemption`: a benefit used at the counter, by which card and person,
//! verified by which merchant account; voidable within 30 minutes.

use sea_orm::entity::prelude::*;

/// One redemption.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "redemption")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub benefit_id: i64,
    pub partner_id: i64,
    pub card_id: i64,
    pub person_id: i64,
    /// The merchant account that verified it.
    pub account_id: i64,
    pub redeemed_at: DateTimeUtc,
    /// The day (China time) it counts for.
    pub day: Date,
    /// The quota period it counts in (see `eligibility::period_key`).
    pub period_key: String,
    pub idempotency_key: String,
    pub voided_at: Option<DateTimeUtc>,
    pub void_reason: Option<String>,
    pub voided_by: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
