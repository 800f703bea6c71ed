//! The second half of the cardholder's factor, and an index for forgetting
//! throttle state.
//!
//! `card.birth_date_hash`: the keyed hash (bound to the card number) of the
//! birth date inside the holder's ID number. The holder's name is no longer
//! a factor; the ID's last four characters alone (10⁴ values, fewer once the
//! sex is known) are too few, so both halves are required.
//!
//! A migration cannot compute the hash: the ID number was never stored. The
//! column is therefore nullable, and a card imported before this migration
//! has none — it cannot be signed in to with a factor, nor named at the
//! counter by number, until its district re-imports the registry (the
//! import writes the hash, and only that changes). Sessions already open
//! keep working until they end (30 minutes), and with them the counter code.
//!
//! `ix_throttle_tat`: expired throttle rows (`tat_ms` in the past) are
//! deleted regularly; the index makes that a range scan, not a full one.

use sea_orm_migration::{prelude::*, schema::*};

use super::index;

#[derive(DeriveMigrationName)]
pub(super) struct Migration;

#[derive(DeriveIden)]
enum Card {
    Table,
    BirthDateHash,
}

#[derive(DeriveIden)]
enum Throttle {
    Table,
    TatMs,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(Card::Table).add_column(string_null(Card::BirthDateHash)).to_owned())
            .await?;
        m.create_index(index(Throttle::Table, "ix_throttle_tat", vec![Throttle::TatMs], false)).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("ix_throttle_tat").table(Throttle::Table).to_owned()).await?;
        m.alter_table(Table::alter().table(Card::Table).drop_column(Card::BirthDateHash).to_owned()).await
    }
}
