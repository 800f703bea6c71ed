//! The application's clock: the only source of "now" in the backend.
//!
//! The catalogue's "today", offer expiry and status, sessions and their
//! expiry, counter codes, quota periods, the void window, throttles,
//! invitations, imports and audit timestamps all read it (through
//! [`crate::state::AppState::clock`] or a time taken from it), so tests move
//! this one clock forward instead of sleeping and every part agrees.
//! `clippy.toml` refuses `Utc::now`/`Local::now` everywhere else.

use std::sync::{
    Arc,
    atomic::{AtomicI64, Ordering},
};

use chrono::{DateTime, Duration, NaiveDate, Utc};

/// The system time, plus an offset that only tests change.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    offset_ms: Arc<AtomicI64>,
}

impl Clock {
    /// Now.
    #[allow(clippy::disallowed_methods)] // the one reading of the wall clock
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + Duration::milliseconds(self.offset_ms.load(Ordering::Relaxed))
    }

    /// Today in China Standard Time.
    pub fn today(&self) -> NaiveDate {
        crate::calendar::day_of(self.now())
    }

    /// Moves this clock (and every clone of it) forward by `by`.
    pub fn advance(&self, by: Duration) {
        self.offset_ms.fetch_add(by.num_milliseconds(), Ordering::Relaxed);
    }
}
