//! Turning stored rows into the shared model's DTOs.

use std::collections::HashMap;

use linan_shared::{
    BenefitSummary, EligibilityRule, GeoPoint, Gives, Lang, PartnerKind, PartnerSummary, Quota, QuotaPeriod, Validity,
};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    calendar::from_naive,
    entity::{benefit, benefit_eligibility, partner},
    reference::Reference,
};

/// Benefits with what their DTOs need: partners and eligibility rules.
pub(crate) struct Loaded {
    pub(crate) partners: HashMap<i64, partner::Model>,
    pub(crate) rules: HashMap<i64, Vec<benefit_eligibility::Model>>,
}

impl Loaded {
    /// Loads the partners and rules of `benefits` in two queries.
    pub(crate) async fn for_benefits(db: &impl ConnectionTrait, benefits: &[benefit::Model]) -> Result<Self, DbErr> {
        let ids: Vec<i64> = benefits.iter().map(|b| b.id).collect();
        let mut partner_ids: Vec<i64> = benefits.iter().map(|b| b.partner_id).collect();
        partner_ids.sort_unstable();
        partner_ids.dedup();
        let partners = partner::Entity::find()
            .filter(partner::Column::Id.is_in(partner_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let mut rules: HashMap<i64, Vec<benefit_eligibility::Model>> = HashMap::new();
        for rule in benefit_eligibility::Entity::find()
            .filter(benefit_eligibility::Column::BenefitId.is_in(ids))
            .order_by_asc(benefit_eligibility::Column::Id)
            .all(db)
            .await?
        {
            rules.entry(rule.benefit_id).or_default().push(rule);
        }
        Ok(Loaded { partners, rules })
    }
}

/// A partner's kind, tolerating an unknown stored value as `merchant`.
pub(crate) fn partner_kind(p: &partner::Model) -> PartnerKind {
    PartnerKind::from_code(&p.kind).unwrap_or(PartnerKind::Merchant)
}

/// A partner's location; stored points were validated on the way in.
pub(crate) fn partner_location(p: &partner::Model) -> GeoPoint {
    GeoPoint::new(p.lat, p.lon).unwrap_or_else(|_| {
        tracing::warn!(partner = p.id, "invalid location stored");
        GeoPoint::new(0.0, 0.0).unwrap_or_else(|_| unreachable!("0,0 is a valid point"))
    })
}

/// The stored quota columns as a [`Quota`].
pub(crate) fn quota(b: &benefit::Model) -> Quota {
    Quota {
        per_person_limit: b.per_person_limit.and_then(|n| u32::try_from(n).ok()),
        per_person_period: b.per_person_period.as_deref().and_then(QuotaPeriod::from_code),
        daily_stock: b.daily_stock.and_then(|n| u32::try_from(n).ok()),
    }
}

/// The eligibility rules of benefit `id` as codes.
pub(crate) fn rules(reference: &Reference, loaded: &Loaded, id: i64) -> Vec<EligibilityRule> {
    loaded
        .rules
        .get(&id)
        .map(|rules| {
            rules
                .iter()
                .filter_map(|r| reference.tier_codes(r.min_tier_id))
                .map(|(scheme, min_tier)| EligibilityRule { scheme, min_tier })
                .collect()
        })
        .unwrap_or_default()
}

/// One benefit as a list item; `None` if its references are broken
/// (which the foreign keys prevent).
pub(crate) fn summary(
    reference: &Reference,
    loaded: &Loaded,
    b: &benefit::Model,
    lang: Lang,
    distance_km: Option<f64>,
) -> Option<BenefitSummary> {
    let p = loaded.partners.get(&b.partner_id)?;
    let gives: Gives = match serde_json::from_str(&b.gives) {
        Ok(g) => g,
        Err(e) => {
            tracing::warn!(benefit = b.id, error = %e, "unreadable `gives` stored; benefit skipped");
            return None;
        }
    };
    let eligibility = rules(reference, loaded, b.id);
    Some(BenefitSummary {
        id: b.id,
        category: reference.category_code(b.category_id)?,
        district: reference.district_code(b.district_id)?,
        partner: PartnerSummary { id: p.id, name: p.name().get(lang).to_owned(), kind: partner_kind(p) },
        title: b.title().get(lang).to_owned(),
        summary: b.summary().get(lang).to_owned(),
        gives,
        eligibility,
        validity: Validity { from: from_naive(b.valid_from), until: from_naive(b.valid_until) },
        location: partner_location(p),
        distance_km,
    })
}
