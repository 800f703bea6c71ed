//! `benefit`: an offer of a partner to cardholders.

use sea_orm::entity::prelude::*;

/// A benefit. Texts per language; `search_title`/`search_body` hold the
/// lower-cased texts of all languages (plus partner name and address) that
/// the catalogue search scans, maintained by the service that writes them.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "benefit")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub partner_id: i64,
    /// Copied from the partner (which never changes district) so the
    /// district filter can use an index on this table alone.
    pub district_id: i64,
    pub category_id: i64,
    /// Lifecycle state, see [`linan_shared::BenefitStatus`].
    pub status: linan_shared::BenefitStatus,
    pub title_zh_cn: String,
    pub title_zh_hk: Option<String>,
    pub title_en: Option<String>,
    pub summary_zh_cn: String,
    pub summary_zh_hk: Option<String>,
    pub summary_en: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub description_zh_cn: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub description_zh_hk: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub description_en: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub terms_zh_cn: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub terms_zh_hk: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub terms_en: Option<String>,
    /// [`linan_shared::Gives`] as JSON text.
    #[sea_orm(column_type = "Text")]
    pub gives: String,
    pub per_person_limit: Option<i32>,
    pub per_person_period: Option<String>,
    pub daily_stock: Option<i32>,
    pub valid_from: Date,
    pub valid_until: Date,
    /// Milliseconds since the epoch of the (last) publication; the `newest`
    /// sort key. An integer, so ordering is identical on SQLite and PostgreSQL.
    pub published_at: Option<i64>,
    #[sea_orm(column_type = "Text")]
    pub search_title: String,
    #[sea_orm(column_type = "Text")]
    pub search_body: String,
    /// Optimistic-concurrency version; every accepted write adds one.
    pub version: i32,
    /// Why the last submission was rejected (shown to the merchant).
    pub review_reason: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::partner::Entity", from = "Column::PartnerId", to = "super::partner::Column::Id")]
    Partner,
}

impl Related<super::partner::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Partner.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
