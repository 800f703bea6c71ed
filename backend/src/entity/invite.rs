//! `invite`: one-time codes with which a partner's owner lets a colleague
//! sign up as staff.

use sea_orm::entity::prelude::*;

/// An invitation for `email` to join `partner_id`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "invite")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub partner_id: i64,
    /// Lower-cased; only this address may use the code.
    pub email: String,
    /// Hex SHA-256 of the code.
    pub code_hash: String,
    pub created_by: i64,
    pub expires_at: DateTimeUtc,
    pub used_at: Option<DateTimeUtc>,
    /// Set when the owner took the invitation back before it was used.
    pub revoked_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
