//! The card registry: card states, the per-scheme card number format, and
//! what an import of the registry reports.
//!
//! A card number's format is data of its scheme (prefix, digit count, check
//! digit), so a district that joins brings its own format without code.
//!
//! # Examples
//!
//! ```
//! use linan_shared::{CardNumberFormat, CheckDigit};
//!
//! let liwan = CardNumberFormat::new("LW", 10, CheckDigit::Luhn).unwrap();
//! assert_eq!(liwan.number("100000000"), "LW1000000008");
//! assert!(liwan.check("LW1000000008").is_ok());
//! assert!(liwan.check("LW1000000009").is_err()); // wrong check digit
//! assert!(liwan.check("YF1000000008").is_err()); // another scheme's prefix
//! ```

use std::fmt;

/// Where a card is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "orm", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "orm", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::None)"))]
#[serde(rename_all = "snake_case")]
pub enum CardStatus {
    /// Usable.
    #[cfg_attr(feature = "orm", sea_orm(string_value = "active"))]
    Active,
    /// Blocked (lost, abuse, integrity list); the person stays the same.
    #[cfg_attr(feature = "orm", sea_orm(string_value = "suspended"))]
    Suspended,
    /// Past its validity, as the issuing district says.
    #[cfg_attr(feature = "orm", sea_orm(string_value = "expired"))]
    Expired,
}

impl CardStatus {
    /// Every state.
    pub const ALL: [CardStatus; 3] = [CardStatus::Active, CardStatus::Suspended, CardStatus::Expired];

    /// The stored and serialized code.
    pub fn as_str(self) -> &'static str {
        match self {
            CardStatus::Active => "active",
            CardStatus::Suspended => "suspended",
            CardStatus::Expired => "expired",
        }
    }

    /// Parses a stored code.
    pub fn parse(code: &str) -> Option<CardStatus> {
        CardStatus::ALL.into_iter().find(|s| s.as_str() == code)
    }
}

/// Whether a holder (the person behind one or more cards) may use them: the
/// integrity list suspends all their cards at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "orm", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "orm", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::None)"))]
#[serde(rename_all = "snake_case")]
pub enum PersonStatus {
    /// Their cards are usable (as each card's own status allows).
    #[cfg_attr(feature = "orm", sea_orm(string_value = "active"))]
    Active,
    /// Every card of the person is held.
    #[cfg_attr(feature = "orm", sea_orm(string_value = "suspended"))]
    Suspended,
}

impl PersonStatus {
    /// The stored code.
    pub fn as_str(self) -> &'static str {
        match self {
            PersonStatus::Active => "active",
            PersonStatus::Suspended => "suspended",
        }
    }
}

/// How the last digit of a card number checks the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CheckDigit {
    /// The Luhn (mod 10) check digit over the number's digits.
    Luhn,
    /// No check digit.
    None,
}

impl CheckDigit {
    /// The stored code.
    pub fn as_str(self) -> &'static str {
        match self {
            CheckDigit::Luhn => "luhn",
            CheckDigit::None => "none",
        }
    }

    /// Parses a stored code.
    pub fn parse(code: &str) -> Option<CheckDigit> {
        [CheckDigit::Luhn, CheckDigit::None].into_iter().find(|c| c.as_str() == code)
    }
}

/// Whether `digits` (ASCII digits only) end in a valid Luhn check digit.
///
/// ```
/// assert!(linan_shared::luhn_valid(b"79927398713"));
/// assert!(!linan_shared::luhn_valid(b"79927398710"));
/// ```
pub fn luhn_valid(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            let d = u32::from(d.wrapping_sub(b'0'));
            if i % 2 == 1 { if d * 2 > 9 { d * 2 - 9 } else { d * 2 } } else { d }
        })
        .sum();
    !digits.is_empty() && sum.is_multiple_of(10)
}

/// The Luhn check digit (`b'0'..=b'9'`) to append to `digits`.
///
/// ```
/// assert_eq!(linan_shared::luhn_check_digit(b"7992739871"), b'3');
/// ```
pub fn luhn_check_digit(digits: &[u8]) -> u8 {
    let mut with = digits.to_vec();
    with.push(b'0');
    (b'0'..=b'9')
        .find(|&c| {
            if let Some(last) = with.last_mut() {
                *last = c;
            }
            luhn_valid(&with)
        })
        .unwrap_or(b'0')
}

/// Why a card number or a format is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardNumberError(&'static str);

impl CardNumberError {
    pub(crate) fn new(why: &'static str) -> Self {
        CardNumberError(why)
    }
}

impl fmt::Display for CardNumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for CardNumberError {}

/// The card number format of one scheme: an upper-case letter prefix, then
/// exactly `digits` digits, the last of which may be a check digit.
///
/// Prefixes are letters only and the rest digits only, so schemes with
/// distinct prefixes can never claim the same number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardNumberFormat {
    prefix: String,
    digits: usize,
    check_digit: CheckDigit,
}

/// Most digits after the prefix.
const MAX_DIGITS: usize = 24;

impl CardNumberFormat {
    /// A format; the prefix is 0–8 letters `A-Z`, the digits 4–24.
    pub fn new(prefix: &str, digits: usize, check_digit: CheckDigit) -> Result<Self, CardNumberError> {
        if prefix.len() > 8 || !prefix.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(CardNumberError("a card number prefix is 0-8 letters A-Z"));
        }
        if !(4..=MAX_DIGITS).contains(&digits) {
            return Err(CardNumberError("a card number has 4-24 digits after its prefix"));
        }
        Ok(CardNumberFormat { prefix: prefix.to_owned(), digits, check_digit })
    }

    /// The letters every number starts with.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// How many digits follow the prefix.
    pub fn digits(&self) -> usize {
        self.digits
    }

    /// The check digit rule.
    pub fn check_digit(&self) -> CheckDigit {
        self.check_digit
    }

    /// Checks a number of this scheme (normalised: a [`crate::CardNumber`]'s text).
    pub fn check(&self, number: &str) -> Result<(), CardNumberError> {
        let Some(rest) = number.strip_prefix(self.prefix.as_str()) else {
            return Err(CardNumberError("does not start with the scheme's prefix"));
        };
        if rest.len() != self.digits || !rest.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CardNumberError("wrong length or not digits after the prefix"));
        }
        match self.check_digit {
            CheckDigit::Luhn if !luhn_valid(rest.as_bytes()) => Err(CardNumberError("wrong check digit")),
            _ => Ok(()),
        }
    }

    /// The number with these digits before the check digit (`digits - 1`
    /// of them with a check digit, `digits` without), e.g. for test data.
    pub fn number(&self, body: &str) -> String {
        match self.check_digit {
            CheckDigit::Luhn => format!("{}{body}{}", self.prefix, char::from(luhn_check_digit(body.as_bytes()))),
            CheckDigit::None => format!("{}{body}", self.prefix),
        }
    }
}

/// One refused row of an import file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RejectedRow {
    /// Line of the file (1 is the header).
    pub line: u64,
    /// Why, naming the column; never repeats an ID number.
    pub reason: String,
}

/// What an import of the card registry did (or, in a dry run, would do).
///
/// An import is all or nothing: when `rejected` is not empty nothing was
/// written and the counts are zero.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportReport {
    /// Data rows in the file (the header not counted).
    pub rows: u64,
    /// Cards created.
    pub created: u64,
    /// Cards changed by the file.
    pub updated: u64,
    /// Cards the file already matched.
    pub unchanged: u64,
    /// Persons (ID numbers) seen for the first time.
    pub persons_created: u64,
    /// Every refused row, in file order.
    pub rejected: Vec<RejectedRow>,
    /// Whether this was a dry run (nothing written whatever the outcome).
    pub dry_run: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_accepts_known_numbers_and_every_computed_check_digit() {
        assert!(luhn_valid(b"4539578763621486"));
        assert!(luhn_valid(b"0"));
        assert!(!luhn_valid(b""));
        assert!(!luhn_valid(b"4539578763621487"));
        for body in ["1", "12", "100000000", "99999999999", "000000000"] {
            let mut n = body.as_bytes().to_vec();
            n.push(luhn_check_digit(body.as_bytes()));
            assert!(luhn_valid(&n), "{body}");
            let last = n.len() - 1;
            n[last] = if n[last] == b'9' { b'0' } else { n[last] + 1 };
            assert!(!luhn_valid(&n), "{body} with a wrong check digit");
        }
    }

    #[test]
    fn luhn_catches_swapped_neighbours() {
        assert!(luhn_valid(b"79927398713"));
        assert!(!luhn_valid(b"97927398713"));
    }

    #[test]
    fn formats_check_prefix_length_and_check_digit() {
        let f = CardNumberFormat::new("YF", 12, CheckDigit::Luhn).unwrap();
        let n = f.number("20260000001");
        assert_eq!(n.len(), 14);
        assert!(f.check(&n).is_ok());
        assert!(f.check(&n[..13]).is_err());
        assert!(f.check(&n.replace("YF", "LW")).is_err());
        assert!(f.check(&n.replace('2', "A")).is_err());
        let plain = CardNumberFormat::new("", 6, CheckDigit::None).unwrap();
        assert!(plain.check("123456").is_ok());
        assert!(CardNumberFormat::new("lw", 10, CheckDigit::Luhn).is_err());
        assert!(CardNumberFormat::new("LW", 2, CheckDigit::Luhn).is_err());
    }

    #[test]
    fn statuses_round_trip() {
        for s in CardStatus::ALL {
            assert_eq!(CardStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(CheckDigit::parse("luhn"), Some(CheckDigit::Luhn));
        assert_eq!(CheckDigit::parse("mod97"), None);
    }
}
