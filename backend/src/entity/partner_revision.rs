//! `partner_revision`: an edit of an approved partner's reviewed details,
//! waiting for review (or refused) while the live profile stays public. At
//! most one per partner.

use sea_orm::entity::prelude::*;

/// The pending edit of `partner_id`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "partner_revision")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub partner_id: i64,
    /// A [`linan_shared::RevisionStatus`] code.
    pub status: linan_shared::RevisionStatus,
    /// The proposed [`linan_shared::PartnerInput`] as JSON (its phone is not
    /// reviewed and is ignored).
    pub content: String,
    pub reason: Option<String>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
