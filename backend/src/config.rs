//! Typed configuration: defaults, overridden by environment variables,
//! overridden by command-line flags (clap does the layering).
//!
//! Every field is documented here and in the README's configuration table;
//! `linan serve --help` prints the same text.

use std::{net::SocketAddr, time::Duration};

/// Shortest accepted `LINAN_METRICS_TOKEN`.
pub const MIN_METRICS_TOKEN_CHARS: usize = 32;

/// Settings of the `serve` command (and the database part of the others).
#[derive(Debug, Clone, clap::Args)]
pub struct Config {
    /// Database URL: `sqlite://PATH?mode=rwc` (created on first start) or
    /// `postgres://USER@HOST:PORT/DB`.
    #[arg(long, env = "LINAN_DATABASE_URL", default_value = "sqlite://data/linan.sqlite?mode=rwc")]
    pub database_url: String,

    /// Address to listen on; port 0 picks a free port.
    #[arg(long, env = "LINAN_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,

    /// Production mode: never loads demo data, logs JSON, refuses to start
    /// without `LINAN_ID_SECRET` or on a database that holds the demo data
    /// set, and serves `/metrics` only with `LINAN_METRICS_TOKEN` or on
    /// `LINAN_METRICS_BIND`.
    #[arg(long, env = "LINAN_PRODUCTION", default_value_t = false)]
    pub production: bool,

    /// Do not load the demo data set, even into an empty database.
    #[arg(long, env = "LINAN_NO_DEMO", default_value_t = false)]
    pub no_demo: bool,

    /// Largest number of pooled database connections.
    #[arg(long, env = "LINAN_DB_MAX_CONNECTIONS", default_value_t = 16)]
    pub db_max_connections: u32,

    /// Requests taking longer than this many seconds are cut off with 408.
    #[arg(long, env = "LINAN_REQUEST_TIMEOUT_SECS", default_value_t = 15)]
    pub request_timeout_secs: u64,

    /// How often (milliseconds) a replica re-reads the catalogue version that
    /// validates its ETags and response cache; the upper bound on how long a
    /// change made through another replica can go unseen here.
    #[arg(long, env = "LINAN_VERSION_POLL_MS", default_value_t = 1000)]
    pub version_poll_ms: u64,

    /// Public catalogue responses kept in memory per replica, at most 16 KiB
    /// each on average (0 turns the cache off).
    #[arg(long, env = "LINAN_RESPONSE_CACHE_ENTRIES", default_value_t = 2000)]
    pub response_cache_entries: usize,

    /// Choose list pages by SQL only, without the in-memory read model of the
    /// public catalogue (which costs memory: see docs/benchmarks.md).
    #[arg(long, env = "LINAN_NO_READ_MODEL", default_value_t = false)]
    pub no_read_model: bool,

    /// `max-age` (seconds) of the `Cache-Control` header on public reads.
    #[arg(long, env = "LINAN_PUBLIC_MAX_AGE_SECS", default_value_t = 30)]
    pub public_max_age_secs: u32,

    /// Folder with the built widget (`scripts/build-widget.sh` writes it),
    /// served under `/widget/`.
    #[arg(long, env = "LINAN_WIDGET_DIR", default_value = "frontend/dist")]
    pub widget_dir: std::path::PathBuf,

    /// Folder with the built portal (`scripts/build-portal.sh` writes it),
    /// served under `/portal`.
    #[arg(long, env = "LINAN_PORTAL_DIR", default_value = "portal/dist")]
    pub portal_dir: std::path::PathBuf,

    /// Hours a portal or API session lasts after sign-in.
    #[arg(long, env = "LINAN_SESSION_HOURS", default_value_t = 12)]
    pub session_hours: u32,

    /// Take the client address for throttling from the last
    /// `X-Forwarded-For` entry (set this only behind a proxy that writes it).
    #[arg(long, env = "LINAN_TRUST_FORWARDED_FOR", default_value_t = false)]
    pub trust_forwarded_for: bool,

    /// Password hashes (argon2id, 19 MiB each) computed at once; a sign-in,
    /// sign-up or password change beyond them is answered 503 with
    /// `Retry-After`. Default: twice the number of cores.
    #[arg(long, env = "LINAN_ARGON2_PERMITS")]
    pub argon2_permits: Option<usize>,

    /// Key of the identity hashes (HMAC-SHA256 of national ID numbers), at
    /// least 32 characters. Required in production mode; elsewhere a public
    /// demo key is used. Changing it orphans every stored identity, so a
    /// database whose identities were hashed under another key is refused.
    #[arg(long, env = "LINAN_ID_SECRET", hide_env_values = true)]
    pub id_secret: Option<Secret>,

    /// Bearer token that `/metrics` requires (`Authorization: Bearer …`), at
    /// least 32 characters. In production mode `/metrics` is served only with
    /// this token or on `LINAN_METRICS_BIND`; elsewhere it is open without one.
    #[arg(long, env = "LINAN_METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<Secret>,

    /// Serve `/metrics` on this separate address (e.g. `127.0.0.1:9100`,
    /// reachable by the scraper only) instead of the public one.
    #[arg(long, env = "LINAN_METRICS_BIND")]
    pub metrics_bind: Option<SocketAddr>,
}

/// A secret setting: its `Debug` never shows the value, so it cannot leak
/// into logs or error messages.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The value, for the one place that uses it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

impl std::str::FromStr for Secret {
    type Err = std::convert::Infallible;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Secret(s.to_owned()))
    }
}

/// A configuration that must not start.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A required secret is missing or too short.
    #[error("{0}")]
    Secret(&'static str),
}

impl Config {
    /// The request timeout as a duration.
    pub fn request_timeout(&self) -> Duration {
        Duration::from_secs(self.request_timeout_secs)
    }

    /// Whether session cookies carry `Secure` (outside local use: in
    /// production mode, which is served over HTTPS).
    pub fn secure_cookies(&self) -> bool {
        self.production
    }

    /// Whether an empty database gets the demo data set.
    pub fn loads_demo(&self) -> bool {
        !self.production && !self.no_demo
    }

    /// The argon2 permits of this configuration.
    pub fn passwords(&self) -> crate::auth::password::Passwords {
        match self.argon2_permits {
            Some(n) => crate::auth::password::Passwords::new(n),
            None => crate::auth::password::Passwords::for_machine(),
        }
    }

    /// Refuses settings that must not run: production mode without
    /// `LINAN_ID_SECRET` (or with the public demo key), or a secret or
    /// metrics token that is too short.
    pub fn check(&self) -> Result<(), ConfigError> {
        if self.metrics_token.as_ref().is_some_and(|t| t.expose().chars().count() < MIN_METRICS_TOKEN_CHARS) {
            return Err(ConfigError::Secret("LINAN_METRICS_TOKEN must be at least 32 characters long"));
        }
        crate::cards::IdKey::from_config(self).map(|_| ())
    }

    /// A configuration for tests and tools: the given database, port 0, no demo.
    pub fn for_database(database_url: &str) -> Self {
        Config {
            database_url: database_url.to_owned(),
            bind: SocketAddr::from(([127, 0, 0, 1], 0)),
            production: false,
            no_demo: true,
            db_max_connections: 8,
            // Generous: tests run on loaded CI machines, and debug builds are slow.
            request_timeout_secs: 60,
            version_poll_ms: 1000,
            response_cache_entries: 2000,
            no_read_model: false,
            public_max_age_secs: 30,
            widget_dir: std::path::PathBuf::from("frontend/dist"),
            portal_dir: std::path::PathBuf::from("portal/dist"),
            session_hours: 12,
            trust_forwarded_for: false,
            argon2_permits: None,
            id_secret: None,
            metrics_token: None,
            metrics_bind: None,
        }
    }
}
