//! `linan reference load [FILE] [--dry-run]`: the alliance's districts,
//! categories, card schemes and recognition rows into a database, the way a
//! production install gets them (it never loads the demo). Without a file it
//! applies the built-in Liwan–Nanhai data; see [`crate::reference::file`].

use std::path::PathBuf;

use sea_orm::TransactionTrait;

use super::CliError;
use crate::{
    Config,
    clock::Clock,
    db,
    reference::file::{self, Applied, ReferenceFile, ReferenceFileError},
};

/// `linan reference load`.
#[derive(Debug, clap::Args)]
pub struct ReferenceLoad {
    /// A reference file (JSON, the shape of `backend/src/reference/alliance.json`);
    /// without one, the built-in Liwan–Nanhai alliance data.
    pub file: Option<PathBuf>,
    /// Check the file against the database and say what would change, but write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Database and other settings.
    #[command(flatten)]
    pub config: Config,
}

impl From<ReferenceFileError> for CliError {
    fn from(e: ReferenceFileError) -> Self {
        match e {
            ReferenceFileError::Database(e) => CliError::Database(e),
            other => CliError::Refused(other.to_string()),
        }
    }
}

/// Runs the command: applies the file in one transaction and says what changed.
pub async fn load(args: ReferenceLoad) -> Result<(), CliError> {
    let reference = match &args.file {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| CliError::Refused(format!("cannot read {}: {e}", path.display())))?;
            ReferenceFile::parse(&text)?
        }
        None => ReferenceFile::alliance(),
    };
    let db = db::connect(&args.config).await?;
    db::migrate(&db).await?;
    let txn = db.begin().await?;
    let applied = file::apply(&txn, &reference, Clock::default().now()).await?;
    if args.dry_run {
        txn.rollback().await?;
    } else {
        txn.commit().await?;
    }
    db.close().await?;
    println!("{}", summary(applied, args.dry_run));
    Ok(())
}

fn summary(applied: Applied, dry_run: bool) -> String {
    let Applied { added, updated } = applied;
    match (added + updated, dry_run) {
        (0, _) => "reference data: already up to date, nothing to change".to_owned(),
        (_, true) => format!("reference data (dry run, nothing written): {added} to add, {updated} to update"),
        (_, false) => format!("reference data: {added} added, {updated} updated"),
    }
}
