//! The catalogue version and the per-replica caches it validates.
//!
//! Every write that changes what the public catalogue shows bumps the
//! `catalogue_state.version` row inside its own transaction. Each replica
//! polls that one row (cheap) and keeps the value in memory, so a
//! conditional request is answered 304 — and a repeated request from the
//! response cache — without touching the database at all. Nothing here must
//! be shared between replicas: it is all derived from the database and
//! rebuilt on a version change; a change made elsewhere is seen within one
//! poll interval.

use std::{
    sync::{
        Arc, RwLock, Weak,
        atomic::{AtomicI64, Ordering},
    },
    time::Duration,
};

use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, EntityTrait};
use tokio::sync::Notify;

use super::ReadModel;
use crate::{
    entity::catalogue_state,
    http::{cached::CachedBody, list_keys::ListKeys},
    reference::Reference,
};

/// Bumps the catalogue version; call inside the transaction that changes the catalogue.
pub async fn bump_version(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    db.execute_unprepared("UPDATE catalogue_state SET version = version + 1 WHERE id = 1").await?;
    Ok(())
}

/// Bumps the events version (seats left changed); call inside the
/// registration's transaction. Catalogue caches stay valid.
pub async fn bump_events_version(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    db.execute_unprepared("UPDATE catalogue_state SET events_version = events_version + 1 WHERE id = 1").await?;
    Ok(())
}

/// The replica's view of the catalogue version, and what it validates.
#[derive(Debug)]
pub struct CatalogueState {
    version: AtomicI64,
    /// The last `events_version` read: part of the event pages' cache keys.
    events_version: AtomicI64,
    epoch: RwLock<String>,
    reference: RwLock<Option<(i64, Arc<Reference>)>>,
    responses: Option<quick_cache::sync::Cache<String, Arc<CachedBody>, BodyWeight>>,
    /// The list requests' cache keys by their raw form, emptied with `responses`.
    list_keys: ListKeys,
    /// The read model, if one is built (of whichever version; see [`Self::read_model`]).
    model: RwLock<Option<Arc<ReadModel>>>,
    /// Wakes the model's builder when the version moves.
    model_wanted: Arc<Notify>,
    /// The active embed origins, reloaded when the version moves.
    pub embed: crate::embed::Registry,
}

/// Average body size budgeted per cache entry: the cache holds at most
/// `entries × 16 KiB` of bodies, however large single pages are.
const BYTES_PER_ENTRY: u64 = 16 * 1024;

/// Weighs cached bodies by their size, so big pages count for more.
#[derive(Debug, Clone, Copy)]
struct BodyWeight;

impl quick_cache::Weighter<String, Arc<CachedBody>> for BodyWeight {
    fn weight(&self, key: &String, value: &Arc<CachedBody>) -> u64 {
        (key.len() + value.weight()) as u64
    }
}

impl CatalogueState {
    /// A state that has not read the version yet, caching about
    /// `cache_entries` responses (at most `cache_entries × 16 KiB` of bodies).
    pub fn new(cache_entries: usize) -> Self {
        CatalogueState {
            version: AtomicI64::new(0),
            events_version: AtomicI64::new(0),
            epoch: RwLock::new(String::new()),
            reference: RwLock::new(None),
            model: RwLock::new(None),
            model_wanted: Arc::new(Notify::new()),
            embed: crate::embed::Registry::default(),
            list_keys: ListKeys::default(),
            responses: (cache_entries > 0).then(|| {
                quick_cache::sync::Cache::with_weighter(
                    cache_entries,
                    cache_entries as u64 * BYTES_PER_ENTRY,
                    BodyWeight,
                )
            }),
        }
    }

    /// The list requests' cache keys by their raw form ([`ListKeys`]).
    pub fn list_keys(&self) -> &ListKeys {
        &self.list_keys
    }

    /// The last version read.
    pub fn version(&self) -> i64 {
        self.version.load(Ordering::Acquire)
    }

    /// The last events version read (see [`bump_events_version`]).
    pub fn events_version(&self) -> i64 {
        self.events_version.load(Ordering::Acquire)
    }

    /// The database's epoch (see the `catalogue_epoch` migration).
    pub fn epoch(&self) -> String {
        self.epoch.read().map(|e| e.clone()).unwrap_or_default()
    }

    /// Reads the version from the database now (after a local write, or from the poller).
    pub async fn refresh(&self, db: &impl ConnectionTrait) -> Result<i64, DbErr> {
        let row = catalogue_state::Entity::find_by_id(1).one(db).await?;
        let (version, epoch, events) = row.map(|r| (r.version, r.epoch, r.events_version)).unwrap_or_default();
        // Old answers of the event pages are not cleared: their keys name
        // the old events version, and they age out of the cache.
        self.events_version.store(events, Ordering::Release);
        // Another database behind the same replica (a restore): nothing cached is valid.
        let new_epoch = self.epoch.write().map(|mut current| {
            let changed = *current != epoch;
            *current = epoch;
            changed
        });
        if new_epoch.unwrap_or(false) {
            if let Ok(mut reference) = self.reference.write() {
                *reference = None;
            }
            if let Ok(mut model) = self.model.write() {
                *model = None;
            }
            if let Some(cache) = &self.responses {
                cache.clear();
            }
            self.list_keys.clear();
            self.embed.invalidate();
        }
        let previous = self.version.swap(version, Ordering::AcqRel);
        if previous != version {
            if let Some(cache) = &self.responses {
                cache.clear();
            }
            self.list_keys.clear();
            self.model_wanted.notify_one();
        }
        if self.embed.is_stale(version) {
            self.embed.reload(db, version).await?;
        }
        Ok(version)
    }

    /// The reference snapshot for the current version, loading it if stale.
    pub async fn reference(&self, db: &impl ConnectionTrait) -> Result<Arc<Reference>, DbErr> {
        let version = self.version();
        if let Some((v, r)) = self.reference.read().ok().and_then(|g| g.clone())
            && v == version
        {
            return Ok(r);
        }
        let fresh = Arc::new(Reference::load(db).await?);
        if let Ok(mut guard) = self.reference.write() {
            *guard = Some((version, fresh.clone()));
        }
        Ok(fresh)
    }

    /// The read model, if it is of the current version; else `None` (none
    /// built, or a write moved the version and the rebuild has not finished),
    /// and the list is chosen by SQL.
    pub fn read_model(&self) -> Option<Arc<ReadModel>> {
        let model = self.model.read().ok()?.clone()?;
        (model.usable() && model.version() == self.version()).then_some(model)
    }

    /// Builds the read model of the current version now, unless one is
    /// already there (start-up, tests).
    pub async fn build_read_model(&self, db: &DatabaseConnection) -> Result<(), DbErr> {
        // A model newer than the version this replica has read is not rebuilt:
        // the poller is about to catch up with it.
        let current = self.model.read().ok().and_then(|m| m.as_ref().map(|m| m.version()));
        if current.is_some_and(|v| v >= self.version()) {
            return Ok(());
        }
        let started = std::time::Instant::now();
        let built = Arc::new(ReadModel::load(db).await?);
        let (texts, text_bytes) = built.texts_held();
        tracing::info!(
            version = built.version(),
            rows = built.len(),
            texts,
            text_bytes,
            ms = started.elapsed().as_millis() as u64,
            "built the catalogue's read model"
        );
        // A page chosen by the model needs the reference data too: in memory
        // before the model is used, so list pages never wait for a pooled
        // connection that slow requests may all be holding.
        self.reference(db).await?;
        if let Ok(mut model) = self.model.write() {
            *model = Some(built);
        }
        Ok(())
    }

    /// Keeps the read model at the current version until the state is
    /// dropped: one builder per replica, woken when the version moves, so
    /// bursts of writes cost one rebuild after another, never several at once.
    pub fn spawn_read_model_builder(self: &Arc<Self>, db: DatabaseConnection, every: Duration) {
        let weak: Weak<Self> = Arc::downgrade(self);
        let wanted = self.model_wanted.clone();
        tokio::spawn(async move {
            loop {
                let Some(state) = weak.upgrade() else { break };
                if let Err(e) = state.build_read_model(&db).await {
                    tracing::warn!(error = %e, "could not build the catalogue's read model; lists use SQL meanwhile");
                }
                drop(state);
                // Woken by a version change; the timeout only lets the task see that the state is gone.
                let _ = tokio::time::timeout(every.max(Duration::from_secs(1)), wanted.notified()).await;
            }
        });
    }

    /// A cached response, if any.
    pub fn cached(&self, key: &str) -> Option<Arc<CachedBody>> {
        self.responses.as_ref().and_then(|c| c.get(key))
    }

    /// Whether responses are cached (`LINAN_CACHE_ENTRIES` above 0).
    pub fn caches_responses(&self) -> bool {
        self.responses.is_some()
    }

    /// Remembers a response.
    pub fn store(&self, key: String, body: Arc<CachedBody>) {
        if let Some(cache) = &self.responses {
            cache.insert(key, body);
        }
    }

    /// Polls the version every `every` until the state is dropped.
    pub fn spawn_poller(self: &Arc<Self>, db: DatabaseConnection, every: Duration) {
        let weak: Weak<Self> = Arc::downgrade(self);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                let Some(state) = weak.upgrade() else { break };
                if let Err(e) = state.refresh(&db).await {
                    tracing::warn!(error = %e, "could not read the catalogue version");
                }
            }
        });
    }
}
