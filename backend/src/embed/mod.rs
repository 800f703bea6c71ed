//! The embed-site registry: the district sites allowed to embed the widget.
//!
//! - [`sites`]: district admins register, edit and deactivate sites
//!   (versioned, audited); each write bumps the catalogue version.
//! - [`registry`]: each replica's snapshot of the *active* origins, reloaded
//!   by the catalogue-version poller (so a change made through any replica
//!   is seen everywhere within `LINAN_VERSION_POLL_MS`); in production it
//!   decides `/embed`'s `frame-ancestors` and the cardholder API's CORS.
//! - [`figures`]: per site and day, widget loads, searches, detail views and
//!   "My card" sign-ins, counted in memory from the requests' origin and
//!   flushed in batches (see [`count`] for what counts as what).

pub mod count;
pub mod figures;
pub mod registry;
pub mod sites;

pub use figures::Counts;
pub use registry::Registry;
