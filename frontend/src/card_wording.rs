//! The cardholder's view in words: why a benefit reaches the card, why it
//! cannot be used now, what is left, and the code's countdown (times are
//! [`linan_shared::china_time`]).
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
}
