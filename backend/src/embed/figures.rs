//! Per-site, per-day usage counts: kept in memory by each replica and added
//! to `embed_figure` in one upsert per (site, day) every few seconds, so the
//! catalogue's hot path only takes a short lock and bumps a number. A crash
//! loses at most the counts of the last interval (a clean shutdown flushes
//! them); replicas add their counts to the same rows, never overwrite them.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex, Weak},
    time::Duration,
};

use chrono::NaiveDate;
use linan_shared::{EmbedDay, EmbedFigures};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    calendar::{from_naive, to_naive},
    db::sql::Sql,
    entity::embed_figure,
};

/// How often each replica writes its counts.
pub const FLUSH_EVERY: Duration = Duration::from_secs(5);

/// What a request counted as (see [`super::count`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The widget started.
    Load,
    /// A search.
    Search,
    /// A benefit detail view.
    Detail,
    /// A "My card" sign-in.
    SignIn,
}

/// The counts of one site on one day: loads, searches, details, sign-ins.
type Row = [i64; 4];

/// The replica's counts not yet written.
#[derive(Debug, Default)]
pub struct Counts {
    pending: Mutex<HashMap<(i64, NaiveDate), Row>>,
}

impl Counts {
    /// Counts one `kind` for `site` on `day`.
    pub fn add(&self, site: i64, day: NaiveDate, kind: Kind) {
        if let Ok(mut pending) = self.pending.lock() {
            let row = pending.entry((site, day)).or_default();
            row[kind as usize] += 1;
        }
    }

    /// Adds the pending counts to the database (one upsert per site and
    /// day); on failure they are kept for the next flush.
    pub async fn flush(&self, db: &impl ConnectionTrait) -> Result<(), DbErr> {
        let taken = match self.pending.lock() {
            Ok(mut pending) => std::mem::take(&mut *pending),
            Err(_) => return Ok(()),
        };
        let mut rows = taken.into_iter().collect::<Vec<_>>();
        while let Some(((site, day), counts)) = rows.pop() {
            if let Err(e) = upsert(db, site, day, counts).await {
                // Put back what was not written, to try again.
                if let Ok(mut pending) = self.pending.lock() {
                    for ((s, d), c) in rows.into_iter().chain([((site, day), counts)]) {
                        let row = pending.entry((s, d)).or_default();
                        for (a, b) in row.iter_mut().zip(c) {
                            *a += b;
                        }
                    }
                }
                return Err(e);
            }
        }
        Ok(())
    }

    /// Flushes every [`FLUSH_EVERY`] until the counts are dropped.
    pub fn spawn_flusher(self: &Arc<Self>, db: DatabaseConnection) {
        let weak: Weak<Self> = Arc::downgrade(self);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(FLUSH_EVERY);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                let Some(counts) = weak.upgrade() else { break };
                if let Err(e) = counts.flush(&db).await {
                    tracing::warn!(error = %e, "could not write the embed sites' figures");
                }
            }
        });
    }
}

async fn upsert(db: &impl ConnectionTrait, site: i64, day: NaiveDate, c: Row) -> Result<(), DbErr> {
    let mut sql = Sql::new(db.get_database_backend());
    sql.push("INSERT INTO embed_figure (site_id, day, loads, searches, details, sign_ins) VALUES (")
        .bind(site)
        .push(", ")
        .bind(day)
        .push(", ")
        .bind(c[0])
        .push(", ")
        .bind(c[1])
        .push(", ")
        .bind(c[2])
        .push(", ")
        .bind(c[3])
        .push(
            ") ON CONFLICT (site_id, day) DO UPDATE SET loads = embed_figure.loads + excluded.loads, \
             searches = embed_figure.searches + excluded.searches, details = embed_figure.details + excluded.details, \
             sign_ins = embed_figure.sign_ins + excluded.sign_ins",
        );
    db.execute_raw(sql.into_statement()).await?;
    Ok(())
}

/// Site `site`'s figures from `from` to `to` (both included).
pub async fn read(
    db: &impl ConnectionTrait,
    site: i64,
    from: linan_shared::Date,
    to: linan_shared::Date,
) -> Result<EmbedFigures, DbErr> {
    let rows = embed_figure::Entity::find()
        .filter(embed_figure::Column::SiteId.eq(site))
        .filter(embed_figure::Column::Day.gte(to_naive(from)))
        .filter(embed_figure::Column::Day.lte(to_naive(to)))
        .order_by_asc(embed_figure::Column::Day)
        .all(db)
        .await?;
    let days = rows
        .into_iter()
        .map(|r| EmbedDay {
            day: from_naive(r.day),
            loads: r.loads,
            searches: r.searches,
            details: r.details,
            sign_ins: r.sign_ins,
        })
        .collect();
    Ok(EmbedFigures { site_id: site, from, to, days })
}
