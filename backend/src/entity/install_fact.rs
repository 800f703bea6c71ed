//! `install_fact`: what the operator must know about this database's data
//! before serving it (see [`crate::install`]).

use sea_orm::entity::prelude::*;

/// One fact, e.g. `demo_data` or `id_key_fingerprint`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "install_fact")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub key: String,
    pub value: String,
    pub recorded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
