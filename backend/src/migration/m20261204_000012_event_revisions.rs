//! `event_revision`: an edit of a partner's published event, waiting for
//! its district admin, or refused with a reason — the offers'
//! `benefit_revision` for events. The live event stays public, unchanged,
//! until the revision is approved. One row per event at most (the primary
//! key): a new edit replaces the pending one.

use sea_orm_migration::{prelude::*, schema::*};

use super::fk;

#[derive(DeriveMigrationName)]
pub(super) struct Migration;

#[derive(DeriveIden)]
enum EventRevision {
    Table,
    EventId,
    Status,
    Content,
    Reason,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Event {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(EventRevision::Table)
                .col(big_integer(EventRevision::EventId).primary_key())
                .col(string(EventRevision::Status))
                .col(text(EventRevision::Content))
                .col(text_null(EventRevision::Reason))
                .col(timestamp_with_time_zone(EventRevision::UpdatedAt))
                .foreign_key(&mut fk(EventRevision::Table, EventRevision::EventId, Event::Table, Event::Id))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(EventRevision::Table).to_owned()).await
    }
}
