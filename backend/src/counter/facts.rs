//! Loading what [`crate::eligibility::decide`] needs: a card's facts, the
//! live benefits, and the usage counters of a person and a day.

use std::collections::HashMap;

use chrono::NaiveDate;
use linan_shared::{CardDto, CardStatus};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::{
    catalogue::assemble,
    eligibility::{BenefitFacts, CardFacts, Held, Usage, period_key},
    entity::{benefit, card, quota_usage, stock_usage},
    error::ApiError,
    live,
    reference::Reference,
};

/// A card as its DTO. Its status is what stops it: suspended when the
/// registry says so or a live hold of the integrity list applies (`held`).
pub fn card_dto(reference: &Reference, c: &card::Model, held: Held) -> Result<CardDto, ApiError> {
    let (scheme, tier) = reference
        .tier_codes(c.tier_id)
        .ok_or_else(|| ApiError::Internal(format!("card {} has an unknown tier", c.id)))?;
    Ok(CardDto {
        number: c.number.clone(),
        scheme,
        tier,
        holder_name: c.holder_name.clone(),
        valid_until: c.valid_until.to_string(),
        status: if held.card || held.holder { CardStatus::Suspended } else { c.status },
    })
}

/// The facts of card `c`, with the live holds `held` on it and its holder.
fn card_facts<'a>(reference: &'a Reference, c: &card::Model, held: Held) -> Result<CardFacts<'a>, ApiError> {
    Ok(CardFacts {
        tier: reference
            .tier(c.tier_id)
            .ok_or_else(|| ApiError::Internal(format!("card {} has an unknown tier", c.id)))?,
        status: c.status,
        valid_from: c.valid_from,
        valid_until: c.valid_until,
        held,
    })
}

/// The facts of card `c` with the live holds read from `db`.
pub async fn card_facts_now<'a>(
    db: &impl ConnectionTrait,
    reference: &'a Reference,
    c: &card::Model,
) -> Result<CardFacts<'a>, ApiError> {
    card_facts(reference, c, super::holds::held(db, c).await?)
}

/// The benefits live on `day` ([`crate::live`]), of one partner if given.
pub async fn live_benefits(
    db: &impl ConnectionTrait,
    day: NaiveDate,
    partner_id: Option<i64>,
) -> Result<Vec<benefit::Model>, ApiError> {
    let mut find = benefit::Entity::find().filter(live::condition(day));
    if let Some(id) = partner_id {
        find = find.filter(benefit::Column::PartnerId.eq(id));
    }
    Ok(find.all(db).await?)
}

/// The benefit facts of `b` (its rules from `loaded`), live on `day` or not.
pub(crate) fn benefit_facts<'a>(loaded: &'a assemble::Loaded, b: &benefit::Model, day: NaiveDate) -> BenefitFacts<'a> {
    let live = loaded.partners.get(&b.partner_id).is_some_and(|p| live::is_live(b, p, day));
    BenefitFacts { live, rules: loaded.rules.get(&b.id).map(Vec::as_slice).unwrap_or(&[]), quota: assemble::quota(b) }
}

/// The usage of `benefits` by person `person_id` in each one's current
/// period, and by everyone on `day`.
pub async fn usage(
    db: &impl ConnectionTrait,
    person_id: i64,
    benefits: &[benefit::Model],
    day: NaiveDate,
) -> Result<HashMap<i64, Usage>, ApiError> {
    let ids: Vec<i64> = benefits.iter().map(|b| b.id).collect();
    let personal: HashMap<(i64, String), i32> = quota_usage::Entity::find()
        .filter(quota_usage::Column::PersonId.eq(person_id))
        .filter(quota_usage::Column::BenefitId.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| ((u.benefit_id, u.period_key), u.used))
        .collect();
    let today = stock_used(db, benefits, day).await?;
    let count = |n: Option<&i32>| n.and_then(|n| u32::try_from(*n).ok()).unwrap_or(0);
    Ok(benefits
        .iter()
        .map(|b| {
            let key = period_key(assemble::quota(b).per_person_period, day);
            let usage = Usage {
                person_used: count(personal.get(&(b.id, key))),
                stock_used: today.get(&b.id).copied().unwrap_or(0),
            };
            (b.id, usage)
        })
        .collect())
}

/// Uses of each of `benefits` on `day`, by anyone (absent: none yet).
pub async fn stock_used(
    db: &impl ConnectionTrait,
    benefits: &[benefit::Model],
    day: NaiveDate,
) -> Result<HashMap<i64, u32>, ApiError> {
    let ids: Vec<i64> = benefits.iter().map(|b| b.id).collect();
    Ok(stock_usage::Entity::find()
        .filter(stock_usage::Column::BenefitId.is_in(ids))
        .filter(stock_usage::Column::Day.eq(day))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.benefit_id, u32::try_from(u.used).unwrap_or(0)))
        .collect())
}
