//! Throttling of login, sign-up (and later cardholder) attempts, per account
//! and per client address, shared by every replica.
//!
//! The algorithm is GCRA (the generic cell rate algorithm): each key keeps
//! one "theoretical arrival time". The shared state lives in the database's
//! `throttle` table and is decided by a single upsert statement, so replicas
//! behind a load balancer see one budget with no lock held across a round
//! trip. In front of it sits `governor` (the same algorithm, in memory) with
//! twice the burst: a client far over its limit is refused without touching
//! the database, so a flood of attempts cannot become a flood of writes.
//! No kept crate stores GCRA state in SQLite and PostgreSQL alike, hence the
//! one statement here.

use std::{num::NonZeroU32, sync::Arc, time::Duration};

use chrono::Utc;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use sea_orm::{ConnectionTrait, DatabaseConnection};

use crate::{catalogue::sql::Sql, error::ApiError};

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

/// The throttle of one process: the local pre-check and the shared table.
#[derive(Clone)]
pub struct Throttle {
    local: Arc<DefaultKeyedRateLimiter<String>>,
}

impl std::fmt::Debug for Throttle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Throttle").finish_non_exhaustive()
    }
}

impl Default for Throttle {
    fn default() -> Self {
        // Generous on purpose: twice the largest burst at the fastest refill
        // of the limits above; the database decides the real budget.
        let quota = Quota::with_period(Duration::from_secs(3))
            .and_then(|q| NonZeroU32::new(LOGIN_PER_ADDRESS.burst * 2).map(|b| q.allow_burst(b)))
            .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN));
        Throttle { local: Arc::new(RateLimiter::keyed(quota)) }
    }
}

impl Throttle {
    /// Spends one attempt of `key` under `limit`, or answers 429 with the
    /// seconds until the next attempt may succeed.
    pub async fn check(&self, db: &DatabaseConnection, key: &str, limit: Limit) -> Result<(), ApiError> {
        if self.local.check_key(&key.to_owned()).is_err() {
            return Err(ApiError::TooManyRequests { retry_after_secs: limit.every.as_secs().max(1) });
        }
        let now = Utc::now().timestamp_millis();
        let interval = i64::try_from(limit.every.as_millis()).unwrap_or(i64::MAX / 4);
        // Allowed while the arrival time is at most (burst - 1) intervals ahead.
        let slack = interval.saturating_mul(i64::from(limit.burst.saturating_sub(1)));
        // base = max(stored arrival time, now), spelled portably.
        let base = |sql: &mut Sql| {
            sql.push("(CASE WHEN throttle.tat_ms > ")
                .bind(now)
                .push(" THEN throttle.tat_ms ELSE ")
                .bind(now)
                .push(" END)");
        };
        let mut sql = Sql::new(db.get_database_backend());
        sql.push("INSERT INTO throttle (key, tat_ms, allowed) VALUES (").bind(key).push(", ").bind(now + interval);
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
        if allowed == 1 {
            return Ok(());
        }
        let wait_ms = (tat - now - slack).max(0);
        Err(ApiError::TooManyRequests { retry_after_secs: u64::try_from((wait_ms + 999) / 1000).unwrap_or(1) })
    }
}
