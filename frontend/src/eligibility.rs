//! Who can use a benefit, in words.
//!
//! The server decides eligibility — with the one eligibility rule, the
//! recognition table and its validity dates — and sends every card tier that
//! reaches the benefit, directly or through recognition (`reached_by`). This
//! module only groups those tiers per scheme and words them: "Youyue Foshan
//! Card: tier B or above (A, B)", then the cards that qualify through mutual
//! recognition, which a visitor could not work out alone.

use linan_shared::{CardReach, CardSchemesDto, EligibilityRule, Lang, Reach, SchemeCode, TierCode, TierDto, fill};

use crate::i18n::{DetailKey, t};
use crate::wording::join;

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
    /// Cards the benefit names itself.
    pub direct: Vec<CardTiers>,
    /// Cards of other schemes that qualify through recognition.
    pub recognised: Vec<CardTiers>,
}

/// Groups the server's `reached_by` per scheme (in the reference list's
/// order), direct cards apart from recognised ones. Without the reference
/// list, codes are shown.
pub fn explain(reached: &[CardReach], schemes: Option<&CardSchemesDto>, lang: Lang) -> Explanation {
    let mut order: Vec<&SchemeCode> = schemes.map(|s| s.schemes.iter().map(|s| &s.code).collect()).unwrap_or_default();
    for r in reached {
        if !order.contains(&&r.scheme) {
            order.push(&r.scheme);
        }
    }
    let mut explanation = Explanation::default();
    for scheme in order {
        for recognised in [false, true] {
            let tiers: Vec<&TierCode> = reached
                .iter()
                .filter(|r| &r.scheme == scheme && matches!(r.via, Reach::Recognition { .. }) == recognised)
                .map(|r| &r.tier)
                .collect();
            if tiers.is_empty() {
                continue;
            }
            let card = card_tiers(schemes, lang, scheme, &tiers);
            if recognised { explanation.recognised.push(card) } else { explanation.direct.push(card) }
        }
    }
    explanation
}

fn card_tiers(schemes: Option<&CardSchemesDto>, lang: Lang, scheme: &SchemeCode, tiers: &[&TierCode]) -> CardTiers {
    let Some(dto) = schemes.and_then(|s| s.schemes.iter().find(|s| &s.code == scheme)) else {
        return CardTiers {
            scheme: scheme.to_string(),
            min_tier: None,
            tiers: tiers.iter().map(|t| t.to_string()).collect(),
        };
    };
    // Highest first, as the reference list orders them.
    let listed: Vec<&TierDto> = dto.tiers.iter().filter(|t| tiers.contains(&&t.code)).collect();
    // "and above" only when no tier above the lowest is missing.
    let min_tier = listed.iter().min_by_key(|t| t.rank).and_then(|lowest| {
        let above = dto.tiers.iter().filter(|t| t.rank >= lowest.rank).count();
        (above == listed.len()).then(|| lowest.name.get(lang).to_owned())
    });
    CardTiers {
        scheme: dto.name.get(lang).to_owned(),
        min_tier,
        tiers: listed.iter().map(|t| t.name.get(lang).to_owned()).collect(),
    }
}

/// One line of text for a card: `荔湾区英才卡：C卡及以上（A卡、B卡、C卡）`.
pub fn line(lang: Lang, card: &CardTiers) -> String {
    let sep = t(lang, DetailKey::ListSeparator);
    let listed = join(&card.tiers, sep);
    let tiers = match &card.min_tier {
        Some(min) if card.tiers.len() > 1 => {
            let above = fill(t(lang, DetailKey::TierOrAbove), &[("tier", min)]);
            if lang == Lang::En { format!("{above} ({listed})") } else { format!("{above}（{listed}）") }
        }
        _ => listed,
    };
    fill(t(lang, DetailKey::CardTiers), &[("card", &card.scheme), ("tiers", &tiers)])
}

/// Every card tier that reaches an event with these `rules`, directly or
/// through a recognition row valid on `today` (`YYYY-MM-DD`), worked out
/// from the reference list as the server's `eligibility::reached_by` does
/// for a benefit: an event's answer carries its rules, not the tiers. A
/// tier reaches a rule of its scheme at or above the rule's minimum rank.
pub fn event_reach(rules: &[EligibilityRule], schemes: &CardSchemesDto, today: &str) -> Vec<CardReach> {
    let rank = |scheme: &SchemeCode, tier: &TierCode| {
        let dto = schemes.schemes.iter().find(|s| &s.code == scheme)?;
        dto.tiers.iter().find(|t| &t.code == tier).map(|t| t.rank)
    };
    let admits = |scheme: &SchemeCode, tier: &TierCode| {
        rules.iter().any(|r| &r.scheme == scheme && rank(scheme, tier) >= rank(scheme, &r.min_tier).or(Some(i32::MAX)))
    };
    let mut reached = Vec::new();
    for scheme in &schemes.schemes {
        for tier in &scheme.tiers {
            let via = if admits(&scheme.code, &tier.code) {
                Some(Reach::Direct)
            } else {
                schemes
                    .recognition
                    .iter()
                    .filter(|r| r.from_scheme == scheme.code && r.from_tier == tier.code)
                    .filter(|r| r.valid_from.as_ref().is_none_or(|d| d.to_string().as_str() <= today))
                    .filter(|r| r.valid_until.as_ref().is_none_or(|d| d.to_string().as_str() >= today))
                    .find(|r| admits(&r.to_scheme, &r.to_tier))
                    .map(|r| Reach::Recognition {
                        recognition_id: r.id,
                        as_scheme: r.to_scheme.clone(),
                        as_tier: r.to_tier.clone(),
                    })
            };
            if let Some(via) = via {
                reached.push(CardReach { scheme: scheme.code.clone(), tier: tier.code.clone(), via });
            }
        }
    }
    reached
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
    use linan_shared::{DistrictCode, LocalizedText};

    use super::*;

    fn tier(code: &str, rank: i32, zh: &str, en: &str) -> TierDto {
        TierDto { code: TierCode::parse(code).unwrap(), rank, name: LocalizedText::new(zh, None, Some(en)) }
    }

    /// The demo data's schemes (the recognition rows do not matter here: the
    /// server applies them).
    pub(crate) fn demo_schemes() -> CardSchemesDto {
        let liwan = linan_shared::CardSchemeDto {
            code: SchemeCode::parse("liwan_talent").unwrap(),
            district: DistrictCode::parse("liwan").unwrap(),
            name: LocalizedText::new("荔湾区英才卡", Some("荔灣區英才卡"), Some("Liwan Talent Card")),
            tiers: vec![tier("A", 3, "A卡", "Tier A"), tier("B", 2, "B卡", "Tier B"), tier("C", 1, "C卡", "Tier C")],
        };
        let youyue = linan_shared::CardSchemeDto {
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
        CardSchemesDto { schemes: vec![liwan, youyue], recognition: Vec::new() }
    }

    /// A reach as the server sends it; `as_` names the recognised scheme/tier.
    pub(crate) fn reach(scheme: &str, tier: &str, as_: Option<(&str, &str)>) -> CardReach {
        CardReach {
            scheme: SchemeCode::parse(scheme).unwrap(),
            tier: TierCode::parse(tier).unwrap(),
            via: match as_ {
                None => Reach::Direct,
                Some((s, t)) => Reach::Recognition {
                    recognition_id: 1,
                    as_scheme: SchemeCode::parse(s).unwrap(),
                    as_tier: TierCode::parse(t).unwrap(),
                },
            },
        }
    }

    /// What the server sends for a benefit open to Youyue B and above.
    pub(crate) fn youyue_b() -> Vec<CardReach> {
        let y = "youyue_foshan";
        vec![
            reach(y, "A", None),
            reach(y, "B", None),
            reach("liwan_talent", "A", Some((y, "A"))),
            reach("liwan_talent", "B", Some((y, "B"))),
        ]
    }

    #[test]
    fn direct_and_recognised_cards_are_worded_per_scheme() {
        let schemes = demo_schemes();
        let e = explain(&youyue_b(), Some(&schemes), Lang::ZhCn);
        assert_eq!(e.direct.len(), 1);
        assert_eq!(line(Lang::ZhCn, &e.direct[0]), "优粤佛山卡：B卡及以上（A卡、B卡）");
        assert_eq!(e.recognised.len(), 1);
        assert_eq!(line(Lang::ZhCn, &e.recognised[0]), "荔湾区英才卡：B卡及以上（A卡、B卡）");
        let en = explain(&youyue_b(), Some(&schemes), Lang::En);
        assert_eq!(line(Lang::En, &en.recognised[0]), "Liwan Talent Card: Tier B or above (Tier A, Tier B)");
    }

    #[test]
    fn tiers_with_a_gap_are_listed_not_called_and_above() {
        let reached = [
            reach("liwan_talent", "A", Some(("youyue_foshan", "A"))),
            reach("liwan_talent", "C", Some(("youyue_foshan", "C"))),
        ];
        let e = explain(&reached, Some(&demo_schemes()), Lang::En);
        assert_eq!(line(Lang::En, &e.recognised[0]), "Liwan Talent Card: Tier A, Tier C");
    }

    #[test]
    fn the_top_tier_alone_is_not_called_and_above() {
        let reached = [reach("liwan_talent", "A", None), reach("youyue_foshan", "A", Some(("liwan_talent", "A")))];
        let e = explain(&reached, Some(&demo_schemes()), Lang::ZhCn);
        assert_eq!(line(Lang::ZhCn, &e.direct[0]), "荔湾区英才卡：A卡");
        assert_eq!(line(Lang::ZhCn, &e.recognised[0]), "优粤佛山卡：A卡");
    }

    #[test]
    fn zh_hk_uses_its_own_wording() {
        let reached =
            [reach("liwan_talent", "A", None), reach("liwan_talent", "B", None), reach("liwan_talent", "C", None)];
        let e = explain(&reached, Some(&demo_schemes()), Lang::ZhHk);
        assert_eq!(line(Lang::ZhHk, &e.direct[0]), "荔灣區英才卡：C卡或以上（A卡、B卡、C卡）");
    }

    #[test]
    fn without_the_reference_list_codes_are_shown() {
        let e = explain(&[reach("youyue_foshan", "B", None)], None, Lang::En);
        assert_eq!(line(Lang::En, &e.direct[0]), "youyue_foshan: B");
        assert!(e.recognised.is_empty());
        let (scheme, tier) =
            card_name(None, Lang::En, &SchemeCode::parse("x").unwrap(), &TierCode::parse("B").unwrap());
        assert_eq!((scheme.as_str(), tier.as_str()), ("x", "B"));
    }

    #[test]
    fn an_events_rules_reach_tiers_directly_and_through_valid_recognition() {
        let mut schemes = demo_schemes();
        let row = |id, valid_until: Option<&str>| linan_shared::RecognitionDto {
            id,
            from_scheme: SchemeCode::parse("liwan_talent").unwrap(),
            from_tier: TierCode::parse(if id == 1 { "A" } else { "B" }).unwrap(),
            to_scheme: SchemeCode::parse("youyue_foshan").unwrap(),
            to_tier: TierCode::parse(if id == 1 { "A" } else { "B" }).unwrap(),
            valid_from: None,
            valid_until: valid_until.map(|d| linan_shared::Date::parse(d).unwrap()),
        };
        schemes.recognition = vec![row(1, None), row(2, Some("2026-06-30"))];
        let rules = [EligibilityRule {
            scheme: SchemeCode::parse("youyue_foshan").unwrap(),
            min_tier: TierCode::parse("B").unwrap(),
        }];
        let reached = event_reach(&rules, &schemes, "2026-12-04");
        let y = "youyue_foshan";
        // Liwan B's row ended in June: only Liwan A is recognised.
        let mut expected = vec![reach("liwan_talent", "A", Some((y, "A"))), reach(y, "A", None), reach(y, "B", None)];
        if let Reach::Recognition { recognition_id, .. } = &mut expected[0].via {
            *recognition_id = 1;
        }
        assert_eq!(reached, expected);
        assert_eq!(event_reach(&rules, &schemes, "2026-06-01").len(), 4);
        assert!(event_reach(&[], &schemes, "2026-12-04").is_empty());
    }
}
