//! `person`: the holder behind one or more cards, known only by a keyed
//! hash of their national ID number.

use sea_orm::entity::prelude::*;

/// A person. Quotas count per person, across all their cards.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "person")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Hex HMAC-SHA256 of the normalised ID number (see `crate::cards::IdKey`).
    #[sea_orm(unique)]
    pub id_hash: String,
    /// `active` or `suspended` (the integrity list: all their cards at once).
    pub status: linan_shared::PersonStatus,
    /// Why suspended.
    pub reason: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
