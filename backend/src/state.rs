//! The application state every handler receives.

use std::sync::Arc;

use sea_orm::DatabaseConnection;

use crate::{auth::Throttle, catalogue::CatalogueState, config::Config, http::metrics::Metrics};

/// Shared, cheaply clonable state: the pool, the configuration, the
/// catalogue caches and the metrics registry.
#[derive(Clone)]
pub struct AppState {
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
