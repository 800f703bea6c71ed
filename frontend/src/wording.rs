//! Sentences built from the [`crate::i18n`] table and data: counts,
//! discounts, distances, dates, quotas.
//!
//! Kept apart from the components so the exact wording is tested natively.

use linan_shared::{Gives, Lang, Quota, QuotaPeriod, Validity, fill, yuan};

use crate::i18n::{DetailKey, Key, t};

/// `parts` separated by `sep` (a loop rather than `join`, whose generic
/// copies cost a KB of wasm each).
pub fn join(parts: &[String], sep: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(part);
    }
    out
}

/// The live region's text: how many results are shown, and whether there are more.
pub fn count(lang: Lang, shown: usize, has_more: bool) -> String {
    let n = shown.to_string();
    match (shown, has_more) {
        (1, false) => t(lang, Key::CountOne).to_owned(),
        (_, false) => fill(t(lang, Key::CountAll), &[("n", &n)]),
        (_, true) => fill(t(lang, Key::CountMore), &[("n", &n)]),
    }
}

/// What a benefit gives, e.g. `8折` / `20% off`, `免费入场` / `Free entry`.
pub fn gives(lang: Lang, gives: &Gives) -> String {
    match gives {
        Gives::PercentOff { percent } => {
            // Chinese counts what you pay, in tenths: 20% off is 8折, 15% off is 8.5折.
            let pay = 100u32.saturating_sub(u32::from(*percent));
            let zhe = if pay % 10 == 0 { (pay / 10).to_string() } else { format!("{}.{}", pay / 10, pay % 10) };
            fill(t(lang, Key::PercentOff), &[("z", &zhe), ("p", &percent.to_string())])
        }
        Gives::AmountOff { amount_fen } => fill(t(lang, Key::AmountOff), &[("y", &yuan(*amount_fen))]),
        Gives::FixedPrice { price_fen } => fill(t(lang, Key::FixedPrice), &[("y", &yuan(*price_fen))]),
        Gives::FreeEntry => t(lang, Key::FreeEntry).to_owned(),
        Gives::PriorityService => t(lang, Key::PriorityService).to_owned(),
        Gives::Gift => t(lang, Key::Gift).to_owned(),
    }
}

/// A distance: metres below 1 km, one decimal in km below 10 km, whole km beyond.
pub fn distance(lang: Lang, km: f64) -> String {
    if !km.is_finite() || km < 0.0 {
        return String::new();
    }
    if km < 1.0 {
        // Rounded to 10 m: more precision than that is noise for a walk.
        let m = ((km * 100.0).round() as u32).max(1) * 10;
        fill(t(lang, Key::DistanceM), &[("d", &m.to_string())])
    } else if km < 10.0 {
        let tenths = (km * 10.0).round() as u32;
        fill(t(lang, Key::DistanceKm), &[("d", &format!("{}.{}", tenths / 10, tenths % 10))])
    } else {
        fill(t(lang, Key::DistanceKm), &[("d", &(km.round() as u32).to_string())])
    }
}

/// The validity window, both ends included: `2026-05-01 至 2026-12-31`.
pub fn validity(lang: Lang, v: &Validity) -> String {
    fill(t(lang, DetailKey::ValidRange), &[("from", &v.from.to_string()), ("until", &v.until.to_string())])
}

/// How often a benefit may be used, e.g. `每人每月限 2 次；每日名额 15 个`.
pub fn quota(lang: Lang, q: &Quota) -> String {
    let mut parts = Vec::new();
    if let Some(n) = q.per_person_limit {
        let key = match q.per_person_period.unwrap_or(QuotaPeriod::Lifetime) {
            QuotaPeriod::Day => DetailKey::QuotaDay,
            QuotaPeriod::Month => DetailKey::QuotaMonth,
            QuotaPeriod::Year => DetailKey::QuotaYear,
            QuotaPeriod::Lifetime => DetailKey::QuotaLifetime,
        };
        parts.push(fill(t(lang, key), &[("n", &n.to_string())]));
    }
    if let Some(n) = q.daily_stock {
        parts.push(fill(t(lang, DetailKey::DailyStock), &[("n", &n.to_string())]));
    }
    if parts.is_empty() {
        return t(lang, DetailKey::QuotaNone).to_owned();
    }
    let sep = if lang == Lang::En { "; " } else { "；" };
    join(&parts, sep)
}

#[cfg(test)]
mod tests {
    use linan_shared::Date;

    use super::*;

    #[test]
    fn counts_say_when_there_are_more() {
        assert_eq!(count(Lang::ZhCn, 20, false), "共 20 项");
        assert_eq!(count(Lang::ZhCn, 20, true), "至少 20 项");
        assert_eq!(count(Lang::ZhHk, 3, false), "共 3 項");
        assert_eq!(count(Lang::En, 1, false), "1 result");
        assert_eq!(count(Lang::En, 0, false), "0 results");
        assert_eq!(count(Lang::En, 20, true), "At least 20 results");
    }

    #[test]
    fn discounts_read_naturally_in_each_language() {
        assert_eq!(gives(Lang::ZhCn, &Gives::PercentOff { percent: 20 }), "8折");
        assert_eq!(gives(Lang::ZhHk, &Gives::PercentOff { percent: 15 }), "8.5折");
        assert_eq!(gives(Lang::En, &Gives::PercentOff { percent: 15 }), "15% off");
        assert_eq!(gives(Lang::ZhCn, &Gives::AmountOff { amount_fen: 2000 }), "立减 20 元");
        assert_eq!(gives(Lang::En, &Gives::FixedPrice { price_fen: 990 }), "Special price ¥9.9");
        assert_eq!(gives(Lang::En, &Gives::FreeEntry), "Free entry");
        assert_eq!(yuan(1205), "12.05");
    }

    #[test]
    fn distances_are_rounded_for_people() {
        assert_eq!(distance(Lang::ZhCn, 0.132), "距离 130 米");
        assert_eq!(distance(Lang::En, 0.001), "10 m away");
        assert_eq!(distance(Lang::En, 2.345), "2.3 km away");
        assert_eq!(distance(Lang::ZhHk, 35.6), "距離 36 公里");
        assert_eq!(distance(Lang::En, f64::NAN), "");
    }

    #[test]
    fn validity_and_quota_are_spelled_out() {
        let v = Validity { from: Date::parse("2026-05-01").unwrap(), until: Date::parse("2026-12-31").unwrap() };
        assert_eq!(validity(Lang::ZhCn, &v), "2026-05-01 至 2026-12-31");
        assert_eq!(validity(Lang::En, &v), "2026-05-01 to 2026-12-31");
        let q = Quota { per_person_limit: Some(2), per_person_period: Some(QuotaPeriod::Month), daily_stock: Some(15) };
        assert_eq!(quota(Lang::ZhCn, &q), "每人每月限 2 次；每日名额 15 个");
        assert_eq!(quota(Lang::En, &q), "2 per person per month; 15 places a day");
        assert_eq!(quota(Lang::En, &Quota::default()), "No limit");
    }
}
