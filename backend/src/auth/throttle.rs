//! Throttling of every guessable secret — passwords, cardholder factors,
//! counter codes — and of sign-ups and code issuance, per account, card,
//! partner, session or client address, shared by every replica. The budgets
//! are below; their arithmetic is in `docs/security.md`.
//!
//! The algorithm is GCRA (the generic cell rate algorithm): each key keeps
//! one "theoretical arrival time" (TAT). The shared state lives in the
//! database's `throttle` table and is decided by a single upsert statement,
//! so replicas behind a load balancer see one budget with no lock held
//! across a round trip. In front of [`Throttle::check`] sits `governor` (the
//! same algorithm, in memory) with a generous budget: a client far over its
//! limit is refused without touching the database, so a flood of attempts
//! cannot become a flood of writes. No kept crate stores GCRA state in
//! SQLite and PostgreSQL alike, hence the statements here.
//!
//! Two ways to spend a budget:
//! - [`Throttle::check`] counts every attempt (logins, sign-ups, codes issued);
//! - [`Throttle::peek`] then [`Throttle::charge`] count only wrong guesses
//!   (a card's factor, a counter code): a right answer costs nothing, so a
//!   busy counter is never held up, while a guesser pays for each miss.
//!   Guesses sent in parallel all pass the peek, but each is charged after,
//!   pushing the TAT further ahead: over time the rate still holds.
//!
//! Keys never carry unbounded input: [`ThrottleKey`] hashes material longer
//! than [`MAX_KEY_MATERIAL`] bytes (handlers also refuse over-long fields
//! before any throttle). State expires: a row whose TAT has passed is no
//! different from no row, so once a minute each replica deletes those rows
//! and lets `governor` forget its stale keys. Time is the application's
//! [`Clock`], so tests move it instead of sleeping.

use std::{
    num::NonZeroU32,
    sync::{
        Arc,
        atomic::{AtomicI64, Ordering},
    },
    time::Duration,
};

use governor::{Quota, RateLimiter, middleware::NoOpMiddleware, nanos::Nanos, state::keyed::DashMapStateStore};
use sea_orm::{ConnectionTrait, DatabaseConnection};

use crate::{auth::secret, clock::Clock, db::sql::Sql, error::ApiError};

/// A budget: `burst` attempts at once, then one more every `every`.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    /// Attempts allowed back to back.
    pub burst: u32,
    /// How often one more attempt is earned.
    pub every: Duration,
}

/// Login attempts per account: 5, then one a minute.
pub const LOGIN_PER_ACCOUNT: Limit = Limit { burst: 5, every: Duration::from_secs(60) };
/// Login attempts per client address: 20, then one every 6 s.
pub const LOGIN_PER_ADDRESS: Limit = Limit { burst: 20, every: Duration::from_secs(6) };
/// Sign-ups per client address: 10, then one every 5 minutes.
pub const SIGNUP_PER_ADDRESS: Limit = Limit { burst: 10, every: Duration::from_secs(300) };
/// Password changes per account (guesses of the current password): 5, then one a minute.
pub const PASSWORD_PER_ACCOUNT: Limit = Limit { burst: 5, every: Duration::from_secs(60) };
/// Wrong second factors per card, at sign-in and at the counter together:
/// 10, then one every 30 minutes. This budget bounds the guessing of one
/// card's factor, whatever the number of addresses (docs/security.md).
pub const CARD_FACTOR_PER_CARD: Limit = Limit { burst: 10, every: Duration::from_secs(1800) };
/// Cardholder sign-ins per client address (IPv6: per /64): 20, then one every 30 s.
pub const CARD_SIGN_IN_PER_ADDRESS: Limit = Limit { burst: 20, every: Duration::from_secs(30) };
/// Wrong counter codes per merchant account: 10, then one every 10 minutes
/// (right ones cost nothing, so a busy counter is never held up).
pub const COUNTER_CODE_PER_ACCOUNT: Limit = Limit { burst: 10, every: Duration::from_secs(600) };
/// Wrong counter codes per partner (all its staff): 20, then one every 10 minutes.
pub const COUNTER_CODE_PER_PARTNER: Limit = Limit { burst: 20, every: Duration::from_secs(600) };
/// Wrong factors at a merchant account's card-number fallback: 20, then one every 3 minutes.
pub const COUNTER_CARD_PER_ACCOUNT: Limit = Limit { burst: 20, every: Duration::from_secs(180) };
/// Wrong factors at a partner's card-number fallback (all its staff): 30, then one every 2 minutes.
pub const COUNTER_CARD_PER_PARTNER: Limit = Limit { burst: 30, every: Duration::from_secs(120) };
/// Counter codes issued per cardholder session: 5, then one every 20 s.
pub const CODE_ISSUE_PER_SESSION: Limit = Limit { burst: 5, every: Duration::from_secs(20) };
/// Staff invitations per owner: 10, then one every 6 minutes (10 an hour),
/// so a stolen owner session cannot mint codes in bulk.
pub const INVITES_PER_OWNER: Limit = Limit { burst: 10, every: Duration::from_secs(360) };

/// Longest key material (an email, a card number) kept as written; longer
/// material is replaced by its SHA-256, so a key is at most ~100 bytes.
pub const MAX_KEY_MATERIAL: usize = 64;

/// How often a replica deletes expired throttle state.
const SWEEP_EVERY_MS: i64 = 60_000;

/// A throttle key: a scope (`login:account`) and bounded material.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThrottleKey(String);

impl ThrottleKey {
    /// The key of `material` under `scope` (a constant of the code).
    pub fn new(scope: &str, material: &str) -> Self {
        if material.len() <= MAX_KEY_MATERIAL {
            ThrottleKey(format!("{scope}:{material}"))
        } else {
            ThrottleKey(format!("{scope}:#{}", secret::digest(material)))
        }
    }

    /// The key as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The application's clock as `governor` reads it: nanoseconds since 1970.
#[derive(Debug, Clone)]
struct LocalClock(Clock);

impl governor::clock::Clock for LocalClock {
    type Instant = Nanos;

    fn now(&self) -> Nanos {
        Nanos::from(self.0.now().timestamp_nanos_opt().and_then(|n| u64::try_from(n).ok()).unwrap_or(0))
    }
}

type Local = RateLimiter<String, DashMapStateStore<String>, LocalClock, NoOpMiddleware<Nanos>>;

/// The throttle of one process: the local pre-check and the shared table.
#[derive(Clone)]
pub struct Throttle {
    local: Arc<Local>,
    clock: Clock,
    /// When (ms since 1970, by `clock`) this replica next deletes expired state.
    next_sweep_ms: Arc<AtomicI64>,
}

impl std::fmt::Debug for Throttle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Throttle").finish_non_exhaustive()
    }
}

/// 429 with the seconds until the next attempt may pass.
fn too_many(wait_ms: i64) -> ApiError {
    ApiError::TooManyRequests { retry_after_secs: u64::try_from((wait_ms.max(0) + 999) / 1000).unwrap_or(1).max(1) }
}

/// How far apart in time simultaneous requests may read the clock: each
/// reads "now" before it queues for the database, so the one that read it
/// last may write first.
const CLOCK_SPREAD_MS: i64 = 1_000;

/// A limit's interval and slack (how far ahead of now the TAT may be), in ms.
fn spans(limit: Limit) -> (i64, i64) {
    let interval = i64::try_from(limit.every.as_millis()).unwrap_or(i64::MAX / 4);
    // Allowed while the arrival time is at most (burst - 1) intervals ahead,
    // plus the clock spread of one burst's requests (else a burst reaching
    // the database out of its clock order loses its last attempt). Kept
    // under one interval, so the spread never grants an extra attempt.
    let spread = CLOCK_SPREAD_MS.min(interval / 2);
    (interval, interval.saturating_mul(i64::from(limit.burst.saturating_sub(1))).saturating_add(spread))
}

impl Throttle {
    /// A throttle going by `clock`.
    pub fn new(clock: Clock) -> Self {
        // Generous on purpose: twice the largest burst of a budget spent by
        // `check`, then one a second — far above any such budget's refill;
        // the database decides the real budget.
        let quota = NonZeroU32::new(LOGIN_PER_ADDRESS.burst.max(CARD_SIGN_IN_PER_ADDRESS.burst) * 2).map_or_else(
            || Quota::per_second(NonZeroU32::MIN),
            |burst| Quota::per_second(NonZeroU32::MIN).allow_burst(burst),
        );
        let local = RateLimiter::dashmap_with_clock(quota, LocalClock(clock.clone()));
        let next = clock.now().timestamp_millis() + SWEEP_EVERY_MS;
        Throttle { local: Arc::new(local), clock, next_sweep_ms: Arc::new(AtomicI64::new(next)) }
    }

    /// How many keys the in-memory pre-check remembers.
    pub fn remembered(&self) -> usize {
        self.local.len()
    }

    /// Now (ms since 1970), after the sweep when one is due.
    async fn now(&self, db: &DatabaseConnection) -> Result<i64, ApiError> {
        let now = self.clock.now().timestamp_millis();
        let due = self.next_sweep_ms.load(Ordering::Relaxed);
        if now >= due
            && self
                .next_sweep_ms
                .compare_exchange(due, now + SWEEP_EVERY_MS, Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
        {
            self.sweep(db, now).await?;
        }
        Ok(now)
    }

    /// Deletes the rows whose arrival time has passed (they hold nothing a
    /// missing row would not) and lets the local pre-check forget its stale keys.
    async fn sweep(&self, db: &DatabaseConnection, now: i64) -> Result<(), ApiError> {
        let mut sql = Sql::new(db.get_database_backend());
        sql.push("DELETE FROM throttle WHERE tat_ms < ").bind(now);
        db.execute_raw(sql.into_statement()).await?;
        self.local.retain_recent();
        self.local.shrink_to_fit();
        Ok(())
    }

    /// Spends one attempt of `key` under `limit`, or answers 429 with the
    /// seconds until the next attempt may succeed.
    pub async fn check(&self, db: &DatabaseConnection, key: &ThrottleKey, limit: Limit) -> Result<(), ApiError> {
        let now = self.now(db).await?;
        if self.local.check_key(&key.0).is_err() {
            return Err(ApiError::TooManyRequests { retry_after_secs: limit.every.as_secs().max(1) });
        }
        let (interval, slack) = spans(limit);
        // base = max(stored arrival time, now), spelled portably.
        let base = |sql: &mut Sql| {
            sql.push("(CASE WHEN throttle.tat_ms > ")
                .bind(now)
                .push(" THEN throttle.tat_ms ELSE ")
                .bind(now)
                .push(" END)");
        };
        let mut sql = Sql::new(db.get_database_backend());
        sql.push("INSERT INTO throttle (key, tat_ms, allowed) VALUES (")
            .bind(key.as_str())
            .push(", ")
            .bind(now + interval);
        // Both columns are computed from the old row (every SET expression
        // sees it), so the pair is consistent.
        sql.push(", 1) ON CONFLICT (key) DO UPDATE SET allowed = CASE WHEN ");
        base(&mut sql);
        sql.push(" <= ").bind(now + slack).push(" THEN 1 ELSE 0 END, tat_ms = CASE WHEN ");
        base(&mut sql);
        sql.push(" <= ").bind(now + slack).push(" THEN ");
        base(&mut sql);
        sql.push(" + ").bind(interval).push(" ELSE throttle.tat_ms END RETURNING tat_ms, allowed");
        let row = db
            .query_one_raw(sql.into_statement())
            .await?
            .ok_or_else(|| ApiError::Internal("throttle upsert returned no row".into()))?;
        let tat: i64 = row.try_get("", "tat_ms")?;
        let allowed: i32 = row.try_get("", "allowed")?;
        if allowed == 1 { Ok(()) } else { Err(too_many(tat - now - slack)) }
    }

    /// Answers 429 if any of `budgets` has nothing left, spending nothing:
    /// an attempt is charged only if it turns out wrong. One query for all.
    /// (No local pre-check: a right answer must never be refused for being
    /// frequent, and past its budget a guess costs one read, no write.)
    pub async fn peek(&self, db: &DatabaseConnection, budgets: &[(ThrottleKey, Limit)]) -> Result<(), ApiError> {
        let now = self.now(db).await?;
        let mut sql = Sql::new(db.get_database_backend());
        sql.push("SELECT key, tat_ms FROM throttle WHERE key IN (");
        for (i, (key, _)) in budgets.iter().enumerate() {
            sql.push(if i == 0 { "" } else { ", " }).bind(key.as_str());
        }
        sql.push(")");
        let mut wait_ms = None;
        for row in db.query_all_raw(sql.into_statement()).await? {
            let (key, tat): (String, i64) = (row.try_get("", "key")?, row.try_get("", "tat_ms")?);
            let Some((_, limit)) = budgets.iter().find(|(k, _)| k.0 == key) else { continue };
            let over = tat - now - spans(*limit).1;
            if over > 0 {
                wait_ms = Some(wait_ms.map_or(over, |w: i64| w.max(over)));
            }
        }
        wait_ms.map_or(Ok(()), |w| Err(too_many(w)))
    }

    /// Charges one wrong guess to `key` under `limit` (after a [`Throttle::peek`]).
    pub async fn charge(&self, db: &DatabaseConnection, key: &ThrottleKey, limit: Limit) -> Result<(), ApiError> {
        let now = self.clock.now().timestamp_millis();
        let (interval, _) = spans(limit);
        let mut sql = Sql::new(db.get_database_backend());
        sql.push("INSERT INTO throttle (key, tat_ms, allowed) VALUES (")
            .bind(key.as_str())
            .push(", ")
            .bind(now + interval);
        sql.push(", 1) ON CONFLICT (key) DO UPDATE SET tat_ms = (CASE WHEN throttle.tat_ms > ")
            .bind(now)
            .push(" THEN throttle.tat_ms ELSE ")
            .bind(now)
            .push(" END) + ")
            .bind(interval);
        db.execute_raw(sql.into_statement()).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_material_is_hashed_into_a_short_key() {
        assert_eq!(ThrottleKey::new("login:account", "a@b.cn").as_str(), "login:account:a@b.cn");
        let long = "a".repeat(1024 * 1024);
        let key = ThrottleKey::new("login:account", &long);
        assert!(key.as_str().len() < 100, "{}", key.as_str().len());
        assert_ne!(key, ThrottleKey::new("login:account", &format!("{long}b")));
    }
}
