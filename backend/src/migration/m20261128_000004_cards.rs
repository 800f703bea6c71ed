//! The card registry: each scheme's card number format, persons (known only
//! by a keyed hash of their ID number) and their cards.
//!
//! Quotas will count per person across all their cards, and a lost card is
//! suspended and reissued under a new number for the same person, so
//! `person` is its own table that cards point to.

use sea_orm_migration::{prelude::*, schema::*};

use super::{fk, index};

#[derive(DeriveMigrationName)]
pub(super) struct Migration;

#[derive(DeriveIden)]
enum CardScheme {
    Table,
    Id,
    NumberPrefix,
    NumberDigits,
    CheckDigit,
}

#[derive(DeriveIden)]
enum CardTier {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
    IdHash,
    Status,
    Reason,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Card {
    Table,
    Id,
    Number,
    SchemeId,
    TierId,
    PersonId,
    HolderName,
    IdLast4Hash,
    ValidFrom,
    ValidUntil,
    Status,
    Reason,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // Nullable: schemes that exist already have no format until one is
        // set, and the import refuses their cards until then.
        for col in [string_null(CardScheme::NumberPrefix), integer_null(CardScheme::NumberDigits)] {
            m.alter_table(Table::alter().table(CardScheme::Table).add_column(col).to_owned()).await?;
        }
        m.alter_table(
            Table::alter()
                .table(CardScheme::Table)
                .add_column(string(CardScheme::CheckDigit).default("none"))
                .to_owned(),
        )
        .await?;
        // Letter prefixes followed by digits: distinct prefixes mean a
        // number can belong to one scheme only.
        m.create_index(index(CardScheme::Table, "ux_card_scheme_number_prefix", vec![CardScheme::NumberPrefix], true))
            .await?;

        m.create_table(
            Table::create()
                .table(Person::Table)
                .col(big_pk_auto(Person::Id))
                .col(string_uniq(Person::IdHash))
                .col(string(Person::Status).default("active"))
                .col(text_null(Person::Reason))
                .col(timestamp_with_time_zone(Person::CreatedAt))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Card::Table)
                .col(big_pk_auto(Card::Id))
                .col(string_uniq(Card::Number))
                .col(big_integer(Card::SchemeId))
                .col(big_integer(Card::TierId))
                .col(big_integer(Card::PersonId))
                .col(string(Card::HolderName))
                .col(string(Card::IdLast4Hash))
                .col(date(Card::ValidFrom))
                .col(date(Card::ValidUntil))
                .col(string(Card::Status))
                .col(text_null(Card::Reason))
                .col(integer(Card::Version).default(1))
                .col(timestamp_with_time_zone(Card::CreatedAt))
                .col(timestamp_with_time_zone(Card::UpdatedAt))
                .foreign_key(&mut fk(Card::Table, Card::SchemeId, CardScheme::Table, CardScheme::Id))
                .foreign_key(&mut fk(Card::Table, Card::TierId, CardTier::Table, CardTier::Id))
                .foreign_key(&mut fk(Card::Table, Card::PersonId, Person::Table, Person::Id))
                .to_owned(),
        )
        .await?;
        // Lookups by number use the unique index; this one serves "all cards
        // of a person" (quotas, suspending a person). No more indexes: each
        // one slows the million-row import.
        m.create_index(index(Card::Table, "ix_card_person", vec![Card::PersonId], false)).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Card::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Person::Table).to_owned()).await?;
        m.drop_index(Index::drop().name("ux_card_scheme_number_prefix").table(CardScheme::Table).to_owned()).await?;
        for col in [CardScheme::CheckDigit, CardScheme::NumberDigits, CardScheme::NumberPrefix] {
            m.alter_table(Table::alter().table(CardScheme::Table).drop_column(col).to_owned()).await?;
        }
        Ok(())
    }
}
