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
//! match ([`matching`]), the same floating-point distance expression
//! ([`grid`]) and the same orders and cursors ([`query`]).
//! `tests/tests/api/read_model.rs` checks this on generated catalogues and
//! queries, on both databases.
//!
//! What it costs is in docs/benchmarks.md: texts are interned ([`texts`]),
//! list items kept as JSON ready to copy ([`item`]),
//! search postings built per term when first searched ([`postings`]) from
//! an index of where each character is ([`text_index`]), and
//! `nearest` walks a grid instead of every row.

mod grid;
mod item;
mod load;
mod matching;
mod postings;
mod query;
mod rowset;
mod text_index;
mod texts;

use std::collections::HashMap;

use chrono::NaiveDate;
use linan_shared::Lang;

use self::{
    grid::Grid,
    item::{Pieces, Shown},
    postings::Postings,
    texts::Texts,
};

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
    /// The lines of `search_title` (already lower-cased when stored), as [`Texts`] ids.
    title: Box<[u32]>,
    /// The lines of `search_body`, likewise.
    body: Box<[u32]>,
    /// The minimum tiers of the benefit's eligibility rules.
    min_tiers: Box<[i64]>,
    /// The list item, per language.
    shown: Shown,
}

/// A snapshot of the public catalogue at one version.
#[derive(Debug, Default)]
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
    /// The search texts' lines and the list items' texts.
    texts: Texts,
    /// The list items' JSON, cut around their texts ([`item`]).
    pieces: Pieces,
    /// Search postings, built as searched.
    postings: Postings,
    /// The rows' points, for `nearest`.
    grid: Grid,
    /// A search whose smallest posting holds at most this many rows keys
    /// them all and selects the page ([`query`]).
    few: usize,
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

    /// The same model, walking every search in its order however few rows
    /// it matches: the tests compare both ways of choosing a page with SQL.
    pub fn walking_every_search(mut self) -> ReadModel {
        self.few = 0;
        self
    }

    /// How many distinct search-text lines it holds, and their bytes (for the build's log line).
    pub fn texts_held(&self) -> (usize, usize) {
        (self.texts.len(), self.texts.bytes())
    }

    /// Writes benefit `id`'s list item in `lang`, with `distance_km`, to
    /// `out` as serde_json writes a [`linan_shared::BenefitSummary`];
    /// `false`, writing nothing, where the SQL path lists no item either.
    pub(crate) fn write_item(&self, id: i64, lang: Lang, distance_km: Option<f64>, out: &mut Vec<u8>) -> bool {
        let Some(row) = self.by_id.get(&id).and_then(|&pos| self.rows.get(pos as usize)) else { return false };
        row.shown.write(&self.texts, &self.pieces, lang, distance_km, out)
    }
}
