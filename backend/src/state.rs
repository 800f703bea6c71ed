//! The application state every handler receives.

use std::{ops::Deref, sync::Arc};

use sea_orm::DatabaseConnection;

use crate::{auth::Throttle, catalogue::CatalogueState, config::Config, http::metrics::Metrics};

/// The state every handler and middleware receives: one [`Arc`] around
/// [`Shared`], so that the clones axum makes on every request (each
/// extractor, each layer with state) cost one atomic increment, not one per
/// field. Reads go through [`Deref`]: `state.db`, `state.config`.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl AppState {
    /// The state around `shared`.
    pub fn new(shared: Shared) -> Self {
        AppState(Arc::new(shared))
    }
}

impl Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// What the application shares between requests: the pool, the
/// configuration, the catalogue caches and the metrics registry.
pub struct Shared {
    /// The database pool.
    pub db: DatabaseConnection,
    /// The configuration the application started with.
    pub config: Arc<Config>,
    /// Catalogue version, reference snapshot and response cache.
    pub catalogue: Arc<CatalogueState>,
    /// Request and pool metrics.
    pub metrics: Arc<Metrics>,
    /// The sign-in throttle's local pre-check (the shared part is in the database).
    pub throttle: Throttle,
    /// The permits for password hashing (argon2 runs under one).
    pub passwords: crate::auth::password::Passwords,
    /// The embed sites' figures not yet written (see [`crate::embed::figures`]).
    pub embed_counts: Arc<crate::embed::Counts>,
    /// The one source of time (see [`crate::clock`]); tests move it.
    pub clock: crate::clock::Clock,
}
