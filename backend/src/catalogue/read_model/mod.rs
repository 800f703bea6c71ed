//! The public catalogue's read model: the rows a list page is chosen from,
//! held in memory by each replica, so filters, search, eligibility, distance
//! and keyset pages are answered without the database.
//!
//! The database stays the truth. A model is a snapshot of one catalogue
//! version ([`super::version`]): the benefits that are published, of a
//! public partner ([`crate::live::public_condition`]), with their sort keys,
//! search texts, eligibility rules and list items in every language, so a
//! page needs no database connection at all. The day is applied per request
//! ([`crate::live::window_holds`]), so a model stays valid across midnight.
//! A replica uses its model only while the model's version is the one it
//! last read; in between (after any write, until the rebuild has finished)
//! the page is chosen by SQL, so nothing is ever shown that the database
//! would not show.
//!
//! The answer is exactly SQL's: the same `LIKE '%term%'` definition of a
//! match ([`index`]), the same floating-point distance expression and the
//! same orders and cursors ([`query`]). `tests/tests/api/read_model.rs`
//! checks this on generated catalogues and queries, on both databases.

mod index;
mod load;
mod query;

use std::{collections::HashMap, sync::Arc};

use chrono::NaiveDate;
use linan_shared::{BenefitSummary, Lang};

use self::index::TextIndex;

/// One public benefit, as the list needs it.
#[derive(Debug)]
struct Row {
    id: i64,
    partner_id: i64,
    district_id: i64,
    category_id: i64,
    /// Publication time (ms); never missing here (see [`load`]).
    published_at: i64,
    valid_from: NaiveDate,
    valid_until: NaiveDate,
    lat: f64,
    lon: f64,
    /// `search_title`, already lower-cased when stored.
    title: Box<str>,
    /// `search_body`, already lower-cased when stored.
    body: Box<str>,
    /// The minimum tiers of the benefit's eligibility rules.
    min_tiers: Box<[i64]>,
    /// The list item, per language.
    shown: Shown,
}

/// A benefit's list item in each language of [`Lang::ALL`] (without a
/// distance), made when the model is built; `None` where the SQL path would
/// skip the benefit too (an unreadable stored value). Languages whose item
/// is the same share one.
#[derive(Debug)]
struct Shown(Box<[Option<Arc<BenefitSummary>>]>);

/// A snapshot of the public catalogue at one version.
#[derive(Debug)]
pub struct ReadModel {
    version: i64,
    /// Whether it can answer (see [`ReadModel::load`]).
    usable: bool,
    /// In the `newest` order: `published_at` descending, then id descending.
    rows: Vec<Row>,
    /// Positions into `rows` in the `ending_soon` order: `valid_until`
    /// ascending, then id ascending.
    ending: Vec<u32>,
    /// Position of each benefit id in `rows`.
    by_id: HashMap<i64, u32>,
    index: TextIndex,
}

impl ReadModel {
    /// The catalogue version this model was read at.
    pub fn version(&self) -> i64 {
        self.version
    }

    /// Whether it answers exactly as SQL would; if not, the list uses SQL.
    pub fn usable(&self) -> bool {
        self.usable
    }

    /// How many public benefits it holds.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Benefit `id`'s list item in `lang`, with `distance_km`.
    pub(crate) fn item(&self, id: i64, lang: Lang, distance_km: Option<f64>) -> Option<BenefitSummary> {
        let row = &self.rows[*self.by_id.get(&id)? as usize];
        let at = Lang::ALL.iter().position(|l| *l == lang)?;
        let mut item = BenefitSummary::clone(row.shown.0.get(at)?.as_ref()?);
        item.distance_km = distance_km;
        Some(item)
    }
}
