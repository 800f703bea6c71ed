//! `partner`: hospitals, scenic spots and merchants offering benefits.

use sea_orm::entity::prelude::*;

/// A partner organisation. Only `approved` partners' benefits are public.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "partner")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub district_id: i64,
    /// `hospital`, `scenic_spot`, `merchant` or `service_centre`.
    pub kind: String,
    /// A [`linan_shared::PartnerStatus`] code.
    pub status: linan_shared::PartnerStatus,
    pub name_zh_cn: String,
    pub name_zh_hk: Option<String>,
    pub name_en: Option<String>,
    pub address_zh_cn: String,
    pub address_zh_hk: Option<String>,
    pub address_en: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub phone: Option<String>,
    /// Optimistic-concurrency version, bumped by every write.
    pub version: i32,
    /// Why it was last rejected or suspended.
    pub reason: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::benefit::Entity")]
    Benefit,
}

impl Related<super::benefit::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Benefit.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
