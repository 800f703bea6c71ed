//! Postings of grams — one character, or two adjacent ones — built the
//! first time a search needs them and kept while the model lives.
//!
//! A gram's posting is exact: the rows whose title holds it, and the rows
//! whose title or body holds it, found by scanning the model's texts
//! ([`super::texts`]) that may hold it ([`super::text_index`]) for the
//! gram's bytes. So a term of one or two characters (医院, 公园) is answered
//! by its posting alone, and a longer term's candidates are the rows in the
//! postings of its two least common pairs, checked with a substring test
//! ([`super::matching`]).
//!
//! Built up front, the postings of every pair of every text took most of a
//! model's memory (1,058 MB RSS at 100,000 benefits, docs/benchmarks.md);
//! built per gram, a posting costs one narrowed scan the first time and at
//! most `rows / 4` bytes. The cache is emptied when it passes
//! [`CACHE_BYTES`], counting what each kept posting costs even when it is
//! empty, so no query stream can make it grow without bound.

use std::{
    collections::HashMap,
    sync::{Arc, RwLock},
};

use super::{Row, rowset::RowSet, text_index::TextIndex, texts::Texts};

/// The bytes of postings a model keeps before it forgets them all.
const CACHE_BYTES: usize = 16 << 20;

/// What a kept posting costs besides its row sets: its entry in the map
/// and its allocation (an empty posting must count, or a stream of grams
/// found nowhere would grow the map without bound).
const ENTRY_BYTES: usize = size_of::<(Gram, Arc<Posting>)>() + size_of::<[usize; 2]>() + size_of::<Posting>() + 1;

/// The grams of a longer term whose postings are built: the candidates of
/// the least common two are few enough, and every candidate is checked.
const GRAMS_PER_TERM: usize = 2;

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

/// The postings built so far, and the index their builds read.
#[derive(Debug, Default)]
pub(super) struct Postings {
    index: TextIndex,
    cache: RwLock<Cache>,
}

#[derive(Debug, Default)]
struct Cache {
    postings: HashMap<Gram, Arc<Posting>>,
    bytes: usize,
}

impl Postings {
    /// No postings yet, over `texts` as used by `rows` (in their final order).
    pub(super) fn new(texts: &Texts, rows: &[Row]) -> Postings {
        Postings { index: TextIndex::build(texts, rows), cache: RwLock::default() }
    }

    /// The postings that hold every row containing `term` (lower-cased, not
    /// empty): its one gram when it has one or two characters (then exactly
    /// the rows containing it), else those of its [`GRAMS_PER_TERM`] least
    /// common pairs.
    pub(super) fn of_term(&self, term: &str, texts: &Texts, rows: usize) -> Vec<Arc<Posting>> {
        let mut chosen = grams(term);
        chosen.sort_by_cached_key(|&gram| self.index.reach(gram));
        chosen.truncate(GRAMS_PER_TERM);
        chosen.into_iter().map(|gram| self.get(gram, texts, rows)).collect()
    }

    /// The posting of `gram`, built now if it is not kept.
    fn get(&self, gram: Gram, texts: &Texts, rows: usize) -> Arc<Posting> {
        if let Some(p) = self.cache.read().ok().and_then(|c| c.postings.get(&gram).cloned()) {
            return p;
        }
        // Built outside the lock: two requests may build the same gram at
        // once (one per worker thread at most), which costs time, not answers.
        let built = Arc::new(Posting::build(gram, texts, &self.index, rows));
        let Ok(mut cache) = self.cache.write() else { return built };
        let bytes = ENTRY_BYTES + built.title.bytes() + built.any.bytes();
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
    fn build(gram: Gram, texts: &Texts, index: &TextIndex, rows: usize) -> Posting {
        let (mut title, mut any) = (Vec::new(), Vec::new());
        for text in index.holding(texts, gram) {
            for &used in index.uses(text) {
                any.push(used >> 1);
                if used & 1 == 1 {
                    title.push(used >> 1);
                }
            }
        }
        for list in [&mut title, &mut any] {
            list.sort_unstable();
            list.dedup();
        }
        Posting { title: RowSet::new(title, rows), any: RowSet::new(any, rows) }
    }
}

/// The grams whose postings hold every row containing `term` (lower-cased,
/// not empty): its character if it has one, else its adjacent pairs.
fn grams(term: &str) -> Vec<Gram> {
    let chars: Vec<char> = term.chars().collect();
    let mut grams: Vec<Gram> = match chars.as_slice() {
        [c] => vec![(*c, None)],
        _ => chars.windows(2).map(|w| (w[0], Some(w[1]))).collect(),
    };
    grams.sort_unstable();
    grams.dedup();
    grams
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::read_model::texts::Interner;

    /// A stream of distinct grams found nowhere (empty postings) must not
    /// grow the cache past its bound: every kept entry costs a map slot and
    /// an allocation, at least 64 bytes, whatever its row sets hold.
    #[test]
    fn grams_found_nowhere_do_not_grow_the_cache_without_bound() {
        let texts = Interner::default().finish();
        let postings = Postings::new(&texts, &[]);
        let cjk = |i: usize| char::from_u32(0x4E00 + i as u32).unwrap();
        for i in 0..CACHE_BYTES / 32 {
            postings.get((cjk(i / 1024), Some(cjk(i % 1024))), &texts, 0);
        }
        let kept = postings.cache.read().unwrap().postings.len();
        assert!(kept * 64 <= CACHE_BYTES, "{kept} empty postings kept");
    }
}
