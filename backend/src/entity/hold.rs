//! `hold`: one decision of the integrity list, apart from the registry's
//! status (see `crate::counter::integrity`).

use sea_orm::entity::prelude::*;

/// A hold on a card, or on its holder (every card of the person).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "hold")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `card` or `holder`.
    pub target: String,
    /// The card held, or (a holder hold) the card it was placed through.
    pub card_id: i64,
    /// The card's holder.
    pub person_id: i64,
    /// The deciding district; `None`: the alliance.
    pub district_id: Option<i64>,
    pub reason: String,
    pub placed_by: Option<i64>,
    pub placed_by_email: Option<String>,
    pub placed_at: DateTimeUtc,
    /// Set once lifted; a hold without it is live.
    pub lifted_at: Option<DateTimeUtc>,
    pub lifted_by: Option<i64>,
    pub lifted_by_email: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
