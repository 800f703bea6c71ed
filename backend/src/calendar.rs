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

/// `t` as RFC 3339 in China Standard Time (`2026-12-12T14:00:00+08:00`):
/// how the API writes an event's times.
pub fn cst_rfc3339(t: DateTime<Utc>) -> String {
    t.with_timezone(&china_standard_time()).to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// The first instant of `day` in China Standard Time.
pub fn start_of(day: NaiveDate) -> DateTime<Utc> {
    let midnight = day.and_time(chrono::NaiveTime::MIN);
    (midnight - chrono::Duration::hours(8)).and_utc()
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
    fn event_times_are_written_in_china_standard_time() {
        let t = DateTime::parse_from_rfc3339("2026-12-12T06:00:00Z").unwrap().to_utc();
        assert_eq!(cst_rfc3339(t), "2026-12-12T14:00:00+08:00");
        assert_eq!(day_of(start_of(day_of(t))), day_of(t));
        assert_eq!(start_of(day_of(t)).to_rfc3339(), "2026-12-11T16:00:00+00:00");
    }

    #[test]
    fn dates_round_trip() {
        let d = Date::parse("2028-02-29").unwrap();
        assert_eq!(from_naive(to_naive(d)), d);
    }
}
