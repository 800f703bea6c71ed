//! `linan cards import FILE.csv [--dry-run] [--district CODE]`: the command
//! line face of [`crate::cards::import`], with a progress bar on a terminal.

use std::{io::IsTerminal, path::PathBuf, sync::Arc};

use indicatif::{ProgressBar, ProgressStyle};
use linan_shared::ImportReport;

use super::CliError;
use crate::{
    Config,
    cards::{IdKey, ImportOptions, Progress},
    db,
    error::ApiError,
};

/// `linan cards import`.
#[derive(Debug, clap::Args)]
pub struct CardsImport {
    /// The CSV file.
    pub file: PathBuf,
    /// Check every row and count what would change, but write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Accept only cards of this district's schemes (as its admin would).
    #[arg(long)]
    pub district: Option<String>,
    /// Database and other settings.
    #[command(flatten)]
    pub config: Config,
}

/// A progress bar over the file's bytes.
struct Bar(ProgressBar);

impl Progress for Bar {
    fn read(&self, bytes: u64) {
        self.0.set_position(bytes);
    }
}

/// Runs the command: prints the report, and fails if any row was rejected.
pub async fn import(args: CardsImport) -> Result<(), CliError> {
    let key = IdKey::from_config(&args.config)?;
    let file = std::fs::File::open(&args.file)
        .map_err(|e| CliError::Refused(format!("cannot open {}: {e}", args.file.display())))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let db = db::connect(&args.config).await?;
    db::migrate(&db).await?;
    let reference = crate::reference::Reference::load(&db).await?;
    let district_id = match &args.district {
        Some(code) => Some(
            reference.district_by_code(code).ok_or_else(|| CliError::Refused(format!("unknown district `{code}`")))?.id,
        ),
        None => None,
    };
    let bar = if std::io::stderr().is_terminal() { ProgressBar::new(size) } else { ProgressBar::hidden() };
    bar.set_style(
        ProgressStyle::with_template("{spinner} {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let options = ImportOptions { now: crate::clock::Clock::default().now(), dry_run: args.dry_run, district_id };
    let source = std::io::BufReader::with_capacity(1 << 20, file);
    let started = std::time::Instant::now();
    let report = crate::cards::import(&db, &key, &reference, source, options, None, Arc::new(Bar(bar.clone())))
        .await
        .map_err(|e| match e {
        ApiError::Database(e) => CliError::Database(e),
        other => CliError::Import(other),
    })?;
    bar.finish_and_clear();
    print(&report, started.elapsed());
    db.close().await?;
    if report.rejected.is_empty() {
        Ok(())
    } else {
        Err(CliError::Refused(format!("{} row(s) rejected; nothing was written", report.rejected.len())))
    }
}

fn print(report: &ImportReport, took: std::time::Duration) {
    for row in &report.rejected {
        println!("line {}: {}", row.line, row.reason);
    }
    println!(
        "{}{} rows in {:.1} s: {} created, {} updated, {} unchanged, {} new persons, {} rejected",
        if report.dry_run { "dry run, nothing written: " } else { "" },
        report.rows,
        took.as_secs_f64(),
        report.created,
        report.updated,
        report.unchanged,
        report.persons_created,
        report.rejected.len()
    );
}
