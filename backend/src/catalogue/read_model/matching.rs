//! A request's search terms against the model: which rows hold every term
//! and how many terms each title holds (`sort=relevance`).
//!
//! A term matches a row when it is a substring of one of the row's
//! lower-cased search texts — what `LIKE '%term%'` finds over `search_title`
//! and `search_body` ([`crate::catalogue`]'s search module). The postings of
//! a term's grams ([`super::postings`]) hold every such row; for a term of
//! one or two characters they hold exactly those, and a longer term is
//! checked on each candidate with a plain substring test, so the index only
//! narrows and never widens the definition.

use std::sync::Arc;

use super::{ReadModel, Row, postings::Posting, rowset::RowSet};

/// One lower-cased term and the postings of its grams.
struct Term {
    text: String,
    postings: Vec<Arc<Posting>>,
    /// Whether the postings are the answer (a term of at most two
    /// characters has one gram: itself).
    exact: bool,
}

/// The terms of one request.
pub(super) struct Matching<'m> {
    model: &'m ReadModel,
    /// In the order typed: a repeated term counts twice in the score, as in SQL.
    terms: Vec<Term>,
}

impl<'m> Matching<'m> {
    /// `None` when there are no terms.
    pub(super) fn new(model: &'m ReadModel, terms: &[String]) -> Option<Matching<'m>> {
        let terms: Vec<Term> = terms
            .iter()
            .map(|t| t.to_lowercase())
            .filter(|t| !t.is_empty())
            .map(|text| {
                let postings = model.postings.of_term(&text, &model.texts, model.rows.len());
                Term { exact: text.chars().nth(2).is_none(), text, postings }
            })
            .collect();
        (!terms.is_empty()).then_some(Matching { model, terms })
    }

    fn sets(&self, title: bool) -> impl Iterator<Item = &RowSet> {
        self.terms.iter().flat_map(|t| &t.postings).map(move |p| if title { &p.title } else { &p.any })
    }

    /// The smallest posting every matching row is in (`title`: every row
    /// whose title holds every term).
    pub(super) fn driver(&self, title: bool) -> &RowSet {
        // `new` keeps only terms with at least one gram.
        self.sets(title).min_by_key(|s| s.len()).unwrap_or_else(|| unreachable!("a term has a gram"))
    }

    /// Whether the row at `pos` holds every term.
    pub(super) fn matches(&self, pos: u32) -> bool {
        if !self.sets(false).all(|s| s.contains(pos)) {
            return false;
        }
        let row = &self.model.rows[pos as usize];
        self.terms.iter().all(|t| t.exact || self.holds(&row.title, &t.text) || self.holds(&row.body, &t.text))
    }

    /// How many terms the row's title holds.
    pub(super) fn score(&self, pos: u32) -> i64 {
        let row: &Row = &self.model.rows[pos as usize];
        self.terms
            .iter()
            .filter(|t| match t.exact {
                true => t.postings.iter().all(|p| p.title.contains(pos)),
                false => self.holds(&row.title, &t.text),
            })
            .count() as i64
    }

    /// How many terms there are.
    pub(super) fn len(&self) -> usize {
        self.terms.len()
    }

    fn holds(&self, texts: &[u32], term: &str) -> bool {
        texts.iter().any(|&t| self.model.texts.get(t).contains(term))
    }
}
