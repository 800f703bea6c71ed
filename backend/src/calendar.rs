//! The alliance's calendar: which day an instant falls on, and conversions
//! between chrono dates and the shared model's [`Date`].
//!
//! [`crate::clock::Clock`] says what time it is; this module says what day
//! that is. Validity windows, quota periods and "live on a day" are whole
//! days in China Standard Time.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Utc};
use linan_shared::Date;

/// China Standard Time (UTC+8, no daylight saving): the alliance's calendar.
fn china_standard_time() -> FixedOffset {
    // 8 hours is always a valid offset; `east_opt` only fails beyond ±24h.
    FixedOffset::east_opt(8 * 3600).unwrap_or_else(|| unreachable!("UTC+8 is a valid offset"))
}

/// The date of `t` in China Standard Time: the day validity windows refer
/// to (today is `day_of(clock.now())`, see [`crate::clock::Clock::today`]).
pub fn day_of(t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&china_standard_time()).date_naive()
}

/// A shared-model date as a chrono date.
pub fn to_naive(d: Date) -> NaiveDate {
    NaiveDate::from_ymd_opt(i32::from(d.year()), u32::from(d.month()), u32::from(d.day()))
        .unwrap_or_else(|| unreachable!("a linan_shared::Date is always a valid calendar day"))
}

/// A chrono date as a shared-model date (years outside 1900–9999 are clamped).
pub fn from_naive(d: NaiveDate) -> Date {
    let year = u16::try_from(d.year().clamp(1900, 9999)).unwrap_or(1900);
    // Month and day of a NaiveDate are always in range; the fallback never runs.
    Date::from_ymd(year, d.month() as u8, d.day() as u8)
        .unwrap_or_else(|_| unreachable!("chrono dates are valid calendar days"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        let d = Date::parse("2028-02-29").unwrap();
        assert_eq!(from_naive(to_naive(d)), d);
    }
}
