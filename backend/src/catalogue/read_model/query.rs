//! Choosing a page from the model: the same filters, orders and keyset
//! cursors as the SQL query in [`super::super::list`], over the rows.
//!
//! Each order walks the rows in that order and stops at the `limit + 1`-th
//! row that passes, so a page costs about its size, not the catalogue's:
//! `newest` walks positions (the rows' own order), `ending_soon` a stored
//! permutation, `nearest` the grid ([`super::grid`]), and `relevance` the
//! rows by score level, highest first, each level in the `newest` order.
//! A search narrows the walk to its smallest posting
//! ([`super::matching`]). When that holds few rows, a walk may visit at
//! most one more row than it holds; a walk that needs more (matches sparse
//! in the `ending_soon` order or on the grid, or a relevance walk down
//! several levels) gives way to keying every candidate and selecting the
//! page among them. So a page costs at most about twice its candidates, and
//! usually just its size: keying every candidate first made a search of a
//! term in some hundreds of rows (公园 at 10,000 benefits) cost a third more
//! than at 100,000, where the walk stops after a page.

use std::{cell::Cell, cmp::Ordering};

use linan_shared::{GeoPoint, SortOrder};

use super::{ReadModel, Row, grid::d2, matching::Matching};
use crate::{
    catalogue::{
        cursor::Cursor,
        list::{KeyRow, Plan},
    },
    live,
};

/// Up to this many candidates a search keys them all and selects the page.
pub(super) const FEW: usize = 1024;

/// A request against the model, prepared once.
struct Prepared<'p> {
    model: &'p ReadModel,
    plan: &'p Plan,
    /// `None`: no search.
    matching: Option<Matching>,
    /// `near` and its longitude weight.
    near: Option<(GeoPoint, f64)>,
    /// Rows the walks may still visit (`usize::MAX`: no bound).
    budget: Cell<usize>,
}

impl Prepared<'_> {
    /// The row at `pos` as a page key, if it passes every filter and comes
    /// after the cursor.
    fn keep(&self, pos: u32) -> Option<KeyRow> {
        let row = &self.model.rows[pos as usize];
        let d2 = self.near.map(|(near, k)| d2(row.lat, row.lon, near, k));
        if !self.admits(row, d2) || self.matching.as_ref().is_some_and(|m| !m.matches(pos)) {
            return None;
        }
        let key = KeyRow {
            id: row.id,
            published_at: Some(row.published_at),
            valid_until: row.valid_until,
            d2,
            score: (self.plan.sort == SortOrder::Relevance).then(|| self.matching.as_ref().map_or(0, |m| m.score(pos))),
        };
        self.plan.cursor.as_ref().is_none_or(|c| after(c, &key)).then_some(key)
    }

    /// Every filter but the search terms and the cursor; `d2` is the row's distance.
    fn admits(&self, row: &Row, d2: Option<f64>) -> bool {
        let plan = self.plan;
        live::window_holds(row.valid_from, row.valid_until, plan.day)
            && plan.district_id.is_none_or(|id| row.district_id == id)
            && plan.category_id.is_none_or(|id| row.category_id == id)
            && plan.partner_id.is_none_or(|id| row.partner_id == id)
            && plan.admitting_tiers.as_ref().is_none_or(|tiers| row.min_tiers.iter().any(|t| tiers.contains(t)))
            && match (plan.max_d2, d2) {
                (Some(max), Some(d2)) => d2 <= max,
                _ => true,
            }
    }

    /// Counts one visited row; `false` once the budget is spent.
    fn visit(&self) -> bool {
        let left = self.budget.get();
        self.budget.set(left.saturating_sub(1));
        left > 0
    }

    /// Whether a walk stopped because the budget was spent.
    fn spent(&self) -> bool {
        self.budget.get() == 0
    }

    /// The first `wanted` kept rows of `walk`, within the budget.
    fn first(&self, walk: impl Iterator<Item = u32>, wanted: usize) -> Vec<KeyRow> {
        walk.take_while(|_| self.visit()).filter_map(|pos| self.keep(pos)).take(wanted).collect()
    }
}

/// Whether `k` comes strictly after cursor `c` in `c`'s order.
fn after(c: &Cursor, k: &KeyRow) -> bool {
    let p = k.published_at.unwrap_or(0);
    match *c {
        Cursor::Newest { p: cp, id } => (p, k.id) < (cp, id),
        Cursor::EndingSoon { u, id } => (k.valid_until, k.id) > (u, id),
        Cursor::Nearest { d, id } => {
            let d = f64::from_bits(d);
            let d2 = k.d2.unwrap_or(0.0);
            d2 > d || (d2 == d && k.id > id)
        }
        Cursor::Relevance { r, p: cp, id } => {
            let score = k.score.unwrap_or(0);
            score < r || (score == r && (p, k.id) < (cp, id))
        }
    }
}

/// `a` before `b` in the page's order.
fn order(sort: SortOrder, a: &KeyRow, b: &KeyRow) -> Ordering {
    match sort {
        SortOrder::Newest => (b.published_at, b.id).cmp(&(a.published_at, a.id)),
        SortOrder::EndingSoon => (a.valid_until, a.id).cmp(&(b.valid_until, b.id)),
        SortOrder::Nearest => a.d2.unwrap_or(0.0).total_cmp(&b.d2.unwrap_or(0.0)).then(a.id.cmp(&b.id)),
        SortOrder::Relevance => (b.score, b.published_at, b.id).cmp(&(a.score, a.published_at, a.id)),
    }
}

impl ReadModel {
    /// The page's keys for `plan`: at most `limit + 1`, in the page's order.
    pub(crate) fn keys(&self, plan: &Plan) -> Vec<KeyRow> {
        let matching = Matching::new(self, &plan.terms);
        // Few candidates: a walk may visit one row more than they are (so
        // walking all of them never counts as cut short), then gives way.
        let few = matching.as_ref().map(|m| m.driver(false).len()).filter(|&n| n <= self.few);
        let p = Prepared {
            model: self,
            plan,
            matching,
            near: plan.near.map(|near| (near, Plan::lon_weight(near))),
            budget: Cell::new(few.map_or(usize::MAX, |n| n + 1)),
        };
        let wanted = plan.limit as usize + 1;
        let keys = self.walk(&p, wanted);
        match &p.matching {
            Some(m) if keys.len() < wanted && p.spent() => {
                let mut keys: Vec<KeyRow> = m.driver(false).iter().filter_map(|pos| p.keep(pos)).collect();
                let by = |a: &KeyRow, b: &KeyRow| order(plan.sort, a, b);
                if keys.len() > wanted {
                    keys.select_nth_unstable_by(wanted - 1, by);
                    keys.truncate(wanted);
                }
                keys.sort_unstable_by(by);
                keys
            }
            _ => keys,
        }
    }

    /// The first `wanted` keys in the page's order, walking the rows in
    /// that order (within `p`'s budget).
    fn walk(&self, p: &Prepared<'_>, wanted: usize) -> Vec<KeyRow> {
        let plan = p.plan;
        let all = || 0..self.rows.len() as u32;
        match plan.sort {
            SortOrder::Newest => match &p.matching {
                Some(m) => p.first(m.driver(false).iter(), wanted),
                None => p.first(all(), wanted),
            },
            SortOrder::EndingSoon => p.first(self.ending.iter().copied(), wanted),
            SortOrder::Nearest => {
                let Some((near, k)) = p.near else { return Vec::new() };
                let from = match plan.cursor {
                    Some(Cursor::Nearest { d, .. }) => f64::from_bits(d),
                    _ => 0.0,
                };
                p.first(self.grid.nearest(&self.rows, near, k, plan.max_d2, from).map(|(pos, _)| pos), wanted)
            }
            SortOrder::Relevance => {
                let terms = p.matching.as_ref().map_or(0, Matching::len);
                let mut keys = Vec::with_capacity(wanted);
                // Highest score first; a cursor's level and those below it.
                let top = match plan.cursor {
                    Some(Cursor::Relevance { r, .. }) => r.clamp(0, terms as i64) as usize,
                    _ => terms,
                };
                for level in (0..=top).rev() {
                    let walk: Box<dyn Iterator<Item = u32>> = match &p.matching {
                        // At the top level every term is in the title.
                        Some(m) => Box::new(m.driver(level == terms).iter()),
                        None => Box::new(all()),
                    };
                    let score = Some(level as i64);
                    keys.extend(
                        walk.take_while(|_| p.visit())
                            .filter_map(|pos| p.keep(pos))
                            .filter(|k| k.score == score)
                            .take(wanted - keys.len()),
                    );
                    if keys.len() == wanted {
                        break;
                    }
                }
                keys
            }
        }
    }
}
