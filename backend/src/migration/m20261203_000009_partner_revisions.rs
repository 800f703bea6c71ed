//! `partner_revision`: an edit of an approved (or suspended) partner's
//! reviewed details — name, kind, address, location — waiting for its
//! district admin, or refused with a reason. The live profile stays public,
//! unchanged, until the revision is approved. One row per partner at most
//! (the primary key): a new edit replaces the pending one.

use sea_orm_migration::{prelude::*, schema::*};

use super::fk;

#[derive(DeriveMigrationName)]
pub(super) struct Migration;

#[derive(DeriveIden)]
enum PartnerRevision {
    Table,
    PartnerId,
    Status,
    Content,
    Reason,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Partner {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(PartnerRevision::Table)
                .col(big_integer(PartnerRevision::PartnerId).primary_key())
                .col(string(PartnerRevision::Status))
                .col(text(PartnerRevision::Content))
                .col(text_null(PartnerRevision::Reason))
                .col(timestamp_with_time_zone(PartnerRevision::UpdatedAt))
                .foreign_key(&mut fk(PartnerRevision::Table, PartnerRevision::PartnerId, Partner::Table, Partner::Id))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(PartnerRevision::Table).to_owned()).await
    }
}
