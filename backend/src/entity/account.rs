//! `account`: people who sign in — merchants (staff of one partner) and
//! district or alliance admins.

use sea_orm::entity::prelude::*;

/// An account. The password is kept only as an argon2id PHC string.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "account")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Lower-cased, unique.
    pub email: String,
    pub password_hash: String,
    /// A [`linan_shared::Role`] code.
    pub role: linan_shared::Role,
    /// Set for district admins.
    pub district_id: Option<i64>,
    /// Set for merchants.
    pub partner_id: Option<i64>,
    /// The merchant who registered the partner (may invite staff).
    pub is_owner: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Set when the partner's owner removed this staff account: it cannot
    /// sign in, but stays so the audit trail and redemptions keep naming it.
    pub removed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
