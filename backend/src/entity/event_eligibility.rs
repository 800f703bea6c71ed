//! `event_eligibility`: which card schemes (and from which tier) an event is
//! open to — the shape of `benefit_eligibility`, judged by the same rule.

use sea_orm::entity::prelude::*;

/// One rule: cards of `scheme_id` at `min_tier_id` or above (directly or by
/// recognition). An event without rules is open to every valid card.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "event_eligibility")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub event_id: i64,
    pub scheme_id: i64,
    pub min_tier_id: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
