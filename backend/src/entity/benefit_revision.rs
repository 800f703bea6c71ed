//! `benefit_revision`: an edit of a published offer, waiting for review (or
//! refused) while the live version stays public. At most one per benefit.

use sea_orm::entity::prelude::*;

/// The pending edit of `benefit_id`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "benefit_revision")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub benefit_id: i64,
    /// A [`linan_shared::RevisionStatus`] code.
    pub status: linan_shared::RevisionStatus,
    /// The edited [`linan_shared::BenefitInput`] as JSON.
    pub content: String,
    pub reason: Option<String>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
