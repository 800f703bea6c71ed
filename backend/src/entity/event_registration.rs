//! `event_registration`: one person's place at an event.

use sea_orm::entity::prelude::*;

/// A registration, unique per (event, person): a holder with two cards
/// registers once. Cancelled rows stay (the audit and figures read them)
/// and are reused if the person registers again.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "event_registration")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub event_id: i64,
    pub person_id: i64,
    /// The card the holder registered with.
    pub card_id: i64,
    pub status: linan_shared::RegistrationStatus,
    /// Place in line (1 is next) while waitlisted.
    pub waitlist_position: Option<i32>,
    pub registered_at: DateTimeUtc,
    pub cancelled_at: Option<DateTimeUtc>,
    pub checked_in_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::event::Entity", from = "Column::EventId", to = "super::event::Column::Id")]
    Event,
}

impl Related<super::event::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Event.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
