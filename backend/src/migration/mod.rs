//! Database migrations: append-only, one file each, run at start-up.
//!
//! Every migration must run unchanged on SQLite and PostgreSQL; the test
//! suite runs them on both. Demo data is not a migration (see [`crate::demo`]).

use sea_orm_migration::prelude::*;

mod m20261128_000001_catalogue;
// Migrations are append-only; these two read the wall clock (a random-ish
// epoch seed, when a fact was recorded) before any application clock exists.
#[allow(clippy::disallowed_methods)]
mod m20261128_000002_catalogue_epoch;
mod m20261128_000003_accounts;
mod m20261128_000004_cards;
mod m20261128_000005_redemptions;
mod m20261203_000006_card_factors;
mod m20261203_000007_holds;
#[allow(clippy::disallowed_methods)]
mod m20261203_000008_install_facts;
mod m20261203_000009_partner_revisions;
mod m20261203_000010_embed_sites;
mod m20261204_000011_events;
mod m20261204_000012_event_revisions;

/// All migrations, in order.
#[derive(Debug)]
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261128_000001_catalogue::Migration),
            Box::new(m20261128_000002_catalogue_epoch::Migration),
            Box::new(m20261128_000003_accounts::Migration),
            Box::new(m20261128_000004_cards::Migration),
            Box::new(m20261128_000005_redemptions::Migration),
            Box::new(m20261203_000006_card_factors::Migration),
            Box::new(m20261203_000008_install_facts::Migration),
            Box::new(m20261203_000009_partner_revisions::Migration),
            Box::new(m20261203_000007_holds::Migration),
            Box::new(m20261203_000010_embed_sites::Migration),
            Box::new(m20261204_000011_events::Migration),
            Box::new(m20261204_000012_event_revisions::Migration),
        ]
    }
}

/// A foreign key that refuses to delete a referenced row.
pub(super) fn fk(
    from_table: impl IntoIden,
    from_col: impl IntoIden,
    to_table: impl IntoIden,
    to_col: impl IntoIden,
) -> ForeignKeyCreateStatement {
    ForeignKey::create().from(from_table, from_col).to(to_table, to_col).on_delete(ForeignKeyAction::Restrict).take()
}

/// An index (unique or not) named `name` over `cols`.
pub(super) fn index(table: impl IntoIden, name: &str, cols: Vec<impl IntoIden>, unique: bool) -> IndexCreateStatement {
    let mut stmt = Index::create().name(name).table(table).to_owned();
    for col in cols {
        stmt.col(col);
    }
    if unique {
        stmt.unique();
    }
    stmt
}
