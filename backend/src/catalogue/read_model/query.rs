//! Choosing a page from the model: the same filters, orders and keyset
//! cursors as the SQL query in [`super::super::list`], over the rows.

use std::cmp::Ordering;

use linan_shared::{GeoPoint, SortOrder};

use super::{ReadModel, Row, index::contains};
use crate::{
    catalogue::{
        cursor::Cursor,
        list::{KeyRow, Plan},
    },
    live,
};

/// A request's search terms and distance, prepared once.
struct Prepared<'p> {
    plan: &'p Plan,
    /// Lower-cased terms, in the order typed (a repeated term counts twice in
    /// the relevance score, as in SQL).
    terms: Vec<String>,
    /// `near` and its longitude weight.
    near: Option<(GeoPoint, f64)>,
}

impl Prepared<'_> {
    /// The squared planar distance to `near`, written exactly as the SQL
    /// expression is evaluated, so both give the same bits.
    fn d2(&self, row: &Row) -> Option<f64> {
        self.near.map(|(near, k)| {
            let dlat = row.lat - near.lat();
            let dlon = row.lon - near.lon();
            dlat * dlat + dlon * dlon * k
        })
    }

    /// How many terms the title holds (`sort=relevance`).
    fn score(&self, row: &Row) -> i64 {
        self.terms.iter().filter(|t| row.title.contains(t.as_str())).count() as i64
    }

    /// Every filter but the search terms (checked by the caller) and the
    /// cursor; `d2` is the row's [`Self::d2`].
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

    fn key(&self, row: &Row, d2: Option<f64>) -> KeyRow {
        KeyRow {
            id: row.id,
            published_at: Some(row.published_at),
            valid_until: row.valid_until,
            d2,
            score: (self.plan.sort == SortOrder::Relevance).then(|| self.score(row)),
        }
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

/// `a` before `b` in a computed order (`nearest`, `relevance`).
fn order(sort: SortOrder, a: &KeyRow, b: &KeyRow) -> Ordering {
    match sort {
        SortOrder::Nearest => a.d2.unwrap_or(0.0).total_cmp(&b.d2.unwrap_or(0.0)).then(a.id.cmp(&b.id)),
        _ => (b.score, b.published_at, b.id).cmp(&(a.score, a.published_at, a.id)),
    }
}

impl ReadModel {
    /// The page's keys for `plan`: at most `limit + 1`, in the page's order.
    pub(crate) fn keys(&self, plan: &Plan) -> Vec<KeyRow> {
        let prepared = Prepared {
            plan,
            terms: plan.terms.iter().map(|t| t.to_lowercase()).collect(),
            near: plan.near.map(|near| (near, Plan::lon_weight(near))),
        };
        // Positions holding every term, in the newest order; `None`: no search.
        let found: Option<Vec<u32>> = prepared.terms.split_first().map(|(first, rest)| {
            let mut found = self.index.matching(&self.rows, first);
            found.retain(|&pos| rest.iter().all(|t| contains(&self.rows[pos as usize], t)));
            found
        });
        let wanted = plan.limit as usize + 1;
        let keep = |pos: u32| -> Option<KeyRow> {
            let row = &self.rows[pos as usize];
            let d2 = prepared.d2(row);
            if !prepared.admits(row, d2) {
                return None;
            }
            let key = prepared.key(row, d2);
            plan.cursor.as_ref().is_none_or(|c| after(c, &key)).then_some(key)
        };
        match plan.sort {
            SortOrder::Newest => match &found {
                Some(found) => found.iter().filter_map(|&pos| keep(pos)).take(wanted).collect(),
                None => (0..self.rows.len() as u32).filter_map(keep).take(wanted).collect(),
            },
            SortOrder::EndingSoon => {
                let member = found.as_ref().map(|found| {
                    let mut member = vec![false; self.rows.len()];
                    for &pos in found {
                        member[pos as usize] = true;
                    }
                    member
                });
                self.ending
                    .iter()
                    .copied()
                    .filter(|&pos| member.as_ref().is_none_or(|m| m[pos as usize]))
                    .filter_map(keep)
                    .take(wanted)
                    .collect()
            }
            SortOrder::Nearest | SortOrder::Relevance => {
                let mut keys: Vec<KeyRow> = match &found {
                    Some(found) => found.iter().filter_map(|&pos| keep(pos)).collect(),
                    None => (0..self.rows.len() as u32).filter_map(keep).collect(),
                };
                let by = |a: &KeyRow, b: &KeyRow| order(plan.sort, a, b);
                if keys.len() > wanted {
                    keys.select_nth_unstable_by(wanted - 1, by);
                    keys.truncate(wanted);
                }
                keys.sort_unstable_by(by);
                keys
            }
        }
    }
}
