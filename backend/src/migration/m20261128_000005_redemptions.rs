//! Cardholder sessions, counter codes, redemptions, and the two usage
//! counters that enforce quotas across replicas: per person per benefit per
//! period, and per benefit per day. A use is counted by a conditional UPDATE
//! (`used < limit`) that the database serialises, so two counters at two
//! replicas cannot both take the last use.

use sea_orm_migration::{prelude::*, schema::*};

use super::{fk, index};

#[derive(DeriveMigrationName)]
pub(super) struct Migration;

#[derive(DeriveIden)]
enum Card {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Benefit {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Partner {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum CardSession {
    Table,
    Id,
    TokenHash,
    CardId,
    ExpiresAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum CounterCode {
    Table,
    Id,
    Code,
    CardId,
    ExpiresAt,
    UsedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Redemption {
    Table,
    Id,
    BenefitId,
    PartnerId,
    CardId,
    PersonId,
    AccountId,
    RedeemedAt,
    Day,
    PeriodKey,
    IdempotencyKey,
    VoidedAt,
    VoidReason,
    VoidedBy,
}

#[derive(DeriveIden)]
enum QuotaUsage {
    Table,
    PersonId,
    BenefitId,
    PeriodKey,
    Used,
}

#[derive(DeriveIden)]
enum StockUsage {
    Table,
    BenefitId,
    Day,
    Used,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(CardSession::Table)
                .col(big_pk_auto(CardSession::Id))
                .col(string_uniq(CardSession::TokenHash))
                .col(big_integer(CardSession::CardId))
                .col(timestamp_with_time_zone(CardSession::ExpiresAt))
                .col(timestamp_with_time_zone(CardSession::CreatedAt))
                .foreign_key(&mut fk(CardSession::Table, CardSession::CardId, Card::Table, Card::Id))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(CounterCode::Table)
                .col(big_pk_auto(CounterCode::Id))
                .col(string_uniq(CounterCode::Code))
                .col(big_integer(CounterCode::CardId))
                .col(timestamp_with_time_zone(CounterCode::ExpiresAt))
                .col(timestamp_with_time_zone_null(CounterCode::UsedAt))
                .col(timestamp_with_time_zone(CounterCode::CreatedAt))
                .foreign_key(&mut fk(CounterCode::Table, CounterCode::CardId, Card::Table, Card::Id))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Redemption::Table)
                .col(big_pk_auto(Redemption::Id))
                .col(big_integer(Redemption::BenefitId))
                .col(big_integer(Redemption::PartnerId))
                .col(big_integer(Redemption::CardId))
                .col(big_integer(Redemption::PersonId))
                .col(big_integer(Redemption::AccountId))
                .col(timestamp_with_time_zone(Redemption::RedeemedAt))
                .col(date(Redemption::Day))
                .col(string(Redemption::PeriodKey))
                .col(string(Redemption::IdempotencyKey))
                .col(timestamp_with_time_zone_null(Redemption::VoidedAt))
                .col(text_null(Redemption::VoidReason))
                .col(big_integer_null(Redemption::VoidedBy))
                .foreign_key(&mut fk(Redemption::Table, Redemption::BenefitId, Benefit::Table, Benefit::Id))
                .foreign_key(&mut fk(Redemption::Table, Redemption::PartnerId, Partner::Table, Partner::Id))
                .foreign_key(&mut fk(Redemption::Table, Redemption::CardId, Card::Table, Card::Id))
                .foreign_key(&mut fk(Redemption::Table, Redemption::PersonId, Person::Table, Person::Id))
                .foreign_key(&mut fk(Redemption::Table, Redemption::AccountId, Account::Table, Account::Id))
                .to_owned(),
        )
        .await?;
        // A retried request with the same key finds the first answer.
        m.create_index(index(
            Redemption::Table,
            "ux_redemption_idempotency",
            vec![Redemption::AccountId, Redemption::IdempotencyKey],
            true,
        ))
        .await?;
        m.create_index(index(
            Redemption::Table,
            "ix_redemption_person",
            vec![Redemption::PersonId, Redemption::Id],
            false,
        ))
        .await?;
        m.create_index(index(
            Redemption::Table,
            "ix_redemption_partner_day",
            vec![Redemption::PartnerId, Redemption::Day],
            false,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(QuotaUsage::Table)
                .col(big_integer(QuotaUsage::PersonId))
                .col(big_integer(QuotaUsage::BenefitId))
                .col(string(QuotaUsage::PeriodKey))
                .col(integer(QuotaUsage::Used).default(0))
                .primary_key(
                    Index::create().col(QuotaUsage::PersonId).col(QuotaUsage::BenefitId).col(QuotaUsage::PeriodKey),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(StockUsage::Table)
                .col(big_integer(StockUsage::BenefitId))
                .col(date(StockUsage::Day))
                .col(integer(StockUsage::Used).default(0))
                .primary_key(Index::create().col(StockUsage::BenefitId).col(StockUsage::Day))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            StockUsage::Table.into_iden(),
            QuotaUsage::Table.into_iden(),
            Redemption::Table.into_iden(),
            CounterCode::Table.into_iden(),
            CardSession::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
