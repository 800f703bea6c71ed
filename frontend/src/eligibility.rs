//! Who can use a benefit, in words: the cards and tiers it names, and the
//! cards of *other* schemes that reach it through the recognition table.
//!
//! A benefit lists rules such as "Youyue Foshan Card, tier B and above". The
//! recognition table maps a card onto another scheme (Liwan A ⇒ Youyue A, …),
//! so a Liwan card whose tier is recognised as Youyue B or above qualifies
//! too. That second half is what a visitor cannot work out alone, so the
//! detail view spells it out. Recognition is one hop, as the backend applies it.

use linan_shared::{CardSchemeDto, CardSchemesDto, EligibilityRule, Lang, SchemeCode, TierCode, TierDto};

use crate::i18n::{Key, t};
use crate::wording::{fill, join};

/// One card scheme and the tiers of it that qualify, as display names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardTiers {
    /// The scheme's name (its code when the reference list is unavailable).
    pub scheme: String,
    /// The lowest qualifying tier's name, when every tier above it qualifies
    /// too ("B and above"); `None` when only the listed tiers do.
    pub min_tier: Option<String>,
    /// Every qualifying tier, highest first.
    pub tiers: Vec<String>,
}

/// The whole explanation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Explanation {
    /// The cards the benefit names itself.
    pub direct: Vec<CardTiers>,
    /// Cards of other schemes that qualify through recognition only.
    pub recognised: Vec<CardTiers>,
}

/// Works out who qualifies. Without the schemes reference list, only the
/// rules themselves can be shown (by code).
pub fn explain(rules: &[EligibilityRule], schemes: Option<&CardSchemesDto>, lang: Lang) -> Explanation {
    let Some(reference) = schemes else {
        return Explanation {
            direct: rules.iter().map(|r| direct_tiers(r, None, lang)).collect(),
            recognised: Vec::new(),
        };
    };
    let find = |code: &SchemeCode| reference.schemes.iter().find(|s| &s.code == code);
    let rank = |scheme: &SchemeCode, tier: &TierCode| -> Option<i32> {
        find(scheme)?.tiers.iter().find(|t| &t.code == tier).map(|t| t.rank)
    };
    // A card (scheme, tier) meets a rule when its rank within the rule's scheme is high enough.
    let meets = |scheme: &SchemeCode, tier: &TierCode| {
        rules.iter().any(|r| {
            &r.scheme == scheme
                && matches!((rank(scheme, tier), rank(&r.scheme, &r.min_tier)), (Some(a), Some(b)) if a >= b)
        })
    };

    let direct = rules.iter().map(|r| direct_tiers(r, find(&r.scheme), lang)).collect();

    // Cards that count as a qualifying card, but are not named by any rule themselves.
    let mut found: Vec<(&SchemeCode, &TierCode)> = Vec::new();
    for row in &reference.recognition {
        if meets(&row.to_scheme, &row.to_tier)
            && !meets(&row.from_scheme, &row.from_tier)
            && !found.contains(&(&row.from_scheme, &row.from_tier))
        {
            found.push((&row.from_scheme, &row.from_tier));
        }
    }
    // Group by scheme in the reference list's order; the API lists tiers highest first.
    let mut recognised = Vec::new();
    for scheme in &reference.schemes {
        let tiers: Vec<&TierDto> = scheme.tiers.iter().filter(|t| found.contains(&(&scheme.code, &t.code))).collect();
        if let Some(lowest) = tiers.iter().min_by_key(|t| t.rank) {
            // "and above" only when no tier above the lowest is missing.
            let all_above = scheme.tiers.iter().filter(|t| t.rank >= lowest.rank).count() == tiers.len();
            recognised.push(CardTiers {
                scheme: scheme.name.get(lang).to_owned(),
                min_tier: all_above.then(|| lowest.name.get(lang).to_owned()),
                tiers: tiers.iter().map(|t| t.name.get(lang).to_owned()).collect(),
            });
        }
    }
    Explanation { direct, recognised }
}

fn direct_tiers(rule: &EligibilityRule, scheme: Option<&CardSchemeDto>, lang: Lang) -> CardTiers {
    let Some(scheme) = scheme else {
        let code = rule.min_tier.to_string();
        return CardTiers { scheme: rule.scheme.to_string(), min_tier: Some(code.clone()), tiers: vec![code] };
    };
    let min = scheme.tiers.iter().find(|t| t.code == rule.min_tier);
    let min_rank = min.map_or(i32::MAX, |t| t.rank);
    // Highest first, as the API lists them.
    let tiers: Vec<&TierDto> = scheme.tiers.iter().filter(|t| t.rank >= min_rank).collect();
    CardTiers {
        scheme: scheme.name.get(lang).to_owned(),
        min_tier: Some(min.map_or_else(|| rule.min_tier.to_string(), |t| t.name.get(lang).to_owned())),
        tiers: if tiers.is_empty() {
            vec![rule.min_tier.to_string()]
        } else {
            tiers.iter().map(|t| t.name.get(lang).to_owned()).collect()
        },
    }
}

/// One line of text for a card: `荔湾区英才卡：C卡及以上（A卡、B卡、C卡）`.
pub fn line(lang: Lang, card: &CardTiers) -> String {
    let sep = t(lang, Key::ListSeparator);
    let listed = join(&card.tiers, sep);
    let tiers = match &card.min_tier {
        Some(min) if card.tiers.len() > 1 => {
            let above = fill(t(lang, Key::TierOrAbove), &[("tier", min)]);
            if lang == Lang::En { format!("{above} ({listed})") } else { format!("{above}（{listed}）") }
        }
        _ => listed,
    };
    fill(t(lang, Key::CardTiers), &[("card", &card.scheme), ("tiers", &tiers)])
}

/// The display name of a card (scheme + tier) for the "your card" note.
pub fn card_name(
    schemes: Option<&CardSchemesDto>,
    lang: Lang,
    scheme: &SchemeCode,
    tier: &TierCode,
) -> (String, String) {
    let dto = schemes.and_then(|s| s.schemes.iter().find(|s| &s.code == scheme));
    let scheme_name = dto.map_or_else(|| scheme.to_string(), |s| s.name.get(lang).to_owned());
    let tier_name = dto
        .and_then(|s| s.tiers.iter().find(|t| &t.code == tier))
        .map_or_else(|| tier.to_string(), |t| t.name.get(lang).to_owned());
    (scheme_name, tier_name)
}

#[cfg(test)]
pub(crate) mod tests {
    use linan_shared::{DistrictCode, LocalizedText, RecognitionDto};

    use super::*;

    fn tier(code: &str, rank: i32, zh: &str, en: &str) -> TierDto {
        TierDto { code: TierCode::parse(code).unwrap(), rank, name: LocalizedText::new(zh, None, Some(en)) }
    }

    fn row(id: i64, from: (&str, &str), to: (&str, &str)) -> RecognitionDto {
        RecognitionDto {
            id,
            from_scheme: SchemeCode::parse(from.0).unwrap(),
            from_tier: TierCode::parse(from.1).unwrap(),
            to_scheme: SchemeCode::parse(to.0).unwrap(),
            to_tier: TierCode::parse(to.1).unwrap(),
            valid_from: None,
            valid_until: None,
        }
    }

    /// The demo data's schemes and recognition table.
    pub(crate) fn demo_schemes() -> CardSchemesDto {
        let liwan = CardSchemeDto {
            code: SchemeCode::parse("liwan_talent").unwrap(),
            district: DistrictCode::parse("liwan").unwrap(),
            name: LocalizedText::new("荔湾区英才卡", Some("荔灣區英才卡"), Some("Liwan Talent Card")),
            tiers: vec![tier("A", 3, "A卡", "Tier A"), tier("B", 2, "B卡", "Tier B"), tier("C", 1, "C卡", "Tier C")],
        };
        let youyue = CardSchemeDto {
            code: SchemeCode::parse("youyue_foshan").unwrap(),
            district: DistrictCode::parse("nanhai").unwrap(),
            name: LocalizedText::new("优粤佛山卡", Some("優粵佛山卡"), Some("Youyue Foshan Card")),
            tiers: vec![
                tier("A", 4, "A卡", "Tier A"),
                tier("B", 3, "B卡", "Tier B"),
                tier("C", 2, "C卡", "Tier C"),
                tier("T", 1, "T卡", "Tier T"),
            ],
        };
        let (l, y) = ("liwan_talent", "youyue_foshan");
        CardSchemesDto {
            schemes: vec![liwan, youyue],
            recognition: vec![
                row(1, (l, "A"), (y, "A")),
                row(2, (y, "A"), (l, "A")),
                row(3, (l, "B"), (y, "B")),
                row(4, (y, "B"), (l, "B")),
                row(5, (l, "C"), (y, "C")),
                row(6, (y, "C"), (l, "C")),
                row(7, (y, "T"), (l, "C")),
            ],
        }
    }

    pub(crate) fn rule(scheme: &str, min: &str) -> EligibilityRule {
        EligibilityRule { scheme: SchemeCode::parse(scheme).unwrap(), min_tier: TierCode::parse(min).unwrap() }
    }

    #[test]
    fn a_youyue_b_benefit_is_open_to_liwan_a_and_b_through_recognition() {
        let schemes = demo_schemes();
        let e = explain(&[rule("youyue_foshan", "B")], Some(&schemes), Lang::ZhCn);
        assert_eq!(e.direct.len(), 1);
        assert_eq!(line(Lang::ZhCn, &e.direct[0]), "优粤佛山卡：B卡及以上（A卡、B卡）");
        assert_eq!(e.recognised.len(), 1);
        assert_eq!(line(Lang::ZhCn, &e.recognised[0]), "荔湾区英才卡：B卡及以上（A卡、B卡）");
        let en = explain(&[rule("youyue_foshan", "B")], Some(&schemes), Lang::En);
        assert_eq!(line(Lang::En, &en.recognised[0]), "Liwan Talent Card: Tier B or above (Tier A, Tier B)");
    }

    #[test]
    fn a_liwan_c_benefit_reaches_youyue_c_and_t() {
        let e = explain(&[rule("liwan_talent", "C")], Some(&demo_schemes()), Lang::En);
        assert_eq!(
            line(Lang::En, &e.recognised[0]),
            "Youyue Foshan Card: Tier T or above (Tier A, Tier B, Tier C, Tier T)"
        );
    }

    #[test]
    fn cards_named_by_a_rule_are_not_repeated_as_recognised() {
        let rules = [rule("liwan_talent", "C"), rule("youyue_foshan", "T")];
        let e = explain(&rules, Some(&demo_schemes()), Lang::ZhHk);
        assert_eq!(e.direct.len(), 2);
        assert!(e.recognised.is_empty());
        assert_eq!(line(Lang::ZhHk, &e.direct[0]), "荔灣區英才卡：C卡或以上（A卡、B卡、C卡）");
    }

    #[test]
    fn recognised_tiers_with_a_gap_are_listed_not_called_and_above() {
        let mut schemes = demo_schemes();
        // Drop "Liwan B ⇒ Youyue B": Liwan A and C qualify for a Youyue C benefit, B does not.
        schemes.recognition.retain(|r| r.id != 3);
        let e = explain(&[rule("youyue_foshan", "C")], Some(&schemes), Lang::En);
        assert_eq!(line(Lang::En, &e.recognised[0]), "Liwan Talent Card: Tier A, Tier C");
    }

    #[test]
    fn the_top_tier_alone_is_not_called_and_above() {
        let e = explain(&[rule("liwan_talent", "A")], Some(&demo_schemes()), Lang::ZhCn);
        assert_eq!(line(Lang::ZhCn, &e.direct[0]), "荔湾区英才卡：A卡");
        assert_eq!(line(Lang::ZhCn, &e.recognised[0]), "优粤佛山卡：A卡");
    }

    #[test]
    fn without_the_reference_list_codes_are_shown() {
        let e = explain(&[rule("youyue_foshan", "B")], None, Lang::En);
        assert_eq!(line(Lang::En, &e.direct[0]), "youyue_foshan: B");
        assert!(e.recognised.is_empty());
        let (scheme, tier) =
            card_name(None, Lang::En, &SchemeCode::parse("x").unwrap(), &TierCode::parse("B").unwrap());
        assert_eq!((scheme.as_str(), tier.as_str()), ("x", "B"));
    }
}
