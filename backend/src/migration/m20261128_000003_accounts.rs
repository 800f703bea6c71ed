//! Accounts and what hangs off them: sessions, staff invitations, the shared
//! login throttle, the append-only audit log, pending revisions of published
//! offers, and the review fields of partners and offers.

use sea_orm_migration::{prelude::*, schema::*};

use super::{fk, index};

#[derive(DeriveMigrationName)]
pub(super) struct Migration;

#[derive(DeriveIden)]
enum District {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Partner {
    Table,
    Id,
    Version,
    Reason,
}

#[derive(DeriveIden)]
enum Benefit {
    Table,
    Id,
    ReviewReason,
}

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
    Email,
    PasswordHash,
    Role,
    DistrictId,
    PartnerId,
    IsOwner,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Session {
    Table,
    Id,
    TokenHash,
    AccountId,
    ExpiresAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Invite {
    Table,
    Id,
    PartnerId,
    Email,
    CodeHash,
    CreatedBy,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum Throttle {
    Table,
    Key,
    TatMs,
    Allowed,
}

#[derive(DeriveIden)]
enum AuditEvent {
    Table,
    Id,
    At,
    ActorId,
    ActorEmail,
    ActorRole,
    Action,
    Entity,
    EntityId,
    DistrictId,
    Before,
    After,
    RequestId,
}

#[derive(DeriveIden)]
enum BenefitRevision {
    Table,
    BenefitId,
    Status,
    Content,
    Reason,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        m.alter_table(Table::alter().table(Partner::Table).add_column(integer(Partner::Version).default(1)).to_owned())
            .await?;
        m.alter_table(Table::alter().table(Partner::Table).add_column(text_null(Partner::Reason)).to_owned()).await?;
        m.alter_table(Table::alter().table(Benefit::Table).add_column(text_null(Benefit::ReviewReason)).to_owned())
            .await?;

        m.create_table(
            Table::create()
                .table(Account::Table)
                .col(big_pk_auto(Account::Id))
                .col(string_uniq(Account::Email))
                .col(string(Account::PasswordHash))
                .col(string(Account::Role))
                .col(big_integer_null(Account::DistrictId))
                .col(big_integer_null(Account::PartnerId))
                .col(boolean(Account::IsOwner).default(false))
                .col(timestamp_with_time_zone(Account::CreatedAt))
                .col(timestamp_with_time_zone(Account::UpdatedAt))
                .foreign_key(&mut fk(Account::Table, Account::DistrictId, District::Table, District::Id))
                .foreign_key(&mut fk(Account::Table, Account::PartnerId, Partner::Table, Partner::Id))
                .to_owned(),
        )
        .await?;
        m.create_index(index(Account::Table, "ix_account_partner", vec![Account::PartnerId], false)).await?;

        m.create_table(
            Table::create()
                .table(Session::Table)
                .col(big_pk_auto(Session::Id))
                .col(string_uniq(Session::TokenHash))
                .col(big_integer(Session::AccountId))
                .col(timestamp_with_time_zone(Session::ExpiresAt))
                .col(timestamp_with_time_zone(Session::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Session::Table, Session::AccountId)
                        .to(Account::Table, Account::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index(Session::Table, "ix_session_account", vec![Session::AccountId], false)).await?;
        m.create_index(index(Session::Table, "ix_session_expires", vec![Session::ExpiresAt], false)).await?;

        m.create_table(
            Table::create()
                .table(Invite::Table)
                .col(big_pk_auto(Invite::Id))
                .col(big_integer(Invite::PartnerId))
                .col(string(Invite::Email))
                .col(string_uniq(Invite::CodeHash))
                .col(big_integer(Invite::CreatedBy))
                .col(timestamp_with_time_zone(Invite::ExpiresAt))
                .col(timestamp_with_time_zone_null(Invite::UsedAt))
                .foreign_key(&mut fk(Invite::Table, Invite::PartnerId, Partner::Table, Partner::Id))
                .foreign_key(&mut fk(Invite::Table, Invite::CreatedBy, Account::Table, Account::Id))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Throttle::Table)
                .col(string(Throttle::Key).primary_key())
                .col(big_integer(Throttle::TatMs))
                .col(integer(Throttle::Allowed).default(1))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(AuditEvent::Table)
                .col(big_pk_auto(AuditEvent::Id))
                .col(timestamp_with_time_zone(AuditEvent::At))
                .col(big_integer_null(AuditEvent::ActorId))
                .col(string_null(AuditEvent::ActorEmail))
                .col(string_null(AuditEvent::ActorRole))
                .col(string(AuditEvent::Action))
                .col(string(AuditEvent::Entity))
                .col(big_integer(AuditEvent::EntityId))
                .col(big_integer_null(AuditEvent::DistrictId))
                .col(text_null(AuditEvent::Before))
                .col(text_null(AuditEvent::After))
                .col(string_null(AuditEvent::RequestId))
                .to_owned(),
        )
        .await?;
        for (name, col) in [
            ("ix_audit_district", AuditEvent::DistrictId),
            ("ix_audit_action", AuditEvent::Action),
            ("ix_audit_actor", AuditEvent::ActorId),
        ] {
            m.create_index(index(AuditEvent::Table, name, vec![col, AuditEvent::Id], false)).await?;
        }
        m.create_index(index(
            AuditEvent::Table,
            "ix_audit_entity",
            vec![AuditEvent::Entity, AuditEvent::EntityId, AuditEvent::Id],
            false,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(BenefitRevision::Table)
                .col(big_integer(BenefitRevision::BenefitId).primary_key())
                .col(string(BenefitRevision::Status))
                .col(text(BenefitRevision::Content))
                .col(text_null(BenefitRevision::Reason))
                .col(timestamp_with_time_zone(BenefitRevision::UpdatedAt))
                .foreign_key(&mut fk(BenefitRevision::Table, BenefitRevision::BenefitId, Benefit::Table, Benefit::Id))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            BenefitRevision::Table.into_iden(),
            AuditEvent::Table.into_iden(),
            Throttle::Table.into_iden(),
            Invite::Table.into_iden(),
            Session::Table.into_iden(),
            Account::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        m.alter_table(Table::alter().table(Benefit::Table).drop_column(Benefit::ReviewReason).to_owned()).await?;
        m.alter_table(Table::alter().table(Partner::Table).drop_column(Partner::Reason).to_owned()).await?;
        m.alter_table(Table::alter().table(Partner::Table).drop_column(Partner::Version).to_owned()).await
    }
}
