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
//! and says how the card got in; [`decide`] adds everything else about one
//! card on one day — its registry status, the integrity list's holds on it
//! and its holder, its window, the
//! benefit being live, the personal quota and today's stock — and is what
//! both the cardholder's preview and the counter call.

use chrono::{Datelike, NaiveDate};
use linan_shared::{CardStatus, Quota, QuotaPeriod, Refusal};

use crate::{
    entity::{benefit_eligibility, card_tier, event_eligibility},
    reference::Reference,
};

/// An eligibility rule "scheme R, tier m and above", as benefits and events
/// store it: the minimum tier names its scheme too.
pub trait Rule {
    /// The rule's minimum tier.
    fn min_tier_id(&self) -> i64;
}

impl Rule for benefit_eligibility::Model {
    fn min_tier_id(&self) -> i64 {
        self.min_tier_id
    }
}

impl Rule for event_eligibility::Model {
    fn min_tier_id(&self) -> i64 {
        self.min_tier_id
    }
}

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

/// How the card reaches a benefit (or an event) with these rules (direct
/// preferred), if at all.
pub fn admits<R: Rule>(reference: &Reference, standings: &[Standing], rules: &[R]) -> Option<Via> {
    standings.iter().find(|s| rules.iter().any(|r| rule_admits(reference, s, r.min_tier_id()))).map(|s| s.via)
}

/// Every card tier of the reference data that reaches a benefit with these
/// rules on `day`, and how — the detail page's "who can use it".
pub fn reached_by<R: Rule>(reference: &Reference, rules: &[R], day: NaiveDate) -> Vec<linan_shared::CardReach> {
    reference
        .tiers
        .iter()
        .filter_map(|tier| {
            let via = admits(reference, &standings(reference, tier, day), rules)?;
            let (scheme, tier) = reference.tier_codes(tier.id)?;
            Some(linan_shared::CardReach { scheme, tier, via: reach(reference, via)? })
        })
        .collect()
}

/// `via` as the shared model says it: directly, or as which scheme and tier
/// through which recognition row; `None` if the row or its tier is unknown.
pub fn reach(reference: &Reference, via: Via) -> Option<linan_shared::Reach> {
    match via {
        Via::Direct => Some(linan_shared::Reach::Direct),
        Via::Recognition { row_id } => {
            let row = reference.recognition.iter().find(|r| r.id == row_id)?;
            let (as_scheme, as_tier) = reference.tier_codes(row.to_tier_id)?;
            Some(linan_shared::Reach::Recognition { recognition_id: row_id, as_scheme, as_tier })
        }
    }
}

/// What [`decide`] needs to know about a card.
#[derive(Debug, Clone, Copy)]
pub struct CardFacts<'a> {
    /// Its tier.
    pub tier: &'a card_tier::Model,
    /// Its status.
    pub status: CardStatus,
    /// First day it is valid.
    pub valid_from: NaiveDate,
    /// Last day it is valid.
    pub valid_until: NaiveDate,
    /// The integrity list's live holds on it and on its holder.
    pub held: Held,
}

/// Which live holds of the integrity list apply to a card: they stop it
/// whatever the registry's status says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Held {
    /// A hold on the card itself.
    pub card: bool,
    /// A hold on its holder (every card of the person).
    pub holder: bool,
}

/// What [`decide`] needs to know about a benefit.
#[derive(Debug, Clone, Copy)]
pub struct BenefitFacts<'a> {
    /// Published, its partner approved, and `day` inside its window.
    pub live: bool,
    /// Its eligibility rules.
    pub rules: &'a [benefit_eligibility::Model],
    /// Its personal limit and daily stock.
    pub quota: Quota,
}

/// Uses already counted: the holder's in the current period (over all their
/// cards) and everybody's today.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    /// The holder's uses of this benefit in the current quota period.
    pub person_used: u32,
    /// Uses of this benefit today, by anyone.
    pub stock_used: u32,
}

/// The answer: how the card reaches the benefit (if its tier does), whether
/// it may use it now (`refusal` absent) and what is left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    /// Directly or through which recognition row; `None` if no rule admits the card.
    pub via: Option<Via>,
    /// Why it cannot be used now.
    pub refusal: Option<Refusal>,
    /// Personal uses left in the period (`None`: no limit).
    pub remaining: Option<u32>,
    /// Stock left today (`None`: no daily stock).
    pub stock_left: Option<u32>,
}

/// Decides whether a card may use a benefit on `day`, and why not. The
/// reasons are checked from the holder outwards: holder, card, benefit,
/// tier, then what is used up.
pub fn decide(
    reference: &Reference,
    card: CardFacts<'_>,
    benefit: BenefitFacts<'_>,
    usage: Usage,
    day: NaiveDate,
) -> Verdict {
    let via = admits(reference, &standings(reference, card.tier, day), benefit.rules);
    let remaining = benefit.quota.per_person_limit.map(|limit| limit.saturating_sub(usage.person_used));
    let stock_left = benefit.quota.daily_stock.map(|stock| stock.saturating_sub(usage.stock_used));
    let refusal = if let Some(refusal) = card_refusal(&card, day) {
        Some(refusal)
    } else if !benefit.live {
        Some(Refusal::NotValidToday)
    } else if via.is_none() {
        Some(Refusal::TierTooLow)
    } else if remaining == Some(0) {
        Some(Refusal::QuotaUsed)
    } else if stock_left == Some(0) {
        Some(Refusal::StockGone)
    } else {
        None
    };
    Verdict { via, refusal, remaining, stock_left }
}

/// Why the card cannot use anything on `day` (holder held, card suspended
/// by the registry or held, card expired), if so.
pub fn card_refusal(card: &CardFacts<'_>, day: NaiveDate) -> Option<Refusal> {
    if card.held.holder {
        Some(Refusal::PersonSuspended)
    } else if card.status == CardStatus::Suspended || card.held.card {
        Some(Refusal::CardSuspended)
    } else if card.status == CardStatus::Expired || day < card.valid_from || card.valid_until < day {
        Some(Refusal::CardExpired)
    } else {
        None
    }
}

/// The key of the quota period containing `day`: uses with the same key
/// count together (`life` for a lifetime limit, `none` without a limit).
pub fn period_key(period: Option<QuotaPeriod>, day: NaiveDate) -> String {
    match period {
        Some(QuotaPeriod::Day) => format!("d{day}"),
        Some(QuotaPeriod::Month) => format!("m{:04}-{:02}", day.year(), day.month()),
        Some(QuotaPeriod::Year) => format!("y{:04}", day.year()),
        Some(QuotaPeriod::Lifetime) => "life".to_owned(),
        None => "none".to_owned(),
    }
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
                created_at: chrono::DateTime::UNIX_EPOCH,
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
        let event_rule = event_eligibility::Model { id: 1, event_id: 1, scheme_id: 0, min_tier_id: 2 };
        assert_eq!(admits(&r, &s, &[event_rule]), None, "events are judged by the same rule");
        assert_eq!(admitting_tiers(&r, &s), vec![3]);
    }

    #[test]
    fn an_expired_recognition_row_no_longer_applies() {
        let r = reference(Some(day("2026-06-30")));
        let liwan_b = r.tier(2).unwrap().clone();
        assert_eq!(standings(&r, &liwan_b, day("2026-06-30")).len(), 2);
        assert_eq!(standings(&r, &liwan_b, day("2026-07-01")).len(), 1);
    }

    fn card(tier: &card_tier::Model) -> CardFacts<'_> {
        CardFacts {
            tier,
            status: CardStatus::Active,
            valid_from: day("2026-01-01"),
            valid_until: day("2027-12-31"),
            held: Held::default(),
        }
    }

    #[test]
    fn decide_names_the_first_reason_from_the_holder_outwards() {
        let r = reference(None);
        let rules = [rule(5)]; // Youyue B and above
        let quota =
            Quota { per_person_limit: Some(1), per_person_period: Some(QuotaPeriod::Month), daily_stock: Some(2) };
        let benefit = BenefitFacts { live: true, rules: &rules, quota };
        let today = day("2026-11-28");
        let liwan_b = &r.tiers[1];
        let ok = decide(&r, card(liwan_b), benefit, Usage::default(), today);
        assert_eq!(
            ok,
            Verdict {
                via: Some(Via::Recognition { row_id: 9 }),
                refusal: None,
                remaining: Some(1),
                stock_left: Some(2)
            }
        );
        let used = Usage { person_used: 1, stock_used: 0 };
        assert_eq!(decide(&r, card(liwan_b), benefit, used, today).refusal, Some(Refusal::QuotaUsed));
        let gone = Usage { person_used: 0, stock_used: 2 };
        assert_eq!(decide(&r, card(liwan_b), benefit, gone, today).refusal, Some(Refusal::StockGone));
        assert_eq!(decide(&r, card(&r.tiers[2]), benefit, Usage::default(), today).refusal, Some(Refusal::TierTooLow));
        let closed = BenefitFacts { live: false, ..benefit };
        assert_eq!(decide(&r, card(liwan_b), closed, Usage::default(), today).refusal, Some(Refusal::NotValidToday));
        let suspended = CardFacts { status: CardStatus::Suspended, ..card(liwan_b) };
        assert_eq!(decide(&r, suspended, closed, used, today).refusal, Some(Refusal::CardSuspended));
        let old = CardFacts { valid_until: day("2026-11-27"), ..card(liwan_b) };
        assert_eq!(decide(&r, old, benefit, Usage::default(), today).refusal, Some(Refusal::CardExpired));
        let held = CardFacts { held: Held { card: true, holder: false }, ..card(liwan_b) };
        assert_eq!(decide(&r, held, benefit, Usage::default(), today).refusal, Some(Refusal::CardSuspended));
        let banned = CardFacts { held: Held { card: false, holder: true }, ..suspended };
        assert_eq!(decide(&r, banned, benefit, Usage::default(), today).refusal, Some(Refusal::PersonSuspended));
    }

    #[test]
    fn period_keys_group_uses_by_calendar_period() {
        let d = day("2026-11-28");
        assert_eq!(period_key(Some(QuotaPeriod::Day), d), "d2026-11-28");
        assert_eq!(period_key(Some(QuotaPeriod::Month), d), "m2026-11");
        assert_eq!(period_key(Some(QuotaPeriod::Month), day("2026-11-01")), period_key(Some(QuotaPeriod::Month), d));
        assert_ne!(period_key(Some(QuotaPeriod::Month), day("2026-12-01")), period_key(Some(QuotaPeriod::Month), d));
        assert_eq!(period_key(Some(QuotaPeriod::Year), d), "y2026");
        assert_eq!(period_key(Some(QuotaPeriod::Lifetime), d), "life");
    }
}
