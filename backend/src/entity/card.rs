//! `card`: one talent card of the registry.

use sea_orm::entity::prelude::*;

/// A card. The holder's ID number is never stored: the person is found
/// through `person_id`, and the two halves of the second factor (the ID's
/// last four characters and the birth date) only as keyed hashes bound to
/// this card's number.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "card")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Normalised (upper-case), in its scheme's format.
    #[sea_orm(unique)]
    pub number: String,
    pub scheme_id: i64,
    pub tier_id: i64,
    pub person_id: i64,
    /// As the registry spells it (trimmed).
    pub holder_name: String,
    /// Hex HMAC of (card number, last four ID characters).
    pub id_last4_hash: String,
    /// Hex HMAC of (card number, birth date `YYYYMMDD`); `None` for a card
    /// imported before the birth date was a factor (re-import to set it).
    pub birth_date_hash: Option<String>,
    pub valid_from: Date,
    pub valid_until: Date,
    /// A [`linan_shared::CardStatus`] code.
    pub status: linan_shared::CardStatus,
    /// Why suspended (kept while the status stays the same).
    pub reason: Option<String>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
