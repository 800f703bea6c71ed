//! Postings of grams — one character, or two adjacent ones — built the
//! first time a search needs them and kept while the model lives.
//!
//! A gram's posting is exact: the rows whose title holds it, and the rows
//! whose title or body holds it, found by scanning every distinct text of
//! the model once ([`super::texts`]) for the gram's bytes. So a term of one
//! or two characters (医院, 公园) is answered by its posting alone, and a
//! longer term's candidates are the rows in all its pairs' postings, checked
//! with a substring test ([`super::search`]).
//!
//! Built up front, the postings of every pair of every text took most of a
//! model's memory (1,058 MB RSS at 100,000 benefits, docs/benchmarks.md);
//! built per gram, a posting costs one scan the first time (14–17 ms at
//! 100,000 benefits, so a new four-character term, three pairs, about
//! 60 ms) and at most `rows / 4` bytes. The cache is
//! emptied when it passes [`CACHE_BYTES`], so no query stream can make it
//! grow without bound.

use std::{
    collections::HashMap,
    sync::{Arc, RwLock},
};

use super::{Row, rowset::RowSet, texts::Texts};

/// The bytes of postings a model keeps before it forgets them all.
const CACHE_BYTES: usize = 16 << 20;

/// One character, or two adjacent ones.
pub(super) type Gram = (char, Option<char>);

/// The rows holding one gram.
#[derive(Debug)]
pub(super) struct Posting {
    /// Rows whose title holds it.
    pub(super) title: RowSet,
    /// Rows whose title or body holds it.
    pub(super) any: RowSet,
}

/// The postings built so far.
#[derive(Debug, Default)]
pub(super) struct Postings {
    cache: RwLock<Cache>,
}

#[derive(Debug, Default)]
struct Cache {
    postings: HashMap<Gram, Arc<Posting>>,
    bytes: usize,
}

impl Postings {
    /// The posting of `gram`, built now if it is not kept.
    pub(super) fn get(&self, gram: Gram, texts: &Texts, rows: &[Row]) -> Arc<Posting> {
        if let Some(p) = self.cache.read().ok().and_then(|c| c.postings.get(&gram).cloned()) {
            return p;
        }
        // Built outside the lock: two requests may build the same gram at
        // once (one per worker thread at most), which costs time, not answers.
        let built = Arc::new(Posting::build(gram, texts, rows));
        let Ok(mut cache) = self.cache.write() else { return built };
        let bytes = built.title.bytes() + built.any.bytes();
        if cache.bytes + bytes > CACHE_BYTES {
            cache.postings.clear();
            cache.bytes = 0;
        }
        if !cache.postings.contains_key(&gram) {
            cache.bytes += bytes;
        }
        cache.postings.entry(gram).or_insert(built).clone()
    }
}

impl Posting {
    fn build(gram: Gram, texts: &Texts, rows: &[Row]) -> Posting {
        let mut pattern = String::with_capacity(8);
        pattern.push(gram.0);
        pattern.extend(gram.1);
        // Which texts hold the gram: one pass over all of them. A match that
        // runs over the end of a text into the next is not one.
        let (all, ends) = texts.joined();
        let mut holds = vec![false; ends.len()];
        let mut text = 0;
        for start in memchr::memmem::find_iter(all.as_bytes(), pattern.as_bytes()) {
            while ends[text] <= start {
                text += 1;
            }
            if start + pattern.len() <= ends[text] {
                holds[text] = true;
            }
        }
        let (mut title, mut any) = (Vec::new(), Vec::new());
        for (pos, row) in rows.iter().enumerate() {
            let in_title = row.title.iter().any(|&t| holds[t as usize]);
            if in_title || row.body.iter().any(|&t| holds[t as usize]) {
                any.push(pos as u32);
            }
            if in_title {
                title.push(pos as u32);
            }
        }
        Posting { title: RowSet::new(title, rows.len()), any: RowSet::new(any, rows.len()) }
    }
}

/// The grams whose postings hold every row containing `term` (lower-cased,
/// not empty): its character if it has one, else its adjacent pairs.
pub(super) fn grams(term: &str) -> Vec<Gram> {
    let chars: Vec<char> = term.chars().collect();
    let mut grams: Vec<Gram> = match chars.as_slice() {
        [c] => vec![(*c, None)],
        _ => chars.windows(2).map(|w| (w[0], Some(w[1]))).collect(),
    };
    grams.sort_unstable();
    grams.dedup();
    grams
}
