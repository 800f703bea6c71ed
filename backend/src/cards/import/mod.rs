//! Importing the card registry from CSV: all or nothing, idempotent, and
//! fast enough for a million rows.
//!
//! The file's columns (a header row names them, in any order): `card_number`,
//! `scheme`, `tier`, `holder_name`, `national_id`, `valid_from`,
//! `valid_until` (`YYYY-MM-DD`), `status` (`active`, `suspended`, `expired`).
//!
//! Two stages run side by side: a blocking thread reads and checks rows
//! ([`check`]) and hands batches of valid ones over a bounded channel to the
//! writer ([`write`]), which upserts them in one transaction. The first
//! rejected row stops the writing but not the checking, so every bad row is
//! reported; then the transaction is rolled back. A dry run writes too and
//! always rolls back, so its counts are exactly what a real run would do.

mod check;
mod write;

use std::{collections::BTreeSet, io::Read, sync::Arc};

use chrono::{DateTime, Utc};
use linan_shared::{AuditAction, ImportReport};
use sea_orm::{ConnectionTrait, TransactionSession, TransactionTrait};
use tokio::sync::mpsc;

use super::IdKey;
use crate::{
    audit::{self, By, Change},
    error::ApiError,
    reference::Reference,
};

/// How to import.
#[derive(Debug, Clone, Copy)]
pub struct ImportOptions {
    /// When the import runs, by the application's clock: the day validity
    /// is checked against and the rows' and the audit event's time.
    pub now: DateTime<Utc>,
    /// Check and count, then roll back.
    pub dry_run: bool,
    /// Only cards of this district's schemes (a district admin, or
    /// `--district`); rows of other schemes are rejected.
    pub district_id: Option<i64>,
}

/// Told how far reading has got, e.g. to draw a progress bar.
pub trait Progress: Send + Sync {
    /// `bytes` of the input have been read and checked.
    fn read(&self, bytes: u64);
}

/// Reports progress to nobody.
#[derive(Debug, Clone, Copy)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn read(&self, _bytes: u64) {}
}

/// Batches in flight between the checker and the writer.
const QUEUE: usize = 4;

/// Imports the CSV read from `source` into the registry, in a transaction
/// of `db` (a savepoint when `db` is itself a transaction). `by` is the
/// acting account for the audit log (`None`: the command line or the demo).
pub async fn import<C, R>(
    db: &C,
    key: &IdKey,
    reference: &Reference,
    source: R,
    options: ImportOptions,
    by: Option<By<'_>>,
    progress: Arc<dyn Progress>,
) -> Result<ImportReport, ApiError>
where
    C: TransactionTrait + ConnectionTrait,
    R: Read + Send + 'static,
{
    let rules = check::Rules::new(reference, options.district_id, key.clone(), crate::calendar::day_of(options.now));
    let (tx, mut rx) = mpsc::channel(QUEUE);
    let checker = tokio::task::spawn_blocking(move || rules.run(source, &tx, progress.as_ref()));

    let txn = crate::db::begin_write(db).await?;
    // Identities of two keys must never mix (see `crate::install`).
    crate::install::claim_key(&txn, key, options.now).await?;
    let mut writer = write::Writer::new(&txn).await?;
    while let Some(batch) = rx.recv().await {
        writer.write(&txn, &batch, options.now).await?;
    }
    let checked = checker.await.map_err(|e| ApiError::Internal(format!("import checker: {e}")))?;
    let counts = if checked.rejected.is_empty() { Some(writer.finish(&txn).await?) } else { None };
    writer.restore(&txn).await?;
    let mut report = ImportReport {
        rows: checked.rows,
        created: 0,
        updated: 0,
        unchanged: 0,
        persons_created: 0,
        rejected: checked.rejected,
        dry_run: options.dry_run,
    };
    let Some(counts) = counts else {
        txn.rollback().await?;
        return Ok(report);
    };
    report.created = counts.created;
    report.updated = counts.updated;
    report.unchanged = report.rows.saturating_sub(counts.created + counts.updated);
    report.persons_created = counts.persons_created;
    if options.dry_run {
        txn.rollback().await?;
        return Ok(report);
    }
    record(&txn, options.now, by, &report, options.district_id.or_else(|| single(&checked.districts))).await?;
    txn.commit().await?;
    if report.rows >= crate::statistics::IMPORT_ROWS {
        // The registry grew or changed by orders of magnitude: re-plan over it.
        // Statistics are a hint; failing to gather them does not undo the import.
        if let Err(e) = crate::statistics::analyze(db).await {
            tracing::warn!(error = %e, "could not gather statistics after the import");
        }
    }
    Ok(report)
}

/// The one element of a one-element set.
fn single(set: &BTreeSet<i64>) -> Option<i64> {
    (set.len() == 1).then(|| set.first().copied()).flatten()
}

/// One audit event per import: the counts, never rows.
async fn record(
    db: &impl ConnectionTrait,
    at: DateTime<Utc>,
    by: Option<By<'_>>,
    report: &ImportReport,
    district_id: Option<i64>,
) -> Result<(), ApiError> {
    let after = serde_json::json!({
        "rows": report.rows,
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "persons_created": report.persons_created,
    });
    let change = Change {
        action: AuditAction::CardsImport,
        entity: "cards",
        entity_id: 0,
        district_id,
        before: None,
        after: Some(after),
    };
    audit::record(db, at, by, change).await
}
