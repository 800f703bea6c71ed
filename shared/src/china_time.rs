//! Points in time on the alliance's clock, China Standard Time (UTC+08:00,
//! no daylight saving): RFC 3339 from the API shown as `YYYY-MM-DD HH:MM`,
//! and a `datetime-local` input read as CST. Plain arithmetic (no `chrono`),
//! so the wasm widget and portal stay small.

/// China Standard Time, minutes east of UTC.
const CST_MINUTES: i64 = 8 * 60;

/// An RFC 3339 time (`2026-11-28T08:48:50+00:00`) as China Standard Time to
/// the minute: `2026-11-28 16:48`; an unreadable value is returned as it came.
pub fn china_time(rfc3339: &str) -> String {
    china_minutes(rfc3339).map_or_else(|| rfc3339.to_owned(), |m| clock(m, ' '))
}

/// An RFC 3339 time as a `datetime-local` value in China Standard Time
/// (`2026-12-12T14:00`); `None` when it is not one.
pub fn china_local(rfc3339: &str) -> Option<String> {
    china_minutes(rfc3339).map(|m| clock(m, 'T'))
}

/// A `datetime-local` value (`2026-12-12T14:00`, seconds optional) read as
/// China Standard Time, as RFC 3339 (`2026-12-12T14:00:00+08:00`); `None`
/// when it is not one.
pub fn from_china_local(local: &str) -> Option<String> {
    let (date, time) = local.trim().split_once('T')?;
    let (y, m, d) = date_parts(date)?;
    let mut parts = time.split(':');
    let hour = digits(parts.next()?, 2)?;
    let minute = digits(parts.next()?, 2)?;
    let second = parts.next().map_or(Some(0), |s| digits(s, 2))?;
    if parts.next().is_some() || hour > 23 || minute > 59 || second > 59 || d > days_in_month(y, m) {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}T{hour:02}:{minute:02}:{second:02}+08:00"))
}

/// Minutes since 1970-01-01T00:00 on China's wall clock.
fn china_minutes(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 17 || !matches!(b[10], b'T' | b't' | b' ') || b[13] != b':' {
        return None;
    }
    let (y, m, d) = date_parts(s.get(..10)?)?;
    let (hour, minute) = (digits(s.get(11..13)?, 2)?, digits(s.get(14..16)?, 2)?);
    if d > days_in_month(y, m) || hour > 23 || minute > 59 {
        return None;
    }
    // The offset is the last `Z` or `±HH:MM`.
    let offset = if s.ends_with(['Z', 'z']) {
        0
    } else {
        let tail = s.get(s.len().checked_sub(6)?..)?;
        let sign = match tail.as_bytes()[0] {
            b'+' => 1,
            b'-' => -1,
            _ => return None,
        };
        sign * (digits(tail.get(1..3)?, 2)? * 60 + digits(tail.get(4..6)?, 2)?)
    };
    Some(days_from_civil(y, m, d) * 1440 + hour * 60 + minute - offset + CST_MINUTES)
}

/// `YYYY-MM-DD{sep}HH:MM` of minutes since the epoch.
fn clock(minutes: i64, sep: char) -> String {
    let (days, rest) = (minutes.div_euclid(1440), minutes.rem_euclid(1440));
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}{sep}{:02}:{:02}", rest / 60, rest % 60)
}

/// `YYYY-MM-DD` as numbers, month and day in range.
fn date_parts(date: &str) -> Option<(i64, i64, i64)> {
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (digits(&date[..4], 4)?, digits(&date[5..7], 2)?, digits(&date[8..], 2)?);
    ((1..=12).contains(&m) && d >= 1).then_some((y, m, d))
}

/// Exactly `width` ASCII digits.
fn digits(text: &str, width: usize) -> Option<i64> {
    (text.len() == width && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok()).flatten()
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_shown_on_the_china_clock() {
        assert_eq!(china_time("2026-11-28T08:48:50+00:00"), "2026-11-28 16:48");
        assert_eq!(china_time("2026-12-31T20:05:00.123Z"), "2027-01-01 04:05");
        assert_eq!(china_time("2026-03-01T01:00:00+08:00"), "2026-03-01 01:00");
        assert_eq!(china_time("2024-02-29T23:30:00-01:00"), "2024-03-01 08:30");
        assert_eq!(china_time("yesterday"), "yesterday");
        assert_eq!(china_local("2026-12-12T14:00:00+08:00").as_deref(), Some("2026-12-12T14:00"));
        assert_eq!(china_local("2026-03-01T01:00:00+09:00").as_deref(), Some("2026-03-01T00:00"));
        assert_eq!(china_local("2026-02-30T01:00:00Z"), None);
    }

    #[test]
    fn local_inputs_are_read_as_china_standard_time_and_round_trip() {
        assert_eq!(from_china_local("2026-12-12T14:00").as_deref(), Some("2026-12-12T14:00:00+08:00"));
        assert_eq!(from_china_local(" 2026-12-12T14:00:30 ").as_deref(), Some("2026-12-12T14:00:30+08:00"));
        for bad in
            ["", "2026-12-12", "2026-02-30T10:00", "2026-12-12T24:00", "2026-1-12T10:00", "x", "2026-12-12T10:00+08:00"]
        {
            assert_eq!(from_china_local(bad), None, "{bad}");
        }
        assert!(from_china_local("2028-02-29T10:00").is_some());
        let sent = from_china_local("2026-06-30T23:15").unwrap();
        assert_eq!(china_local(&sent).as_deref(), Some("2026-06-30T23:15"));
    }
}
