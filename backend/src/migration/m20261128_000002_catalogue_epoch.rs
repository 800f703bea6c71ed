//! A per-database epoch in `catalogue_state`: part of every ETag, so two
//! databases (or a database restored from a backup) whose version counters
//! happen to be equal never validate each other's cached pages.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub(super) struct Migration;

#[derive(DeriveIden)]
enum CatalogueState {
    Table,
    Id,
    Epoch,
}

/// A value that differs between databases: the creation time in
/// nanoseconds and the process id, hashed to hex.
fn new_epoch() -> String {
    use sha2::{Digest, Sha256};
    let nanos = chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default();
    let seed = format!("{nanos}:{}", std::process::id());
    hex::encode(&Sha256::digest(seed.as_bytes())[..8])
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(CatalogueState::Table)
                .add_column(string(CatalogueState::Epoch).default(""))
                .to_owned(),
        )
        .await?;
        m.exec_stmt(
            Query::update()
                .table(CatalogueState::Table)
                .value(CatalogueState::Epoch, new_epoch())
                .and_where(Expr::col(CatalogueState::Id).eq(1))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(CatalogueState::Table).drop_column(CatalogueState::Epoch).to_owned()).await
    }
}
