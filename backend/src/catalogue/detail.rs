//! `GET /api/v1/benefits/{id}` and `GET /api/v1/partners/{id}`.

use chrono::NaiveDate;
use linan_shared::{BenefitDetail, Lang, PartnerDto};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::assemble::{Loaded, partner_kind, partner_location, quota, summary};
use crate::{
    eligibility::reached_by,
    entity::{benefit, partner},
    error::ApiError,
    live,
    reference::Reference,
};

/// A public benefit in full: one open on `day` ([`live::is_open`]: live, or
/// upcoming, since benefits found with `valid_on` can be opened too).
pub async fn benefit_detail(
    db: &impl ConnectionTrait,
    reference: &Reference,
    id: i64,
    lang: Lang,
    day: NaiveDate,
) -> Result<BenefitDetail, ApiError> {
    let b = benefit::Entity::find_by_id(id)
        .filter(live::open_condition(day))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("benefit"))?;
    let loaded = Loaded::for_benefits(db, std::slice::from_ref(&b)).await?;
    let p = loaded
        .partners
        .get(&b.partner_id)
        .filter(|p| live::is_open(&b, p, day))
        .ok_or(ApiError::NotFound("benefit"))?;
    let address = p.address().get(lang).to_owned();
    let summary = summary(reference, &loaded, &b, lang, None)
        .ok_or_else(|| ApiError::Internal(format!("benefit {id} has broken references")))?;
    let rules = loaded.rules.get(&b.id).map(Vec::as_slice).unwrap_or_default();
    Ok(BenefitDetail {
        summary,
        description: b.description().get(lang).to_owned(),
        terms: b.terms().get(lang).to_owned(),
        address,
        quota: quota(&b),
        reached_by: reached_by(reference, rules, day),
        version: b.version,
        updated_at: b.updated_at.to_rfc3339(),
    })
}

/// A public partner's profile, with how many benefits are live on `day`.
pub async fn partner_detail(
    db: &impl ConnectionTrait,
    reference: &Reference,
    id: i64,
    lang: Lang,
    day: NaiveDate,
) -> Result<PartnerDto, ApiError> {
    let p = partner::Entity::find_by_id(id)
        .filter(live::partner_condition())
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("partner"))?;
    let count = benefit::Entity::find()
        .filter(benefit::Column::PartnerId.eq(id))
        .filter(live::condition(day))
        .count(db)
        .await?;
    Ok(PartnerDto {
        id: p.id,
        name: p.name().get(lang).to_owned(),
        kind: partner_kind(&p),
        district: reference
            .district_code(p.district_id)
            .ok_or_else(|| ApiError::Internal(format!("partner {id} has no district")))?,
        address: p.address().get(lang).to_owned(),
        location: partner_location(&p),
        phone: p.phone.clone(),
        benefit_count: u32::try_from(count).unwrap_or(u32::MAX),
    })
}
