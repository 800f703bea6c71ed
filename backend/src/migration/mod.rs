//! Database migrations: append-only, one file each, run at start-up.
//!
//! Every migration must run unchanged on SQLite and PostgreSQL; the test
//! suite runs them on both. Demo data is not a migration (see [`crate::demo`]).

use sea_orm_migration::prelude::*;

mod m20261128_000001_catalogue;
mod m20261128_000002_catalogue_epoch;

/// All migrations, in order.
#[derive(Debug)]
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![Box::new(m20261128_000001_catalogue::Migration), Box::new(m20261128_000002_catalogue_epoch::Migration)]
    }
}
