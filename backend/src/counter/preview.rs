//! What a card can get today and why: the cardholder's list and the
//! counter's check, from the same facts and the same decision.

use chrono::NaiveDate;
use linan_shared::{CardBenefitDto, CardBenefits, Lang, Reach};
use sea_orm::ConnectionTrait;

use super::facts;
use crate::{
    catalogue::assemble,
    eligibility::{decide, reach},
    entity::card,
    error::ApiError,
    reference::Reference,
};

/// Every live benefit (of `partner_id`, if given) whose rules card `c`
/// reaches on `day`, with the decision for each, in `lang`.
pub async fn card_benefits(
    db: &impl ConnectionTrait,
    reference: &Reference,
    c: &card::Model,
    day: NaiveDate,
    partner_id: Option<i64>,
    lang: Lang,
) -> Result<CardBenefits, ApiError> {
    let card_facts = facts::card_facts_now(db, reference, c).await?;
    let benefits = facts::live_benefits(db, day, partner_id).await?;
    let loaded = assemble::Loaded::for_benefits(db, &benefits).await?;
    let usage = facts::usage(db, c.person_id, &benefits, day).await?;
    let mut items = Vec::new();
    for b in &benefits {
        let verdict = decide(
            reference,
            card_facts,
            facts::benefit_facts(&loaded, b, day),
            usage.get(&b.id).copied().unwrap_or_default(),
            day,
        );
        let (Some(via), Some(summary)) = (verdict.via, assemble::summary(reference, &loaded, b, lang, None)) else {
            continue;
        };
        let quota = assemble::quota(b);
        items.push(CardBenefitDto {
            benefit: summary,
            via: reach(reference, via).unwrap_or(Reach::Direct),
            refusal: verdict.refusal,
            remaining: verdict.remaining,
            period: quota.per_person_period,
            stock_left: verdict.stock_left,
        });
    }
    // Usable first, then by title.
    items.sort_by(|a, b| {
        a.refusal.is_some().cmp(&b.refusal.is_some()).then_with(|| a.benefit.title.cmp(&b.benefit.title))
    });
    Ok(CardBenefits { card: facts::card_dto(reference, c, card_facts.held)?, items })
}
