//! `embed_site`: a district site registered to embed the widget (see [`crate::embed`]).

use sea_orm::entity::prelude::*;

/// A registered site; its origins are `embed_origin` rows.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "embed_site")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub name: String,
    pub district_id: i64,
    /// JSON of [`linan_shared::WidgetAttrs`].
    pub attrs: String,
    pub contact: String,
    pub active: bool,
    /// Optimistic-concurrency version, bumped by every write.
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
