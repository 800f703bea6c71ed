//! Where a term can be: which blocks of texts hold each character, and
//! which rows use each text — what a posting's build reads instead of
//! every text of the model.
//!
//! Without it, the first search of a character pair scanned all of a
//! model's texts (37 MB at 100,000 benefits, 14–17 ms) and then every row,
//! on the request's thread; a query of up to 100 characters named dozens of
//! pairs, so anyone could ask for a second of work. With it, a build scans
//! only the blocks holding every character of the term and visits only the
//! rows using a text that holds it: a term with a rare character, or one
//! that is nowhere, costs microseconds, and a common one about what its
//! posting holds. The index costs at most a bit per block for each distinct
//! character, and four bytes per line of each row's search texts.

use std::collections::HashMap;

use memchr::memmem;

use super::{Row, rowset::RowSet, texts::Texts};

/// Texts per block: a smaller block narrows a scan more and costs more bits.
const BLOCK: usize = 16;

/// The character and use index of one model's texts.
#[derive(Debug, Default)]
pub(super) struct TextIndex {
    /// The blocks holding each character; block `b` is texts `b * BLOCK`
    /// up to, not including, `(b + 1) * BLOCK`.
    blocks: HashMap<char, RowSet>,
    /// Text `t`'s uses are `uses[starts[t]..starts[t + 1]]`.
    starts: Box<[u32]>,
    /// Each use of a text by a row: the row's position shifted left by one,
    /// plus one when the text is a line of the row's title.
    uses: Box<[u32]>,
}

impl TextIndex {
    /// The index of `texts` as used by `rows` (in their final order).
    pub(super) fn build(texts: &Texts, rows: &[Row]) -> TextIndex {
        let (all, ends) = texts.joined();
        let count = ends.len().div_ceil(BLOCK);
        let mut lists: HashMap<char, Vec<u32>> = HashMap::new();
        let mut chars = Vec::new();
        for block in 0..count {
            let (start, end) = span(ends, block * BLOCK, ((block + 1) * BLOCK).min(ends.len()));
            chars.clear();
            chars.extend(all[start..end].chars());
            chars.sort_unstable();
            chars.dedup();
            for &c in &chars {
                lists.entry(c).or_default().push(block as u32);
            }
        }
        let blocks = lists.into_iter().map(|(c, list)| (c, RowSet::new(list, count))).collect();

        let mut starts = vec![0u32; ends.len() + 1];
        for row in rows {
            for (t, _) in lines(row) {
                starts[t as usize + 1] += 1;
            }
        }
        for t in 1..starts.len() {
            starts[t] += starts[t - 1];
        }
        let mut next = starts.clone();
        let mut uses = vec![0u32; starts[ends.len()] as usize];
        for (pos, row) in rows.iter().enumerate() {
            for (t, in_title) in lines(row) {
                let at = &mut next[t as usize];
                uses[*at as usize] = (pos as u32) << 1 | in_title;
                *at += 1;
            }
        }
        TextIndex { blocks, starts: starts.into(), uses: uses.into() }
    }

    /// The texts that hold `pattern` (not empty), in increasing order.
    pub(super) fn holding(&self, texts: &Texts, pattern: &str) -> Vec<u32> {
        let finder = memmem::Finder::new(pattern.as_bytes());
        let (all, ends) = texts.joined();
        let mut found = Vec::new();
        for block in self.candidates(pattern) {
            let first = block as usize * BLOCK;
            let (start, end) = span(ends, first, (first + BLOCK).min(ends.len()));
            let mut text = first;
            for at in finder.find_iter(&all.as_bytes()[start..end]) {
                let at = start + at;
                while ends[text] <= at {
                    text += 1;
                }
                // A match running over the end of a text into the next is not one.
                if at + pattern.len() <= ends[text] && found.last() != Some(&(text as u32)) {
                    found.push(text as u32);
                }
            }
        }
        found
    }

    /// The uses of text `t`: each a row's position shifted left by one, plus
    /// one when `t` is a line of that row's title.
    pub(super) fn uses(&self, t: u32) -> &[u32] {
        let t = t as usize;
        self.starts.get(t + 1).map_or(&[], |&end| &self.uses[self.starts[t] as usize..end as usize])
    }

    /// The blocks holding every character of `pattern`, in increasing order.
    fn candidates(&self, pattern: &str) -> Vec<u32> {
        let mut chars: Vec<char> = pattern.chars().collect();
        chars.sort_unstable();
        chars.dedup();
        let Some(mut sets) = chars.iter().map(|c| self.blocks.get(c)).collect::<Option<Vec<&RowSet>>>() else {
            return Vec::new();
        };
        sets.sort_by_key(|set| set.len());
        let Some((few, rest)) = sets.split_first() else { return Vec::new() };
        few.iter().filter(|&block| rest.iter().all(|set| set.contains(block))).collect()
    }
}

/// The lines of `row`'s search texts, each with 1 when it is one of the title's.
fn lines(row: &Row) -> impl Iterator<Item = (u32, u32)> + '_ {
    row.title.iter().map(|&t| (t, 1)).chain(row.body.iter().map(|&t| (t, 0)))
}

/// The bytes of texts `first` up to, not including, `end` (`first < end`).
fn span(ends: &[usize], first: usize, end: usize) -> (usize, usize) {
    (if first == 0 { 0 } else { ends[first - 1] }, ends[end - 1])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::read_model::texts::Interner;

    /// Every pattern over the texts' characters (and some found nowhere)
    /// is held by exactly the texts a plain substring test finds, across
    /// blocks, with matches that would run from one text into the next.
    #[test]
    fn holding_is_a_substring_test_of_every_text() {
        let mut interner = Interner::default();
        let words = ["公园", "园公", "医院", "", "公", "园", "ab", "ba", "a", "b", "公园医院", "湿地公园"];
        // 60 texts over four blocks; neighbours end and begin with the
        // two halves of a pattern ("…公" then "园…").
        for i in 0..60 {
            interner.intern(&format!("{i}{}", words[i % words.len()]));
        }
        let texts = interner.finish();
        let index = TextIndex::build(&texts, &[]);
        let chars = ['公', '园', '医', '院', '湿', 'a', 'b', '1', '0', 'z'];
        let mut patterns: Vec<String> = chars.iter().map(|c| c.to_string()).collect();
        for a in chars {
            for b in chars {
                patterns.push(String::from_iter([a, b]));
                patterns.extend(chars.iter().map(|&c| String::from_iter([a, b, c])));
            }
        }
        patterns.extend(["公园医院", "湿地公园", "1公园", "园医", "院1"].map(String::from));
        for pattern in patterns {
            let expected: Vec<u32> = (0..texts.len() as u32).filter(|&t| texts.get(t).contains(&pattern)).collect();
            assert_eq!(index.holding(&texts, &pattern), expected, "{pattern}");
        }
    }
}
