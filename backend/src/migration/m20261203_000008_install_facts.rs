//! What the operator must know about a database before serving it, and
//! staff off-boarding:
//!
//! - `install_fact`: facts about this installation's data, one row each — that
//!   the demo data set was loaded (`demo_data`), and the fingerprint of the key
//!   the identities were hashed with (`id_key_fingerprint`). Production mode
//!   refuses a database holding the demo data or identities of another key.
//!   A database that already holds the demo accounts is marked here (the demo
//!   loader marks new ones itself).
//! - `account.removed_at`: a staff account its partner's owner removed (the
//!   row stays, so the audit trail and redemptions keep naming it).
//! - `invite.revoked_at`: an invitation its owner took back before it was used.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub(super) struct Migration;

#[derive(DeriveIden)]
enum InstallFact {
    Table,
    Key,
    Value,
    RecordedAt,
}

#[derive(DeriveIden)]
enum Account {
    Table,
    Email,
    RemovedAt,
}

#[derive(DeriveIden)]
enum Invite {
    Table,
    RevokedAt,
}

/// The demo data set's first account: its presence marks a database that
/// was seeded before the loader recorded the fact itself.
const DEMO_ACCOUNT: &str = "alliance@demo.linan";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(InstallFact::Table)
                .col(string(InstallFact::Key).primary_key())
                .col(string(InstallFact::Value))
                .col(timestamp_with_time_zone(InstallFact::RecordedAt))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Account::Table)
                .add_column(timestamp_with_time_zone_null(Account::RemovedAt))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter().table(Invite::Table).add_column(timestamp_with_time_zone_null(Invite::RevokedAt)).to_owned(),
        )
        .await?;
        let demo_account = Query::select()
            .expr(Expr::val(1))
            .from(Account::Table)
            .and_where(Expr::col(Account::Email).eq(DEMO_ACCOUNT))
            .to_owned();
        let mark = Query::select()
            .exprs([
                Expr::val("demo_data"),
                Expr::val("found by migration 000008"),
                Expr::val(sea_orm::prelude::ChronoUtc::now()),
            ])
            .and_where(Expr::exists(demo_account))
            .to_owned();
        let insert = Query::insert()
            .into_table(InstallFact::Table)
            .columns([InstallFact::Key, InstallFact::Value, InstallFact::RecordedAt])
            .select_from(mark)
            .map_err(|e| DbErr::Migration(e.to_string()))?
            .to_owned();
        m.exec_stmt(insert).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(Invite::Table).drop_column(Invite::RevokedAt).to_owned()).await?;
        m.alter_table(Table::alter().table(Account::Table).drop_column(Account::RemovedAt).to_owned()).await?;
        m.drop_table(Table::drop().table(InstallFact::Table).to_owned()).await
    }
}
