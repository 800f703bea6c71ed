//! Redemptions as their DTOs — with the offer's title, the partner's name
//! and the card number — and the lists of them the cardholder and the
//! merchant read.

use std::collections::HashMap;

use chrono::SecondsFormat;
use linan_shared::{Lang, RedemptionDto, RedemptionList};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::{
    auth::{Actor, policy},
    entity::{benefit, card, partner, redemption},
    error::ApiError,
};

/// What redemptions name — their offers, partners and cards — read once,
/// then rendered in any language.
pub(super) struct Named {
    benefits: HashMap<i64, benefit::Model>,
    partners: HashMap<i64, partner::Model>,
    cards: HashMap<i64, String>,
}

impl Named {
    pub(super) async fn read(db: &impl ConnectionTrait, rows: &[redemption::Model]) -> Result<Self, ApiError> {
        let benefit_ids: Vec<i64> = rows.iter().map(|r| r.benefit_id).collect();
        let card_ids: Vec<i64> = rows.iter().map(|r| r.card_id).collect();
        let benefits: HashMap<i64, benefit::Model> = benefit::Entity::find()
            .filter(benefit::Column::Id.is_in(benefit_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|b| (b.id, b))
            .collect();
        let partner_ids: Vec<i64> = benefits.values().map(|b| b.partner_id).collect();
        let partners = partner::Entity::find()
            .filter(partner::Column::Id.is_in(partner_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let cards = card::Entity::find()
            .filter(card::Column::Id.is_in(card_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|c| (c.id, c.number))
            .collect();
        Ok(Named { benefits, partners, cards })
    }

    /// What one redemption names, from rows already loaded.
    pub(super) fn of(benefit: &benefit::Model, partner: Option<&partner::Model>, card: &card::Model) -> Self {
        Named {
            benefits: HashMap::from([(benefit.id, benefit.clone())]),
            partners: partner.map(|p| (p.id, p.clone())).into_iter().collect(),
            cards: HashMap::from([(card.id, card.number.clone())]),
        }
    }

    /// The DTO of `r`, with the offer's title and the partner's name in `lang`.
    pub(super) fn dto(&self, r: &redemption::Model, lang: Lang) -> RedemptionDto {
        let title = self.benefits.get(&r.benefit_id).map(|b| b.title());
        let partner = self.partners.get(&r.partner_id).map(|p| p.name());
        RedemptionDto {
            id: r.id,
            benefit_id: r.benefit_id,
            benefit_title: title.map(|t| t.get(lang).to_owned()).unwrap_or_default(),
            partner_name: partner.map(|p| p.get(lang).to_owned()).unwrap_or_default(),
            card_number: self.cards.get(&r.card_id).cloned().unwrap_or_default(),
            redeemed_at: r.redeemed_at.to_rfc3339_opts(SecondsFormat::Secs, true),
            voided_at: r.voided_at.map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true)),
            void_reason: r.void_reason.clone(),
        }
    }
}

/// Redemptions as their DTOs, texts in `lang`.
async fn dtos(
    db: &impl ConnectionTrait,
    rows: &[redemption::Model],
    lang: Lang,
) -> Result<Vec<RedemptionDto>, ApiError> {
    let named = Named::read(db, rows).await?;
    Ok(rows.iter().map(|r| named.dto(r, lang)).collect())
}

pub(super) async fn one_dto(
    db: &impl ConnectionTrait,
    row: &redemption::Model,
    lang: Lang,
) -> Result<RedemptionDto, ApiError> {
    Ok(Named::read(db, std::slice::from_ref(row)).await?.dto(row, lang))
}

/// A redemption for the audit log (its texts in zh-CN, like every audit
/// record) and for the answer (in `lang`), from one read.
pub(super) async fn audited_and_answer(
    db: &impl ConnectionTrait,
    row: &redemption::Model,
    lang: Lang,
) -> Result<(RedemptionDto, RedemptionDto), ApiError> {
    let named = Named::read(db, std::slice::from_ref(row)).await?;
    Ok((named.dto(row, Lang::ZhCn), named.dto(row, lang)))
}

/// The person's redemptions (over all their cards), newest first.
pub async fn of_person(db: &impl ConnectionTrait, person_id: i64, lang: Lang) -> Result<RedemptionList, ApiError> {
    let rows = redemption::Entity::find()
        .filter(redemption::Column::PersonId.eq(person_id))
        .order_by_desc(redemption::Column::Id)
        .limit(200)
        .all(db)
        .await?;
    Ok(RedemptionList { items: dtos(db, &rows, lang).await? })
}

/// The merchant's partner's latest redemptions (for the counter's void button).
pub async fn of_partner(db: &impl ConnectionTrait, actor: &Actor, lang: Lang) -> Result<RedemptionList, ApiError> {
    let partner_id = policy::merchant_partner(actor)?;
    let rows = redemption::Entity::find()
        .filter(redemption::Column::PartnerId.eq(partner_id))
        .order_by_desc(redemption::Column::Id)
        .limit(100)
        .all(db)
        .await?;
    Ok(RedemptionList { items: dtos(db, &rows, lang).await? })
}
