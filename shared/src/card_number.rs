//! The card number: one type and one rule for every place a number is typed,
//! scanned, imported or looked up — the import, cardholder sign-in, the
//! counter, the integrity list, the widget and the portal.
//!
//! The rule: every blank is dropped (Unicode white space included, e.g. the
//! ideographic space U+3000 an IME types), full-width letters and digits
//! (`ＬＷ２０２６…`) become ASCII, letters are upper-cased; then the number
//! must be 0–8 letters `A-Z` followed by 4–24 digits, the shape every
//! scheme's [`crate::CardNumberFormat`] has. Whether it is a number *of a
//! given scheme* (prefix, length, check digit) is that format's question.
//!
//! # Examples
//!
//! ```
//! use linan_shared::CardNumber;
//!
//! let n = CardNumber::parse(" lw 2026\u{3000}000014 ").unwrap();
//! assert_eq!(n.as_str(), "LW2026000014");
//! assert_eq!(CardNumber::parse("ＬＷ２０２６００００１４").unwrap(), n);
//! assert!(CardNumber::parse("LW-2026").is_err());
//! assert!(CardNumber::parse("").is_err());
//! ```

use std::fmt;

use crate::CardNumberError;

/// Longest card number, blanks removed (8 letters and 24 digits).
pub const MAX_CARD_NUMBER_CHARS: usize = 32;

/// Most letters before the digits.
const MAX_PREFIX: usize = 8;

/// Fewest and most digits after the letters.
const DIGITS: std::ops::RangeInclusive<usize> = 4..=24;

/// A card number in its one normal form (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CardNumber(String);

/// The ASCII character of a full-width form (U+FF01–U+FF5E), or `c` itself.
fn narrow(c: char) -> char {
    match u32::from(c) {
        cp @ 0xFF01..=0xFF5E => char::from_u32(cp - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

impl CardNumber {
    /// Parses a number as typed, scanned or read from a file.
    pub fn parse(raw: &str) -> Result<CardNumber, CardNumberError> {
        // Bounded before normalising: the input may be a megabyte of anything.
        if raw.len() > 8 * MAX_CARD_NUMBER_CHARS {
            return Err(CardNumberError::new("a card number has at most 32 letters and digits"));
        }
        let number: String =
            raw.chars().filter(|c| !c.is_whitespace()).map(narrow).map(|c| c.to_ascii_uppercase()).collect();
        if number.is_empty() {
            return Err(CardNumberError::new("a card number is required"));
        }
        let letters = number.bytes().take_while(u8::is_ascii_uppercase).count();
        let digits = &number.as_bytes()[letters..];
        if letters > MAX_PREFIX || !DIGITS.contains(&digits.len()) || !digits.iter().all(u8::is_ascii_digit) {
            return Err(CardNumberError::new(
                "a card number is up to 8 letters followed by 4 to 24 digits, e.g. LW2026000014",
            ));
        }
        Ok(CardNumber(number))
    }

    /// The number, e.g. `LW2026000014`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number as an owned string.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for CardNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for CardNumber {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for CardNumber {
    type Err = CardNumberError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CardNumber::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_blank_and_case_and_width_gives_one_number() {
        for raw in [
            "LW2026000014",
            "lw2026000014",
            " Lw 2026 0000 14 ",
            "LW\t2026\n000014",
            "LW\u{3000}2026\u{00A0}000014\u{2009}",
            "ＬＷ２０２６００００１４",
            "ｌｗ２０２６ ０００ ０１４",
        ] {
            assert_eq!(CardNumber::parse(raw).map(CardNumber::into_string), Ok("LW2026000014".to_owned()), "{raw:?}");
        }
    }

    #[test]
    fn the_shape_is_letters_then_digits() {
        assert!(CardNumber::parse("123456").is_ok(), "a scheme may have no prefix");
        assert!(CardNumber::parse("YF202600000013").is_ok());
        for bad in ["", "   ", "LW", "LW123", "LW2026-000014", "2026LW0000", "ABCDEFGHI1234", "LWÉ1234", "L W 1 2 3"] {
            assert!(CardNumber::parse(bad).is_err(), "{bad:?}");
        }
        assert!(CardNumber::parse(&"1".repeat(25)).is_err());
        assert!(CardNumber::parse(&" ".repeat(10_000)).is_err());
        assert!(CardNumber::parse(&format!("ABCDEFGH{}", "1".repeat(24))).is_ok());
    }
}
