//! A set of row positions: sorted positions when few, a bitmap when many,
//! so no set of a model of `n` rows takes more than `n / 8` bytes (10.7 KB
//! at 85,000 rows).

/// Row positions, iterated in increasing order (the `newest` order).
#[derive(Debug)]
pub(super) enum RowSet {
    /// Sorted positions.
    Sparse(Box<[u32]>),
    /// Bit `i` of word `i / 64` is set when position `i` is in; with the count.
    Dense(Box<[u64]>, usize),
}

impl RowSet {
    /// The set of `positions` (sorted, distinct) among `rows` rows.
    pub(super) fn new(positions: Vec<u32>, rows: usize) -> RowSet {
        // A position costs 32 bits listed, a row one bit in the bitmap.
        if positions.len() * 32 <= rows {
            return RowSet::Sparse(positions.into_boxed_slice());
        }
        let mut words = vec![0u64; rows.div_ceil(64)];
        for &pos in &positions {
            words[pos as usize / 64] |= 1 << (pos % 64);
        }
        RowSet::Dense(words.into_boxed_slice(), positions.len())
    }

    /// How many positions it holds.
    pub(super) fn len(&self) -> usize {
        match self {
            RowSet::Sparse(list) => list.len(),
            RowSet::Dense(_, count) => *count,
        }
    }

    /// Whether `pos` is in.
    pub(super) fn contains(&self, pos: u32) -> bool {
        match self {
            RowSet::Sparse(list) => list.binary_search(&pos).is_ok(),
            RowSet::Dense(words, _) => words.get(pos as usize / 64).is_some_and(|w| w & (1 << (pos % 64)) != 0),
        }
    }

    /// The positions, in increasing order.
    pub(super) fn iter(&self) -> Iter<'_> {
        match self {
            RowSet::Sparse(list) => Iter::Sparse(list.iter()),
            RowSet::Dense(words, _) => Iter::Dense { words, at: 0, word: words.first().copied().unwrap_or(0) },
        }
    }

    /// Bytes held.
    pub(super) fn bytes(&self) -> usize {
        match self {
            RowSet::Sparse(list) => size_of_val(&**list),
            RowSet::Dense(words, _) => size_of_val(&**words),
        }
    }
}

/// [`RowSet::iter`].
pub(super) enum Iter<'a> {
    Sparse(std::slice::Iter<'a, u32>),
    /// `word`: what is left of `words[at]`.
    Dense {
        words: &'a [u64],
        at: usize,
        word: u64,
    },
}

impl Iterator for Iter<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        match self {
            Iter::Sparse(it) => it.next().copied(),
            Iter::Dense { words, at, word } => loop {
                if *word != 0 {
                    let bit = word.trailing_zeros();
                    *word &= *word - 1;
                    return Some((*at * 64) as u32 + bit);
                }
                *at += 1;
                *word = *words.get(*at)?;
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_forms_hold_and_list_the_same_positions() {
        let positions: Vec<u32> = vec![0, 3, 63, 64, 65, 127, 199];
        for rows in [200, 10_000] {
            let set = RowSet::new(positions.clone(), rows);
            assert_eq!(matches!(set, RowSet::Dense(..)), rows == 200);
            assert_eq!(set.len(), positions.len());
            assert_eq!(set.iter().collect::<Vec<_>>(), positions);
            assert!((0..rows as u32).all(|p| set.contains(p) == positions.contains(&p)));
        }
        assert_eq!(RowSet::new(Vec::new(), 0).iter().count(), 0);
    }
}
