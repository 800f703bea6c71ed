//! Eligibility: which benefits a card reaches, directly or through the
//! mutual-recognition table.
//!
//! This is the one place that decides it. A card of scheme S and tier t
//! "stands" as (S, t) itself and, for every recognition row `(S, t) ⇒ (S', t')`
//! in force on the day, also as (S', t'). A benefit rule "scheme R, tier m and
//! above" admits a standing of scheme R whose rank is at least m's rank.
//! Recognition is one hop: rows are agreed pairwise between districts and are
//! not chained.
//!
//! The catalogue's `scheme`+`tier` filter uses [`admitting_tiers`] to run the
//! same rule inside the database; [`admits`] applies it to one benefit's rules
//! and says how the card got in.

use chrono::NaiveDate;

use crate::{
    catalogue::Reference,
    entity::{benefit_eligibility, card_tier},
};

/// How a card reaches a benefit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// The benefit names the card's own scheme.
    Direct,
    /// Through this recognition row.
    Recognition {
        /// The recognition row's id.
        row_id: i64,
    },
}

/// What a card counts as on one day: a scheme, a rank in it, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    /// Scheme id.
    pub scheme_id: i64,
    /// Rank within that scheme.
    pub rank: i32,
    /// Direct, or the recognition row that grants it.
    pub via: Via,
}

/// Every standing of a card of `tier` on `day`: itself first, then recognition.
pub fn standings(reference: &Reference, tier: &card_tier::Model, day: NaiveDate) -> Vec<Standing> {
    let mut out = vec![Standing { scheme_id: tier.scheme_id, rank: tier.rank, via: Via::Direct }];
    for row in reference.recognition.iter().filter(|r| r.from_tier_id == tier.id) {
        let in_force =
            row.valid_from.is_none_or(|from| from <= day) && row.valid_until.is_none_or(|until| day <= until);
        if let (true, Some(to)) = (in_force, reference.tier(row.to_tier_id)) {
            out.push(Standing { scheme_id: to.scheme_id, rank: to.rank, via: Via::Recognition { row_id: row.id } });
        }
    }
    out
}

/// Whether a rule with minimum tier `min_tier_id` admits `standing`.
fn rule_admits(reference: &Reference, standing: &Standing, min_tier_id: i64) -> bool {
    reference.tier(min_tier_id).is_some_and(|min| min.scheme_id == standing.scheme_id && min.rank <= standing.rank)
}

/// The ids of every tier that, used as a rule's minimum, admits one of the
/// standings: a benefit is reachable iff one of its rules has such a minimum.
pub fn admitting_tiers(reference: &Reference, standings: &[Standing]) -> Vec<i64> {
    reference.tiers.iter().filter(|t| standings.iter().any(|s| rule_admits(reference, s, t.id))).map(|t| t.id).collect()
}

/// How the card reaches a benefit with these rules (direct preferred), if at all.
pub fn admits(reference: &Reference, standings: &[Standing], rules: &[benefit_eligibility::Model]) -> Option<Via> {
    standings.iter().find(|s| rules.iter().any(|r| rule_admits(reference, s, r.min_tier_id))).map(|s| s.via)
}

/// Every card tier of the reference data that reaches a benefit with these
/// rules on `day`, and how — the detail page's "who can use it".
pub fn reached_by(
    reference: &Reference,
    rules: &[benefit_eligibility::Model],
    day: NaiveDate,
) -> Vec<linan_shared::CardReach> {
    reference
        .tiers
        .iter()
        .filter_map(|tier| {
            let via = admits(reference, &standings(reference, tier, day), rules)?;
            let (scheme, tier) = reference.tier_codes(tier.id)?;
            let via = match via {
                Via::Direct => linan_shared::Reach::Direct,
                Via::Recognition { row_id } => {
                    let row = reference.recognition.iter().find(|r| r.id == row_id)?;
                    let (as_scheme, as_tier) = reference.tier_codes(row.to_tier_id)?;
                    linan_shared::Reach::Recognition { recognition_id: row_id, as_scheme, as_tier }
                }
            };
            Some(linan_shared::CardReach { scheme, tier, via })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::{card_tier, recognition};

    fn tier(id: i64, scheme_id: i64, code: &str, rank: i32) -> card_tier::Model {
        card_tier::Model {
            id,
            scheme_id,
            code: code.into(),
            rank,
            name_zh_cn: code.into(),
            name_zh_hk: None,
            name_en: None,
        }
    }

    /// Liwan (scheme 1: A3 B2 C1) and Youyue (scheme 2: A4 B3 C2 T1); Liwan B ⇒ Youyue B.
    fn reference(until: Option<NaiveDate>) -> Reference {
        Reference {
            tiers: vec![
                tier(1, 1, "A", 3),
                tier(2, 1, "B", 2),
                tier(3, 1, "C", 1),
                tier(4, 2, "A", 4),
                tier(5, 2, "B", 3),
                tier(6, 2, "C", 2),
                tier(7, 2, "T", 1),
            ],
            recognition: vec![recognition::Model {
                id: 9,
                from_tier_id: 2,
                to_tier_id: 5,
                valid_from: None,
                valid_until: until,
                created_at: chrono::Utc::now(),
            }],
            ..Reference::default()
        }
    }

    fn rule(min_tier_id: i64) -> benefit_eligibility::Model {
        benefit_eligibility::Model { id: 1, benefit_id: 1, scheme_id: 0, min_tier_id }
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_recognised_card_reaches_the_other_schemes_benefits_at_or_below_its_tier() {
        let r = reference(None);
        let liwan_b = r.tier(2).unwrap().clone();
        let s = standings(&r, &liwan_b, day("2026-11-28"));
        assert_eq!(admits(&r, &s, &[rule(5)]), Some(Via::Recognition { row_id: 9 })); // Youyue B and above
        assert_eq!(admits(&r, &s, &[rule(6)]), Some(Via::Recognition { row_id: 9 })); // Youyue C and above
        assert_eq!(admits(&r, &s, &[rule(4)]), None); // Youyue A only
        assert_eq!(admits(&r, &s, &[rule(3), rule(5)]), Some(Via::Direct)); // direct wins
    }

    #[test]
    fn a_lower_tier_is_not_admitted() {
        let r = reference(None);
        let liwan_c = r.tier(3).unwrap().clone();
        let s = standings(&r, &liwan_c, day("2026-11-28"));
        assert_eq!(admits(&r, &s, &[rule(2)]), None);
        assert_eq!(admits(&r, &s, &[rule(7)]), None, "no recognition row for Liwan C");
        assert_eq!(admitting_tiers(&r, &s), vec![3]);
    }

    #[test]
    fn an_expired_recognition_row_no_longer_applies() {
        let r = reference(Some(day("2026-06-30")));
        let liwan_b = r.tier(2).unwrap().clone();
        assert_eq!(standings(&r, &liwan_b, day("2026-06-30")).len(), 2);
        assert_eq!(standings(&r, &liwan_b, day("2026-07-01")).len(), 1);
    }
}
