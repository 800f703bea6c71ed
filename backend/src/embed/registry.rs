//! A replica's snapshot of the active embed origins, for the checks that run
//! on every request and cannot wait for the database: `frame-ancestors`,
//! the cardholder API's CORS, and the figures' attribution.
//!
//! [`crate::catalogue::CatalogueState::refresh`] reloads it whenever the
//! catalogue version moves (every registry write bumps it), so it follows
//! the database within one poll interval on every replica.

use std::{
    collections::HashMap,
    sync::{
        Arc, RwLock,
        atomic::{AtomicI64, Ordering},
    },
};

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};

use crate::entity::{embed_origin, embed_site};

/// The active origins and their sites.
#[derive(Debug)]
struct Snapshot {
    sites: HashMap<String, i64>,
    /// `'self'` and the active origins, sorted: the `frame-ancestors` value.
    frame_ancestors: String,
}

/// With nothing registered only our own pages may frame the widget (the
/// portal's preview frames `/embed`).
const SELF_ONLY: &str = "'self'";

/// The replica's registry snapshot.
#[derive(Debug)]
pub struct Registry {
    snapshot: RwLock<Arc<Snapshot>>,
    /// The catalogue version the snapshot was loaded at (-1: never).
    loaded_at: AtomicI64,
}

impl Default for Registry {
    fn default() -> Self {
        let empty = Snapshot { sites: HashMap::new(), frame_ancestors: SELF_ONLY.to_owned() };
        Registry { snapshot: RwLock::new(Arc::new(empty)), loaded_at: AtomicI64::new(-1) }
    }
}

impl Registry {
    fn current(&self) -> Arc<Snapshot> {
        // A writer that panicked left a whole snapshot behind: keep using it.
        self.snapshot.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The active site that registered `origin` (as a browser sends it).
    pub fn site_of(&self, origin: &str) -> Option<i64> {
        self.current().sites.get(origin).copied()
    }

    /// The production `frame-ancestors` sources: `'self'` (the portal's
    /// preview frames `/embed`) and every active origin. With nothing
    /// registered only our own pages may frame the widget.
    pub fn frame_ancestors(&self) -> String {
        self.current().frame_ancestors.clone()
    }

    /// Whether the snapshot was loaded at another version than `version`.
    pub fn is_stale(&self, version: i64) -> bool {
        self.loaded_at.load(Ordering::Acquire) != version
    }

    /// Forgets the version loaded at, so the next refresh reloads (another database).
    pub fn invalidate(&self) {
        self.loaded_at.store(-1, Ordering::Release);
    }

    /// Reads the active origins at catalogue `version`.
    pub async fn reload(&self, db: &impl ConnectionTrait, version: i64) -> Result<(), DbErr> {
        let active: Vec<i64> = embed_site::Entity::find()
            .select_only()
            .column(embed_site::Column::Id)
            .filter(embed_site::Column::Active.eq(true))
            .into_tuple()
            .all(db)
            .await?;
        let rows = embed_origin::Entity::find().filter(embed_origin::Column::SiteId.is_in(active)).all(db).await?;
        let mut origins: Vec<&str> = rows.iter().map(|r| r.origin.as_str()).collect();
        origins.sort_unstable();
        let frame_ancestors = std::iter::once(SELF_ONLY).chain(origins).collect::<Vec<_>>().join(" ");
        let sites = rows.iter().map(|r| (r.origin.clone(), r.site_id)).collect();
        if let Ok(mut s) = self.snapshot.write() {
            *s = Arc::new(Snapshot { sites, frame_ancestors });
        }
        self.loaded_at.store(version, Ordering::Release);
        Ok(())
    }
}
