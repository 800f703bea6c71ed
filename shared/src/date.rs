//! A calendar date (`YYYY-MM-DD`) without a time zone.
//!
//! Validity windows of benefits and cards are whole days in China Standard
//! Time. We keep our own tiny date type instead of `chrono` so the wasm widget
//! stays small; the backend converts to `chrono::NaiveDate` at its edge.

use std::fmt;

/// Why a string is not a valid date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError;

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date is written YYYY-MM-DD, e.g. 2026-05-01")
    }
}

impl std::error::Error for DateError {}

/// A valid Gregorian calendar date between the years 1900 and 9999.
///
/// ```
/// use linan_shared::Date;
/// let d = Date::parse("2028-02-29").unwrap();
/// assert_eq!((d.year(), d.month(), d.day()), (2028, 2, 29));
/// assert!(Date::parse("2027-02-29").is_err());
/// assert_eq!(d.to_string(), "2028-02-29");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    // Field order makes the derived `Ord` chronological.
    year: u16,
    month: u8,
    day: u8,
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
        _ => 28,
    }
}

impl Date {
    /// Builds a date from its parts, refusing impossible days.
    pub fn from_ymd(year: u16, month: u8, day: u8) -> Result<Self, DateError> {
        if !(1900..=9999).contains(&year) || !(1..=12).contains(&month) {
            return Err(DateError);
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(DateError);
        }
        Ok(Self { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateError);
        }
        let num = |r: std::ops::Range<usize>| -> Result<u16, DateError> {
            let part = &s[r];
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return Err(DateError);
            }
            part.parse().map_err(|_| DateError)
        };
        let month = u8::try_from(num(5..7)?).map_err(|_| DateError)?;
        let day = u8::try_from(num(8..10)?).map_err(|_| DateError)?;
        Self::from_ymd(num(0..4)?, month, day)
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Date {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
            .examples(["2026-12-31"])
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Date {}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Self::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_dates_are_refused() {
        for bad in
            ["", "2026-1-01", "2026-13-01", "2026-00-10", "2026-04-31", "abcd-ef-gh", "+026-01-01", "2026-01-01T00"]
        {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn dates_order_chronologically() {
        assert!(Date::parse("2026-01-31").unwrap() < Date::parse("2026-02-01").unwrap());
    }
}
