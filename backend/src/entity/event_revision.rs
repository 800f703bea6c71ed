//! `event_revision`: an edit of a partner's published event, waiting for
//! review (or refused) while the live event stays public. At most one per event.

use sea_orm::entity::prelude::*;

/// The pending edit of `event_id`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "event_revision")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub event_id: i64,
    /// A [`linan_shared::RevisionStatus`] code.
    pub status: linan_shared::RevisionStatus,
    /// The edited [`linan_shared::EventInput`] as JSON.
    pub content: String,
    pub reason: Option<String>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
