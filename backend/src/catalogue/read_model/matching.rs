//! A request's search terms against the model: which rows hold every term
//! and how many terms each title holds (`sort=relevance`).
//!
//! A term matches a row when it is a substring of one of the row's
//! lower-cased search texts — what `LIKE '%term%'` finds over `search_title`
//! and `search_body` ([`crate::catalogue`]'s search module). A term's
//! posting ([`super::postings`]) holds exactly those rows, and those whose
//! title holds it, so a row is matched and scored by its postings alone.

use std::sync::Arc;

use super::{ReadModel, postings::Posting, rowset::RowSet};

/// The terms of one request.
pub(super) struct Matching {
    /// The terms' postings, in the order typed: a repeated term counts
    /// twice in the score, as in SQL.
    terms: Vec<Arc<Posting>>,
}

impl Matching {
    /// `None` when there are no terms.
    pub(super) fn new(model: &ReadModel, terms: &[String]) -> Option<Matching> {
        let terms: Vec<Arc<Posting>> = terms
            .iter()
            .map(|t| t.to_lowercase())
            .filter(|t| !t.is_empty())
            .map(|term| model.postings.of_term(&term, &model.texts, model.rows.len()))
            .collect();
        (!terms.is_empty()).then_some(Matching { terms })
    }

    fn sets(&self, title: bool) -> impl Iterator<Item = &RowSet> {
        self.terms.iter().map(move |p| if title { &p.title } else { &p.any })
    }

    /// The smallest posting every matching row is in (`title`: every row
    /// whose title holds every term).
    pub(super) fn driver(&self, title: bool) -> &RowSet {
        // `new` keeps at least one term.
        self.sets(title).min_by_key(|s| s.len()).unwrap_or_else(|| unreachable!("a term has a posting"))
    }

    /// Whether the row at `pos` holds every term.
    pub(super) fn matches(&self, pos: u32) -> bool {
        self.sets(false).all(|s| s.contains(pos))
    }

    /// How many terms the row's title holds.
    pub(super) fn score(&self, pos: u32) -> i64 {
        self.sets(true).filter(|s| s.contains(pos)).count() as i64
    }

    /// How many terms there are.
    pub(super) fn len(&self) -> usize {
        self.terms.len()
    }
}
