//! Substring search over the rows' search texts.
//!
//! A term matches a row when it is a substring of the lower-cased title or
//! body — what `LIKE '%term%'` finds, Chinese of any length included
//! ([`crate::catalogue`]'s search module). The index keeps, for every
//! character and every pair of adjacent characters, the sorted positions of
//! the rows whose texts hold it. A term's candidates are the intersection of
//! its pairs' postings (of its character's, for a one-character term), and
//! each candidate is then checked with a plain substring test, so the index
//! only narrows and never decides.

use std::collections::HashMap;

use super::Row;

/// Postings of characters and adjacent pairs.
#[derive(Debug, Default)]
pub(super) struct TextIndex {
    chars: HashMap<char, Vec<u32>>,
    pairs: HashMap<(char, char), Vec<u32>>,
}

impl TextIndex {
    /// Indexes `rows`, whose positions are their indexes.
    pub(super) fn build(rows: &[Row]) -> Self {
        let mut index = TextIndex::default();
        let mut chars = Vec::new();
        let mut pairs = Vec::new();
        for (pos, row) in rows.iter().enumerate() {
            let pos = pos as u32;
            chars.clear();
            pairs.clear();
            for text in [&*row.title, &*row.body] {
                let mut previous = None;
                for c in text.chars() {
                    chars.push(c);
                    if let Some(p) = previous {
                        pairs.push((p, c));
                    }
                    previous = Some(c);
                }
            }
            chars.sort_unstable();
            chars.dedup();
            pairs.sort_unstable();
            pairs.dedup();
            // Positions are visited in increasing order, so every posting list stays sorted.
            for c in &chars {
                index.chars.entry(*c).or_default().push(pos);
            }
            for p in &pairs {
                index.pairs.entry(*p).or_default().push(pos);
            }
        }
        for list in index.chars.values_mut().chain(index.pairs.values_mut()) {
            list.shrink_to_fit();
        }
        index
    }

    /// The sorted positions of the rows whose title or body contains `term`
    /// (already lower-cased, not empty).
    pub(super) fn matching(&self, rows: &[Row], term: &str) -> Vec<u32> {
        let chars: Vec<char> = term.chars().collect();
        let mut lists: Vec<&[u32]> = Vec::new();
        if chars.len() == 1 {
            lists.push(self.chars.get(&chars[0]).map_or(&[][..], Vec::as_slice));
        } else {
            for w in chars.windows(2) {
                lists.push(self.pairs.get(&(w[0], w[1])).map_or(&[][..], Vec::as_slice));
            }
        }
        lists.sort_unstable_by_key(|l| l.len());
        let Some((first, rest)) = lists.split_first() else { return Vec::new() };
        first
            .iter()
            .copied()
            .filter(|pos| rest.iter().all(|l| l.binary_search(pos).is_ok()))
            .filter(|&pos| contains(&rows[pos as usize], term))
            .collect()
    }
}

/// Whether `row`'s title or body contains `term` (lower-cased).
pub(super) fn contains(row: &Row, term: &str) -> bool {
    row.title.contains(term) || row.body.contains(term)
}
