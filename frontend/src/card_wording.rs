//! The cardholder's view in words: why a benefit reaches the card, why it
//! cannot be used now, what is left, the code's countdown, and times.
//!
//! Apart from [`crate::wording`] (the catalogue's sentences) so each file
//! stays one idea; tested natively like it.

use linan_shared::{CardBenefitDto, CardSchemesDto, Lang, QuotaPeriod, Reach, Refusal, fill};

use crate::eligibility::card_name;
use crate::i18n::{CardKey, t};

/// Why the card reaches a benefit: directly, or as which card through
/// mutual recognition ("通过身份互认，视同优粤佛山卡A卡").
pub fn via(lang: Lang, reach: &Reach, schemes: Option<&CardSchemesDto>) -> String {
    match reach {
        Reach::Direct => t(lang, CardKey::ViaDirect).to_owned(),
        Reach::Recognition { as_scheme, as_tier, .. } => {
            let (card, tier) = card_name(schemes, lang, as_scheme, as_tier);
            fill(t(lang, CardKey::ViaRecognition), &[("card", &card), ("tier", &tier)])
        }
    }
}

/// The text of a refusal.
pub fn refusal_key(refusal: Refusal) -> CardKey {
    match refusal {
        Refusal::TierTooLow => CardKey::RefusedTierTooLow,
        Refusal::CardSuspended => CardKey::RefusedCardSuspended,
        Refusal::CardExpired => CardKey::RefusedCardExpired,
        Refusal::PersonSuspended => CardKey::RefusedPersonSuspended,
        Refusal::NotValidToday => CardKey::RefusedNotValidToday,
        Refusal::QuotaUsed => CardKey::RefusedQuotaUsed,
        Refusal::StockGone => CardKey::RefusedStockGone,
    }
}

/// What is left: the holder's uses in the quota's period and today's
/// stock, each only when the benefit has one.
pub fn left(lang: Lang, item: &CardBenefitDto) -> Vec<String> {
    let mut parts = Vec::new();
    if let Some(n) = item.remaining {
        let key = match item.period.unwrap_or(QuotaPeriod::Lifetime) {
            QuotaPeriod::Day => CardKey::LeftDay,
            QuotaPeriod::Month => CardKey::LeftMonth,
            QuotaPeriod::Year => CardKey::LeftYear,
            QuotaPeriod::Lifetime => CardKey::LeftLifetime,
        };
        parts.push(fill(t(lang, key), &[("n", &n.to_string())]));
    }
    if let Some(n) = item.stock_left {
        parts.push(fill(t(lang, CardKey::StockLeft), &[("n", &n.to_string())]));
    }
    parts
}

/// Whole seconds a code fetched at `fetched_ms` (ms since the epoch) is
/// still valid at `now_ms`, counting down from `valid_secs`.
pub fn seconds_left(valid_secs: u32, fetched_ms: f64, now_ms: f64) -> u32 {
    let elapsed = ((now_ms - fetched_ms) / 1000.0).floor().max(0.0);
    if elapsed >= f64::from(valid_secs) { 0 } else { valid_secs - elapsed as u32 }
}

/// `m:ss`, the countdown's face.
pub fn clock(secs: u32) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// An RFC 3339 time from the API (`2026-11-28T08:48:50+00:00`) as China
/// Standard Time, to the minute: `2026-11-28 16:48`. The platform's days are
/// China's; an unreadable value is shown as it came.
pub fn china_time(rfc3339: &str) -> String {
    parse_minutes(rfc3339).map_or_else(|| rfc3339.to_owned(), |m| format_minutes(m + 8 * 60))
}

/// Minutes since 1970-01-01T00:00Z.
fn parse_minutes(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<i64> { s.get(from..from + len)?.parse().ok() };
    if b.len() < 17 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') || b[13] != b':' {
        return None;
    }
    let (year, month, day, hour, minute) = (num(0, 4)?, num(5, 2)?, num(8, 2)?, num(11, 2)?, num(14, 2)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 {
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
        sign * (tail.get(1..3)?.parse::<i64>().ok()? * 60 + tail.get(4..6)?.parse::<i64>().ok()?)
    };
    Some(days_from_civil(year, month, day) * 1440 + hour * 60 + minute - offset)
}

/// `YYYY-MM-DD HH:MM` of minutes since the epoch.
fn format_minutes(minutes: i64) -> String {
    let (days, rest) = (minutes.div_euclid(1440), minutes.rem_euclid(1440));
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02} {:02}:{:02}", rest / 60, rest % 60)
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
    use linan_shared::{SchemeCode, TierCode};

    use super::*;
    use crate::eligibility::tests::demo_schemes;
    use crate::state::tests::summary;

    fn item(remaining: Option<u32>, period: Option<QuotaPeriod>, stock_left: Option<u32>) -> CardBenefitDto {
        CardBenefitDto { benefit: summary(1, "t"), via: Reach::Direct, refusal: None, remaining, period, stock_left }
    }

    #[test]
    fn via_names_the_card_the_holder_counts_as() {
        let schemes = demo_schemes();
        let as_youyue_a = Reach::Recognition {
            recognition_id: 1,
            as_scheme: SchemeCode::parse("youyue_foshan").unwrap(),
            as_tier: TierCode::parse("A").unwrap(),
        };
        assert_eq!(via(Lang::ZhCn, &Reach::Direct, Some(&schemes)), "本卡直接适用");
        assert_eq!(via(Lang::ZhCn, &as_youyue_a, Some(&schemes)), "通过身份互认，视同优粤佛山卡A卡");
        assert_eq!(
            via(Lang::En, &as_youyue_a, Some(&schemes)),
            "Through mutual recognition, as a Youyue Foshan Card, Tier A"
        );
        assert_eq!(via(Lang::ZhHk, &as_youyue_a, None), "通過身份互認，視同youyue_foshanA");
    }

    #[test]
    fn what_is_left_names_the_period_and_todays_stock() {
        assert_eq!(
            left(Lang::ZhCn, &item(Some(1), Some(QuotaPeriod::Month), Some(7))),
            ["本月还可使用 1 次", "今日剩余名额 7 个"]
        );
        assert_eq!(left(Lang::En, &item(Some(0), Some(QuotaPeriod::Day), None)), ["0 left today"]);
        assert_eq!(left(Lang::ZhHk, &item(Some(2), None, None)), ["尚可使用 2 次"]);
        assert!(left(Lang::En, &item(None, None, None)).is_empty());
    }

    #[test]
    fn every_refusal_has_its_own_words() {
        let refusals = Refusal::ALL;
        let mut keys: Vec<CardKey> = refusals.into_iter().map(refusal_key).collect();
        keys.dedup();
        assert_eq!(keys.len(), refusals.len());
        assert_eq!(t(Lang::ZhCn, refusal_key(Refusal::QuotaUsed)), "本期次数已用完");
    }

    #[test]
    fn the_countdown_runs_from_the_codes_validity_to_zero() {
        assert_eq!(seconds_left(120, 1_000.0, 1_000.0), 120);
        assert_eq!(seconds_left(120, 1_000.0, 1_999.0), 120);
        assert_eq!(seconds_left(120, 1_000.0, 2_000.0), 119);
        assert_eq!(seconds_left(120, 1_000.0, 121_000.0), 0);
        assert_eq!(seconds_left(120, 1_000.0, 500_000.0), 0);
        assert_eq!(seconds_left(120, 5_000.0, 1_000.0), 120, "a clock stepping back does not add time");
        assert_eq!((clock(120), clock(59), clock(0)), ("2:00".into(), "0:59".into(), "0:00".into()));
    }

    #[test]
    fn times_are_shown_in_china_time() {
        assert_eq!(china_time("2026-11-28T08:48:50+00:00"), "2026-11-28 16:48");
        assert_eq!(china_time("2026-12-31T20:05:00.123Z"), "2027-01-01 04:05");
        assert_eq!(china_time("2026-03-01T01:00:00+08:00"), "2026-03-01 01:00");
        assert_eq!(china_time("2024-02-29T23:30:00-01:00"), "2024-03-01 08:30");
        assert_eq!(china_time("yesterday"), "yesterday");
    }
}
