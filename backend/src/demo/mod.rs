//! The demo data set: the alliance's reference data (both districts, both
//! card schemes, the recognition table, the categories — the same file
//! `linan reference load` applies in production), and real partners and
//! benefits of Liwan and Nanhai.
//!
//! Loaded into an empty database when production mode is off (and by
//! `linan seed-demo`). Validity windows are relative to the day of loading,
//! so the demo catalogue stays alive whenever it is started. Partners and
//! benefits go through the same service functions as real ones; the demo
//! accounts of every role are in [`accounts`]; the demo cards (`cards.csv`,
//! listed in the README) go through the card import; the demo events
//! ([`events`], `events.json`) through the event services.

use chrono::{DateTime, Duration, Utc};
use linan_shared::{
    BenefitInput, BenefitStatus, CategoryCode, EligibilityRule, Gives, LocalizedText, PartnerInput, PartnerStatus,
    Quota, Validity,
};
use sea_orm::{DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, TransactionTrait};
use serde::Deserialize;

use crate::{
    calendar::{day_of, from_naive},
    cards::{self, IdKey, ImportOptions, NoProgress},
    catalogue::{bump_version, create_benefit, create_partner},
    clock::Clock,
    entity::district,
    error::ApiError,
    reference::{
        self, Reference,
        file::{ReferenceFile, ReferenceFileError},
    },
};

mod accounts;
mod events;

pub use accounts::{DEMO_ADMINS, DEMO_MERCHANTS, DEMO_PASSWORD, DemoAccount, banner};

const DEMO_JSON: &str = include_str!("catalogue.json");

/// The demo cards: both schemes, every tier, one person with a card of each
/// scheme, and a lost (suspended) card reissued to the same person. The ID
/// numbers are invented, with valid check characters.
pub const DEMO_CARDS_CSV: &str = include_str!("cards.csv");

#[derive(Deserialize)]
struct DemoFile {
    partners: Vec<DemoPartner>,
    benefits: Vec<DemoBenefit>,
}

#[derive(Deserialize)]
struct DemoPartner {
    key: String,
    status: PartnerStatus,
    #[serde(flatten)]
    input: PartnerInput,
}

#[derive(Deserialize)]
struct DemoBenefit {
    partner: String,
    status: BenefitStatus,
    category: CategoryCode,
    title: LocalizedText,
    summary: LocalizedText,
    description: LocalizedText,
    terms: LocalizedText,
    gives: Gives,
    quota: Quota,
    eligibility: Vec<EligibilityRule>,
    valid_from_days: i64,
    valid_until_days: i64,
    published_days_ago: i64,
}

/// Why the demo data could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// The embedded file does not parse (a build-time mistake; a test pins it).
    #[error("demo data file is invalid: {0}")]
    Parse(#[from] serde_json::Error),
    /// The embedded file refers to something it does not define.
    #[error("demo data file is inconsistent: {0}")]
    Inconsistent(String),
    /// The database refused a write.
    #[error("database error: {0}")]
    Database(#[from] DbErr),
    /// The alliance's reference data was refused.
    #[error(transparent)]
    Reference(#[from] ReferenceFileError),
    /// A partner or benefit was refused by the catalogue service.
    #[error("demo row refused: {0}")]
    Refused(#[from] ApiError),
}

/// What was loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoSummary {
    /// Partners created.
    pub partners: usize,
    /// Benefits created.
    pub benefits: usize,
    /// Cards created.
    pub cards: u64,
    /// Events created.
    pub events: usize,
}

/// Whether the database holds no catalogue yet (no district).
pub async fn is_empty(db: &DatabaseConnection) -> Result<bool, DbErr> {
    Ok(district::Entity::find().count(db).await? == 0)
}

/// Loads the demo data set in one transaction, hashing the demo cards'
/// holders with the public demo key, its windows around the system clock's
/// today (tests; a server passes its own key and time to [`load_with_key`]).
pub async fn load(db: &DatabaseConnection) -> Result<DemoSummary, DemoError> {
    load_with_key(db, &IdKey::demo(), Clock::default().now()).await
}

/// Loads the demo data set in one transaction, hashing the demo cards'
/// holders with `key`; validity windows and publication times are set
/// relative to `now`.
pub async fn load_with_key(db: &DatabaseConnection, key: &IdKey, now: DateTime<Utc>) -> Result<DemoSummary, DemoError> {
    let data: DemoFile = serde_json::from_str(DEMO_JSON)?;
    let missing = |what: &str, code: &str| DemoError::Inconsistent(format!("unknown {what} `{code}`"));
    let txn = db.begin().await?;

    reference::file::apply(&txn, &ReferenceFile::alliance(), now).await?;
    let reference = Reference::load(&txn).await?;

    let mut partner_ids = std::collections::HashMap::new();
    let mut merchants = [None; 3];
    for p in &data.partners {
        let status = p.status;
        let id = create_partner(&txn, &reference, &p.input, status, now).await?;
        partner_ids.insert(p.key.as_str(), id);
        let slot = match (status, p.input.district.as_str()) {
            (PartnerStatus::Approved, "liwan") => 0,
            (PartnerStatus::Approved, "nanhai") => 1,
            (PartnerStatus::Pending, _) => 2,
            _ => continue,
        };
        merchants[slot] = merchants[slot].or(Some(id));
    }
    accounts::load(&txn, &reference, merchants, now).await?;
    let day = day_of(now);
    for (i, b) in data.benefits.iter().enumerate() {
        let partner_id = *partner_ids.get(b.partner.as_str()).ok_or_else(|| missing("partner", &b.partner))?;
        let input = BenefitInput {
            category: b.category.clone(),
            title: b.title.clone(),
            summary: b.summary.clone(),
            description: b.description.clone(),
            terms: b.terms.clone(),
            gives: b.gives.clone(),
            quota: b.quota,
            eligibility: b.eligibility.clone(),
            validity: Validity {
                from: from_naive(day + Duration::days(b.valid_from_days)),
                until: from_naive(day + Duration::days(b.valid_until_days)),
            },
        };
        // Seconds apart even for equal day offsets, so `newest` has a stable order.
        let published = now - Duration::days(b.published_days_ago) - Duration::seconds(i64::try_from(i).unwrap_or(0));
        create_benefit(&txn, &reference, partner_id, &input, b.status, Some(published), now).await?;
    }
    let source = std::io::Cursor::new(DEMO_CARDS_CSV.as_bytes());
    let imported = cards::import(
        &txn,
        key,
        &reference,
        source,
        ImportOptions { now, dry_run: false, district_id: None },
        None,
        std::sync::Arc::new(NoProgress),
    )
    .await?;
    if let Some(bad) = imported.rejected.first() {
        return Err(DemoError::Inconsistent(format!("demo card on line {}: {}", bad.line, bad.reason)));
    }
    // After the cards: the full event's seats and line are demo holders'.
    let events = events::load(&txn, &reference, &partner_ids, now).await?;
    crate::install::record_demo(&txn, now).await?;
    bump_version(&txn).await?;
    txn.commit().await?;
    Ok(DemoSummary { partners: data.partners.len(), benefits: data.benefits.len(), cards: imported.created, events })
}
