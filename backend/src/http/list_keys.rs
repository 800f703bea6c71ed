//! The cache keys of list requests read lately, found by their raw form, so
//! a cached page is answered without parsing its query again.
//!
//! To find a cached page, the front ([`super::front`]) parsed the query,
//! wrote its canonical form, cloned the database's epoch and formatted the
//! cache key on every request: over a quarter of the instructions a 304 cost
//! (callgrind, docs/benchmarks.md). A list request's key depends only on its
//! raw query, its `Accept-Language` (the answer's language when the query
//! names none), the catalogue's epoch and version and the day
//! ([`ListRequest::read`]). So the key read once is kept under the raw query
//! and the header, stamped with the version and the day, and used while
//! they hold; the table is emptied with the response cache (a new version
//! or epoch) and past [`MAX_KEYS`], so no stream of distinct queries grows
//! it without bound. Only requests read without error are kept: a bad
//! parameter still goes down the stack to its 400.

use std::{
    hash::{BuildHasher, Hash, Hasher, RandomState},
    sync::{Arc, RwLock},
};

use axum::http::{HeaderMap, header::ACCEPT_LANGUAGE};
use chrono::NaiveDate;
use hashbrown::HashTable;

use super::cached::CacheKey;
use crate::{routes::benefits::ListRequest, state::AppState};

/// Keys kept before the table is emptied (about 200 bytes each).
const MAX_KEYS: usize = 4096;

/// The keys of the list requests read since the last version change.
#[derive(Default)]
pub struct ListKeys {
    table: RwLock<HashTable<Entry>>,
    hasher: RandomState,
}

impl std::fmt::Debug for ListKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ListKeys").field("kept", &self.table.read().map_or(0, |t| t.len())).finish()
    }
}

/// One request's raw form, its stamp and its key.
struct Entry {
    hash: u64,
    query: Box<str>,
    language: Option<Box<[u8]>>,
    version: i64,
    day: NaiveDate,
    key: Arc<CacheKey>,
}

impl ListKeys {
    /// The cache key of `GET /api/v1/benefits?{query}` with `headers`;
    /// `None` when the request does not read (the stack answers its 400).
    pub fn key(&self, state: &AppState, query: &str, headers: &HeaderMap) -> Option<Arc<CacheKey>> {
        let language = headers.get(ACCEPT_LANGUAGE).map(|v| v.as_bytes());
        let hash = self.hash(query, language);
        let (version, day) = (state.catalogue.version(), state.clock.today());
        let same = |e: &Entry| e.hash == hash && &*e.query == query && e.language.as_deref() == language;
        if let Ok(table) = self.table.read()
            && let Some(entry) = table.find(hash, same)
            && (entry.version, entry.day) == (version, day)
        {
            return Some(entry.key.clone());
        }
        let pairs = super::query::QueryPairs::parse(query)?;
        let key = Arc::new(ListRequest::read(state, headers, &pairs).ok()?.key);
        if let Ok(mut table) = self.table.write() {
            if table.len() >= MAX_KEYS {
                table.clear();
            }
            let entry =
                Entry { hash, query: query.into(), language: language.map(Into::into), version, day, key: key.clone() };
            match table.find_mut(hash, same) {
                Some(kept) => *kept = entry,
                None => {
                    table.insert_unique(hash, entry, |e| e.hash);
                }
            }
        }
        Some(key)
    }

    /// Forgets every key (with the response cache: a new version or epoch).
    pub fn clear(&self) {
        if let Ok(mut table) = self.table.write() {
            table.clear();
        }
    }

    fn hash(&self, query: &str, language: Option<&[u8]>) -> u64 {
        let mut hasher = self.hasher.build_hasher();
        query.hash(&mut hasher);
        language.hash(&mut hasher);
        hasher.finish()
    }
}
