//! Postings of search terms, built the first time a search names them and
//! kept while the model lives.
//!
//! A term's posting is exact: the rows whose title holds it, and the rows
//! whose title or body holds it, found by scanning the model's texts
//! ([`super::texts`]) that may hold it — the blocks holding all of its
//! characters ([`super::text_index`]) — for the term's bytes. So every term,
//! of any length, is answered by its posting alone (医院, 博物馆, museum):
//! no row is checked with a substring test at query time.
//!
//! Built up front, the postings of every character pair of every text took
//! most of a model's memory (1,058 MB RSS at 100,000 benefits,
//! docs/benchmarks.md); built per term, a posting costs one narrowed scan
//! the first time and at most `rows / 4` bytes. The cache is emptied when
//! it passes [`CACHE_BYTES`], counting what each kept posting costs even
//! when it is empty, so no query stream can make it grow without bound.

use std::{
    collections::HashMap,
    sync::{Arc, RwLock},
};

use super::{Row, rowset::RowSet, text_index::TextIndex, texts::Texts};

/// The bytes of postings a model keeps before it forgets them all.
const CACHE_BYTES: usize = 16 << 20;

/// What a kept posting costs besides its row sets and its term: its entry
/// in the map and its allocation (an empty posting must count, or a stream
/// of terms found nowhere would grow the map without bound).
const ENTRY_BYTES: usize = size_of::<(Box<str>, Arc<Posting>)>() + size_of::<[usize; 2]>() + size_of::<Posting>() + 1;

/// The rows holding one term.
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
    postings: HashMap<Box<str>, Arc<Posting>>,
    bytes: usize,
}

impl Postings {
    /// No postings yet, over `texts` as used by `rows` (in their final order).
    pub(super) fn new(texts: &Texts, rows: &[Row]) -> Postings {
        Postings { index: TextIndex::build(texts, rows), cache: RwLock::default() }
    }

    /// The posting of `term` (lower-cased, not empty), built now if it is
    /// not kept.
    pub(super) fn of_term(&self, term: &str, texts: &Texts, rows: usize) -> Arc<Posting> {
        if let Some(p) = self.cache.read().ok().and_then(|c| c.postings.get(term).cloned()) {
            return p;
        }
        // Built outside the lock: two requests may build the same term at
        // once (one per worker thread at most), which costs time, not answers.
        let built = Arc::new(Posting::build(term, texts, &self.index, rows));
        let Ok(mut cache) = self.cache.write() else { return built };
        let bytes = ENTRY_BYTES + term.len() + built.title.bytes() + built.any.bytes();
        if cache.bytes + bytes > CACHE_BYTES {
            cache.postings.clear();
            cache.bytes = 0;
        }
        if !cache.postings.contains_key(term) {
            cache.bytes += bytes;
        }
        cache.postings.entry(term.into()).or_insert(built).clone()
    }
}

impl Posting {
    fn build(term: &str, texts: &Texts, index: &TextIndex, rows: usize) -> Posting {
        let (mut title, mut any) = (Vec::new(), Vec::new());
        for text in index.holding(texts, term) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::read_model::texts::Interner;

    /// A stream of distinct terms found nowhere (empty postings) must not
    /// grow the cache past its bound: every kept entry costs a map slot and
    /// an allocation, at least 64 bytes, whatever its row sets hold.
    #[test]
    fn terms_found_nowhere_do_not_grow_the_cache_without_bound() {
        let texts = Interner::default().finish();
        let postings = Postings::new(&texts, &[]);
        let cjk = |i: usize| char::from_u32(0x4E00 + i as u32).unwrap();
        for i in 0..CACHE_BYTES / 32 {
            postings.of_term(&String::from_iter([cjk(i / 1024), cjk(i % 1024)]), &texts, 0);
        }
        let kept = postings.cache.read().unwrap().postings.len();
        assert!(kept * 64 <= CACHE_BYTES, "{kept} empty postings kept");
    }
}
