//! Interned texts: each distinct string of a model once, in one buffer,
//! named by a `u32`.
//!
//! Most of a catalogue's text repeats: a partner's name and address are in
//! every one of its benefits' search texts, Chinese titles are the same
//! lower-cased and shown, and terms and conditions are shared across offers.
//! One buffer also lets a postings build scan every text in one pass
//! ([`super::postings`]). A text never straddles two ids: the buffer's
//! boundaries are kept in `ends`.
//!
//! A list page writes texts as JSON strings ([`Texts::write_json`]); which
//! texts JSON must escape is found once, when they are added, so the others
//! are copied as they are.

use std::{
    fmt,
    hash::{BuildHasher, RandomState},
};

use hashbrown::HashTable;

/// The distinct texts of a model.
#[derive(Default)]
pub(super) struct Texts {
    /// Every text, one after the other.
    buf: String,
    /// Where each text ends in `buf`; text `i` starts where `i - 1` ends.
    ends: Vec<usize>,
    /// Bit `i % 64` of word `i / 64` is set when text `i` holds a byte that
    /// JSON escapes.
    escaped: Vec<u64>,
}

/// Their count and size: printing tens of megabytes of text helps no one.
impl fmt::Debug for Texts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Texts").field("count", &self.len()).field("bytes", &self.bytes()).finish()
    }
}

impl Texts {
    /// Text `id`.
    pub(super) fn get(&self, id: u32) -> &str {
        let id = id as usize;
        let start = if id == 0 { 0 } else { self.ends[id - 1] };
        &self.buf[start..self.ends[id]]
    }

    /// Writes text `id` as a JSON string, exactly as serde_json writes it.
    pub(super) fn write_json(&self, id: u32, out: &mut Vec<u8>) {
        let text = self.get(id);
        if self.escaped.get(id as usize / 64).is_some_and(|w| w & (1 << (id % 64)) != 0) {
            // Writing to a Vec cannot fail.
            let _ = serde_json::to_writer(out, text);
        } else {
            out.push(b'"');
            out.extend_from_slice(text.as_bytes());
            out.push(b'"');
        }
    }

    /// How many texts there are.
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// All texts as one string (for scanning), with where each ends.
    pub(super) fn joined(&self) -> (&str, &[usize]) {
        (&self.buf, &self.ends)
    }

    /// Bytes held.
    pub(super) fn bytes(&self) -> usize {
        self.buf.capacity() + self.ends.capacity() * size_of::<usize>()
    }
}

/// Builds [`Texts`], giving a repeated string the id it had the first time.
#[derive(Default)]
pub(super) struct Interner {
    texts: Texts,
    /// Ids, found by the hash of their text (the text itself stays in `texts` only).
    table: HashTable<u32>,
    hasher: RandomState,
}

impl Interner {
    /// The id of `s`, adding it if new.
    pub(super) fn intern(&mut self, s: &str) -> u32 {
        let hash = self.hasher.hash_one(s);
        let texts = &self.texts;
        if let Some(&id) = self.table.find(hash, |&id| texts.get(id) == s) {
            return id;
        }
        // Positions of rows are `u32` too: a model of four billion texts would not fit in memory.
        let id = self.texts.ends.len() as u32;
        self.texts.buf.push_str(s);
        self.texts.ends.push(self.texts.buf.len());
        if id.is_multiple_of(64) {
            self.texts.escaped.push(0);
        }
        if s.bytes().any(escaped_in_json)
            && let Some(word) = self.texts.escaped.last_mut()
        {
            *word |= 1 << (id % 64);
        }
        let (texts, hasher) = (&self.texts, &self.hasher);
        self.table.insert_unique(hash, id, |&id| hasher.hash_one(texts.get(id)));
        id
    }

    /// The ids of the lines of `text` (split at `\n`). A search term never
    /// holds a line break (terms are split on whitespace), so it is in
    /// `text` exactly when it is in one of its lines.
    pub(super) fn lines(&mut self, text: &str) -> Box<[u32]> {
        text.split('\n').map(|line| self.intern(line)).collect()
    }

    /// The texts, their buffers trimmed.
    pub(super) fn finish(self) -> Texts {
        let mut texts = self.texts;
        texts.buf.shrink_to_fit();
        texts.ends.shrink_to_fit();
        texts.escaped.shrink_to_fit();
        texts
    }
}

/// Whether JSON writes `byte` escaped: a quote, a backslash or a control
/// character (serde_json escapes these and nothing else).
fn escaped_in_json(byte: u8) -> bool {
    byte < 0x20 || byte == b'"' || byte == b'\\'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_text_keeps_its_first_id() {
        let mut interner = Interner::default();
        let a = interner.intern("公园");
        let b = interner.intern("park");
        assert_eq!(interner.intern("公园"), a);
        assert_eq!(&*interner.lines("park\n\n公园"), &[b, 2, a]);
        let texts = interner.finish();
        assert_eq!((texts.get(a), texts.get(b), texts.get(2), texts.len()), ("公园", "park", "", 3));
    }

    #[test]
    fn a_text_is_written_as_serde_json_writes_it() {
        let mut interner = Interner::default();
        let mut samples: Vec<String> = (0..200).map(|i| format!("公园 {i}")).collect();
        for odd in ["\"", "\\", "\n", "\u{1}", "\u{1f}", "\u{7f}", "\u{2028}", "</script>", "é", ""] {
            samples.push(format!("西樵{odd}山"));
        }
        let ids: Vec<u32> = samples.iter().map(|s| interner.intern(s)).collect();
        let texts = interner.finish();
        for (id, sample) in ids.into_iter().zip(&samples) {
            let mut out = Vec::new();
            texts.write_json(id, &mut out);
            assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(sample).unwrap());
        }
    }
}
