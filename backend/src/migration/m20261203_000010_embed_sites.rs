//! The embed-site registry and its usage figures:
//!
//! - `embed_site`: a district site that embeds the widget — name, district,
//!   default widget attributes (JSON of [`linan_shared::WidgetAttrs`]),
//!   contact, active or not, and a version for optimistic concurrency.
//! - `embed_origin`: the site's origins, normalised; the primary key makes
//!   an origin belong to one site only.
//! - `embed_figure`: per site and day (China Standard Time) the counts of
//!   widget loads, searches, detail views and "My card" sign-ins; no
//!   personal data, only numbers.

use sea_orm_migration::{prelude::*, schema::*};

use super::fk;

#[derive(DeriveMigrationName)]
pub(super) struct Migration;

#[derive(DeriveIden)]
enum EmbedSite {
    Table,
    Id,
    Name,
    DistrictId,
    Attrs,
    Contact,
    Active,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum EmbedOrigin {
    Table,
    Origin,
    SiteId,
}

#[derive(DeriveIden)]
enum EmbedFigure {
    Table,
    SiteId,
    Day,
    Loads,
    Searches,
    Details,
    SignIns,
}

#[derive(DeriveIden)]
enum District {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(EmbedSite::Table)
                .col(big_pk_auto(EmbedSite::Id))
                .col(string(EmbedSite::Name))
                .col(big_integer(EmbedSite::DistrictId))
                .col(text(EmbedSite::Attrs))
                .col(string(EmbedSite::Contact))
                .col(boolean(EmbedSite::Active))
                .col(integer(EmbedSite::Version))
                .col(timestamp_with_time_zone(EmbedSite::CreatedAt))
                .col(timestamp_with_time_zone(EmbedSite::UpdatedAt))
                .foreign_key(&mut fk(EmbedSite::Table, EmbedSite::DistrictId, District::Table, District::Id))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(EmbedOrigin::Table)
                .col(string(EmbedOrigin::Origin).primary_key())
                .col(big_integer(EmbedOrigin::SiteId))
                .foreign_key(&mut fk(EmbedOrigin::Table, EmbedOrigin::SiteId, EmbedSite::Table, EmbedSite::Id))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(EmbedFigure::Table)
                .col(big_integer(EmbedFigure::SiteId))
                .col(date(EmbedFigure::Day))
                .col(big_integer(EmbedFigure::Loads).default(0))
                .col(big_integer(EmbedFigure::Searches).default(0))
                .col(big_integer(EmbedFigure::Details).default(0))
                .col(big_integer(EmbedFigure::SignIns).default(0))
                .primary_key(Index::create().col(EmbedFigure::SiteId).col(EmbedFigure::Day))
                .foreign_key(&mut fk(EmbedFigure::Table, EmbedFigure::SiteId, EmbedSite::Table, EmbedSite::Id))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(EmbedFigure::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(EmbedOrigin::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(EmbedSite::Table).to_owned()).await
    }
}
