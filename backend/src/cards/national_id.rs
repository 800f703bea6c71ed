//! PRC resident identity card numbers (居民身份证号码, GB 11643-1999):
//! normalisation and validation, so that one person always hashes to the
//! same identity and typos are caught at import.
//!
//! Eighteen characters: six of region, eight of birth date (`YYYYMMDD`),
//! three of sequence, and an ISO 7064 MOD 11-2 check character (`0`–`9` or
//! `X`). The region is not checked against a list (permanent residence
//! cards of foreigners use the same layout with other leading digits), only
//! that it does not start with `0`.
//!
//! A [`NationalId`] never prints its value: `Debug` is redacted, and no
//! error names it.

use std::fmt;

use chrono::{Datelike, NaiveDate};

/// Weights of the seventeen leading digits in the check sum.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/// The check character for each remainder of the weighted sum mod 11.
const CHECK: [u8; 11] = *b"10X98765432";

/// Why a string is not a valid ID number. The messages never contain it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// Not 18 characters of the allowed kinds.
    #[error("an ID number is eighteen characters: seventeen digits, then a digit or X")]
    Shape,
    /// The region part starts with 0.
    #[error("the region part of the ID number is not valid")]
    Region,
    /// The birth date part is not a day between 1900 and today.
    #[error("the birth date inside the ID number is not a plausible date")]
    BirthDate,
    /// The last character does not match the others.
    #[error("the ID number's check character does not match (a typo?)")]
    CheckDigit,
}

/// A validated, normalised (upper-case `X`) ID number.
#[derive(Clone, PartialEq, Eq)]
pub struct NationalId([u8; 18]);

impl fmt::Debug for NationalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NationalId([redacted])")
    }
}

/// The check character of the first seventeen digits (ASCII digits).
pub fn check_character(digits: &[u8; 17]) -> u8 {
    let sum: u32 = digits.iter().zip(WEIGHTS).map(|(d, w)| u32::from(d - b'0') * w).sum();
    CHECK[(sum % 11) as usize]
}

impl NationalId {
    /// Parses an ID number as written in a file or form: blanks around it
    /// are ignored and a lower-case `x` is accepted. `today` bounds the
    /// birth date.
    pub fn parse(raw: &str, today: NaiveDate) -> Result<Self, IdError> {
        let bytes = raw.trim().as_bytes();
        let Ok(mut id) = <[u8; 18]>::try_from(bytes) else { return Err(IdError::Shape) };
        id[17] = id[17].to_ascii_uppercase();
        if !id[..17].iter().all(u8::is_ascii_digit) || !(id[17].is_ascii_digit() || id[17] == b'X') {
            return Err(IdError::Shape);
        }
        if id[0] == b'0' {
            return Err(IdError::Region);
        }
        let num = |r: std::ops::Range<usize>| id[r].iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
        let year = i32::try_from(num(6..10)).map_err(|_| IdError::BirthDate)?;
        let born = NaiveDate::from_ymd_opt(year, num(10..12), num(12..14)).ok_or(IdError::BirthDate)?;
        if born.year() < 1900 || born > today {
            return Err(IdError::BirthDate);
        }
        let mut digits = [0u8; 17];
        digits.copy_from_slice(&id[..17]);
        if check_character(&digits) != id[17] {
            return Err(IdError::CheckDigit);
        }
        Ok(NationalId(id))
    }

    /// The normalised bytes, to hash (never to store or print).
    pub(super) fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The last four characters: half of the cardholder's second factor.
    pub(super) fn last4(&self) -> &[u8] {
        &self.0[14..]
    }

    /// The birth date, eight digits `YYYYMMDD` (checked in `parse`): the
    /// other half of the second factor.
    pub(super) fn birth_date(&self) -> &[u8] {
        &self.0[6..14]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    /// The published example of GB 11643-1999 and a few made-up numbers.
    #[test]
    fn the_check_character_follows_iso_7064_mod_11_2() {
        assert_eq!(check_character(b"11010519491231002"), b'X');
        assert_eq!(check_character(b"44010319900101000"), b'6');
        assert!(NationalId::parse("11010519491231002X", day()).is_ok());
        assert!(NationalId::parse(" 11010519491231002x ", day()).is_ok());
        assert_eq!(NationalId::parse("110105194912310021", day()), Err(IdError::CheckDigit));
        assert_eq!(NationalId::parse("440103199001010006", day()).map(|id| id.last4().to_vec()), Ok(b"0006".to_vec()));
        assert_eq!(
            NationalId::parse("440103199001010006", day()).map(|id| id.birth_date().to_vec()),
            Ok(b"19900101".to_vec())
        );
    }

    #[test]
    fn every_single_digit_typo_is_caught() {
        let good = *b"11010519491231002X";
        for i in 0..17 {
            for d in b'0'..=b'9' {
                let mut typo = good;
                if typo[i] == d {
                    continue;
                }
                typo[i] = d;
                let s = std::str::from_utf8(&typo).unwrap();
                assert!(NationalId::parse(s, day()).is_err(), "{s}");
            }
        }
    }

    #[test]
    fn shape_region_and_birth_date_are_checked() {
        assert_eq!(NationalId::parse("1101051949123100", day()), Err(IdError::Shape));
        assert_eq!(NationalId::parse("11010519491231002Y", day()), Err(IdError::Shape));
        assert_eq!(NationalId::parse("1101051949123100２X", day()), Err(IdError::Shape));
        let with = |body: &[u8; 17]| {
            let mut s = String::from_utf8(body.to_vec()).unwrap();
            s.push(char::from(check_character(body)));
            NationalId::parse(&s, day())
        };
        assert_eq!(with(b"01010519491231002"), Err(IdError::Region));
        assert_eq!(with(b"11010518991231002"), Err(IdError::BirthDate));
        assert_eq!(with(b"11010519490230002"), Err(IdError::BirthDate));
        assert_eq!(with(b"11010520271231002"), Err(IdError::BirthDate));
        assert!(with(b"11010520000229002").is_ok());
    }

    #[test]
    fn errors_and_debug_never_show_the_number() {
        let id = NationalId::parse("11010519491231002X", day()).unwrap();
        assert!(!format!("{id:?}").contains("1101"));
        for e in [IdError::Shape, IdError::Region, IdError::BirthDate, IdError::CheckDigit] {
            assert!(!e.to_string().chars().any(|c| c.is_ascii_digit()), "{e}");
        }
    }
}
