//! Facts about this installation's data that decide whether a server may
//! serve it: that the demo data set was loaded here, and which key hashed
//! the identities.
//!
//! - **Demo data** (`demo_data`, recorded by [`crate::demo`] in its loading
//!   transaction): its accounts share a public password and its card holders
//!   are hashed with the public demo key. Production mode refuses such a
//!   database; it must start on a fresh one.
//! - **The identity key** (`id_key_fingerprint`): the [`IdKey::fingerprint`]
//!   — an HMAC of a fixed label, never the key — of the key the stored
//!   identities were hashed with. Every mode refuses to serve them under
//!   another key: each cardholder sign-in and duplicate-claim check would
//!   fail without a word, and the next import would split every person in
//!   two. It is recorded when identities are first written (the card import,
//!   which the demo loader uses too), inside that transaction, so imports
//!   under two keys cannot both succeed. A database that held identities
//!   before this fact existed gets the configured key's fingerprint at its
//!   first start (trust on first use), with a warning.

use chrono::{DateTime, SecondsFormat, Utc};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, Set};

use crate::{
    cards::IdKey,
    entity::{install_fact, person},
    error::ApiError,
};

/// The fact that the demo data set was loaded.
pub const DEMO_DATA: &str = "demo_data";
/// The fact holding the identity key's fingerprint.
pub const ID_KEY_FINGERPRINT: &str = "id_key_fingerprint";

/// How much of a fingerprint a message shows: enough to tell keys apart.
const SHOWN: usize = 12;

/// Why this database must not be served (or written) with this configuration.
#[derive(Debug, thiserror::Error)]
pub enum Unsafe {
    /// Production mode on a database holding the demo data set.
    #[error(
        "this database holds the demo data set (recorded {recorded_at}): its accounts share a public password \
         and its card holders are hashed with the public demo key. Production mode refuses it; start production \
         on a new, empty database (LINAN_DATABASE_URL)"
    )]
    DemoData {
        /// When the fact was recorded (RFC 3339).
        recorded_at: String,
    },
    /// The identities were hashed under another key than the configured one.
    #[error(
        "the identities in this database were hashed under another LINAN_ID_SECRET (stored key fingerprint \
         {stored}…, configured key {configured}…). Start with the key they were written with: a changed key \
         orphans every card holder"
    )]
    OtherKey {
        /// The start of the stored fingerprint.
        stored: String,
        /// The start of the configured key's fingerprint.
        configured: String,
    },
    /// The database failed.
    #[error("database: {0}")]
    Database(#[from] DbErr),
}

impl From<Unsafe> for ApiError {
    fn from(e: Unsafe) -> Self {
        match e {
            Unsafe::Database(e) => ApiError::Database(e),
            other => ApiError::Conflict(other.to_string()),
        }
    }
}

/// Records `key` = `value` at `now` unless the fact is already there (the first record stands).
async fn record(db: &impl ConnectionTrait, key: &str, value: &str, now: DateTime<Utc>) -> Result<(), DbErr> {
    let fact =
        install_fact::ActiveModel { key: Set(key.to_owned()), value: Set(value.to_owned()), recorded_at: Set(now) };
    install_fact::Entity::insert(fact).on_conflict_do_nothing().exec_without_returning(db).await?;
    Ok(())
}

async fn read(db: &impl ConnectionTrait, key: &str) -> Result<Option<install_fact::Model>, DbErr> {
    install_fact::Entity::find_by_id(key.to_owned()).one(db).await
}

/// Records that the demo data set was loaded (inside the loading transaction).
pub async fn record_demo(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<(), DbErr> {
    record(db, DEMO_DATA, "the demo data set", now).await
}

/// Records `key` as the identity key unless another is recorded, and
/// refuses if the recorded one differs. Writers of identities call this in
/// their transaction (at `now`).
pub async fn claim_key(db: &impl ConnectionTrait, key: &IdKey, now: DateTime<Utc>) -> Result<(), Unsafe> {
    let mine = key.fingerprint();
    record(db, ID_KEY_FINGERPRINT, &mine, now).await?;
    match read(db, ID_KEY_FINGERPRINT).await? {
        Some(stored) if stored.value != mine => Err(Unsafe::OtherKey {
            stored: stored.value.chars().take(SHOWN).collect(),
            configured: mine.chars().take(SHOWN).collect(),
        }),
        _ => Ok(()),
    }
}

/// Whether a server may start on this database: not in production mode
/// with the demo data, and never with identities of another key (a first
/// record of the key is stamped `now`).
pub async fn check_start(
    db: &impl ConnectionTrait,
    production: bool,
    key: &IdKey,
    now: DateTime<Utc>,
) -> Result<(), Unsafe> {
    if production && let Some(fact) = read(db, DEMO_DATA).await? {
        return Err(Unsafe::DemoData { recorded_at: fact.recorded_at.to_rfc3339_opts(SecondsFormat::Secs, true) });
    }
    if read(db, ID_KEY_FINGERPRINT).await?.is_some() {
        return claim_key(db, key, now).await;
    }
    if person::Entity::find().one(db).await?.is_some() {
        claim_key(db, key, now).await?;
        tracing::warn!(
            fingerprint = %key.fingerprint().chars().take(SHOWN).collect::<String>(),
            "this database holds identities but no record of their key: recorded the configured \
             LINAN_ID_SECRET's fingerprint; if they were hashed under another key, restore that key"
        );
    }
    Ok(())
}
