//! Redemption at the counter, voids, and the lists built from redemptions.
//!
//! A redemption runs in one transaction: resolve the card, decide (the one
//! eligibility function, on counters read in the transaction), then *take*
//! the use — a conditional UPDATE of the person's period counter
//! (`used < limit`) and of the day's stock counter (`used < stock`). The
//! database serialises those UPDATEs, so across replicas only one request
//! takes the last use; the loser's UPDATE changes no row and it is refused
//! with the same reason the preview would give.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate, SecondsFormat};
use linan_shared::{
    AuditAction, FigureRow, Figures, Lang, RedemptionDto, RedemptionList, RedemptionRequest, Refusal, StockLeft,
    VoidRequest,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionSession, TransactionTrait, sea_query::Expr,
};

use super::{code, facts};
use crate::{
    audit::{self, By, Change},
    auth::{Actor, policy},
    cards::IdKey,
    catalogue::{assemble, text},
    clock::Clock,
    db::sql::Sql,
    eligibility::{decide, period_key},
    entity::{benefit, card, partner, redemption},
    error::ApiError,
    reference::Reference,
};

/// How long a merchant may void a redemption.
pub const VOID_MINUTES: i64 = 30;
/// Longest idempotency key accepted.
pub const MAX_IDEMPOTENCY_KEY: usize = 100;

/// What redemptions name — their offers, partners and cards — read once,
/// then rendered in any language.
struct Named {
    benefits: HashMap<i64, benefit::Model>,
    partners: HashMap<i64, partner::Model>,
    cards: HashMap<i64, String>,
}

impl Named {
    async fn read(db: &impl ConnectionTrait, rows: &[redemption::Model]) -> Result<Self, ApiError> {
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

    /// The DTO of `r`, with the offer's title and the partner's name in `lang`.
    fn dto(&self, r: &redemption::Model, lang: Lang) -> RedemptionDto {
        let title = self
            .benefits
            .get(&r.benefit_id)
            .map(|b| text(&b.title_zh_cn, b.title_zh_hk.as_deref(), b.title_en.as_deref()));
        let partner = self
            .partners
            .get(&r.partner_id)
            .map(|p| text(&p.name_zh_cn, p.name_zh_hk.as_deref(), p.name_en.as_deref()));
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

async fn one_dto(db: &impl ConnectionTrait, row: &redemption::Model, lang: Lang) -> Result<RedemptionDto, ApiError> {
    Ok(Named::read(db, std::slice::from_ref(row)).await?.dto(row, lang))
}

/// A redemption for the audit log (its texts in zh-CN, like every audit
/// record) and for the answer (in `lang`), from one read.
async fn audited_and_answer(
    db: &impl ConnectionTrait,
    row: &redemption::Model,
    lang: Lang,
) -> Result<(RedemptionDto, RedemptionDto), ApiError> {
    let named = Named::read(db, std::slice::from_ref(row)).await?;
    Ok((named.dto(row, Lang::ZhCn), named.dto(row, lang)))
}

/// Adds one to a usage counter if it is below `limit`; whether it was.
async fn take(
    db: &impl ConnectionTrait,
    table: &str,
    keys: &[(&str, sea_orm::Value)],
    limit: u32,
) -> Result<bool, ApiError> {
    let backend = db.get_database_backend();
    let mut insert = Sql::new(backend);
    insert.push(&format!("INSERT INTO {table} ("));
    insert.push(&keys.iter().map(|(c, _)| *c).collect::<Vec<_>>().join(", ")).push(", used) VALUES (");
    for (i, (_, v)) in keys.iter().enumerate() {
        if i > 0 {
            insert.push(", ");
        }
        insert.bind(v.clone());
    }
    insert.push(", 0) ON CONFLICT DO NOTHING");
    db.execute_raw(insert.into_statement()).await?;
    let mut update = Sql::new(backend);
    update.push(&format!("UPDATE {table} SET used = used + 1 WHERE used < ")).bind(i64::from(limit));
    for (c, v) in keys {
        update.push(&format!(" AND {c} = ")).bind(v.clone());
    }
    Ok(db.execute_raw(update.into_statement()).await?.rows_affected() == 1)
}

/// Gives back one use of a counter (a void).
async fn give_back(db: &impl ConnectionTrait, table: &str, keys: &[(&str, sea_orm::Value)]) -> Result<(), ApiError> {
    let mut update = Sql::new(db.get_database_backend());
    update.push(&format!("UPDATE {table} SET used = used - 1 WHERE used > 0"));
    for (c, v) in keys {
        update.push(&format!(" AND {c} = ")).bind(v.clone());
    }
    db.execute_raw(update.into_statement()).await?;
    Ok(())
}

/// The redemption an account recorded under `key`, if any.
async fn previous(
    db: &impl ConnectionTrait,
    account_id: i64,
    key: &str,
) -> Result<Option<redemption::Model>, ApiError> {
    Ok(redemption::Entity::find()
        .filter(redemption::Column::AccountId.eq(account_id))
        .filter(redemption::Column::IdempotencyKey.eq(key))
        .one(db)
        .await?)
}

/// The result of a redemption request.
#[derive(Debug)]
pub struct Redeemed {
    /// The redemption.
    pub redemption: RedemptionDto,
    /// Whether it was recorded by an earlier request with the same key.
    pub replayed: bool,
}

/// Redeems a benefit of the merchant's partner for the card shown.
#[allow(clippy::too_many_arguments)]
pub async fn redeem<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    reference: &Reference,
    key: &IdKey,
    clock: &Clock,
    actor: &Actor,
    idempotency_key: &str,
    request: &RedemptionRequest,
    lang: Lang,
) -> Result<Redeemed, ApiError> {
    let partner_id = policy::counter_partner(db, actor).await?;
    if idempotency_key.is_empty() || idempotency_key.len() > MAX_IDEMPOTENCY_KEY {
        return Err(ApiError::invalid(
            "Idempotency-Key",
            format!("send a header of 1 to {MAX_IDEMPOTENCY_KEY} characters"),
        ));
    }
    if let Some(done) = previous(db, actor.account.id, idempotency_key).await? {
        if done.benefit_id != request.benefit_id {
            return Err(ApiError::Conflict("this Idempotency-Key was used for another redemption".into()));
        }
        return Ok(Redeemed { redemption: one_dto(db, &done, lang).await?, replayed: true });
    }
    let now = clock.now();
    let day = crate::calendar::day_of(now);
    let txn = crate::db::begin_write(db).await?;
    let (c, shown_code) = code::resolve(&txn, key, &request.proof, now).await?;
    let b = benefit::Entity::find_by_id(request.benefit_id)
        .filter(benefit::Column::PartnerId.eq(partner_id))
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound("offer"))?;
    let card_facts = facts::card_facts_now(&txn, reference, &c).await?;
    let loaded = assemble::Loaded::for_benefits(&txn, std::slice::from_ref(&b)).await?;
    let usage = facts::usage(&txn, c.person_id, std::slice::from_ref(&b), day).await?;
    let verdict = decide(
        reference,
        card_facts,
        facts::benefit_facts(&loaded, &b, day),
        usage.get(&b.id).copied().unwrap_or_default(),
        day,
    );
    if let Some(refusal) = verdict.refusal {
        return Err(refusal.into());
    }
    let quota = assemble::quota(&b);
    let period = period_key(quota.per_person_period, day);
    if let Some(limit) = quota.per_person_limit {
        let keys =
            [("person_id", c.person_id.into()), ("benefit_id", b.id.into()), ("period_key", period.clone().into())];
        if !take(&txn, "quota_usage", &keys, limit).await? {
            return Err(Refusal::QuotaUsed.into());
        }
    }
    if let Some(stock) = quota.daily_stock {
        let keys = [("benefit_id", b.id.into()), ("day", day.into())];
        if !take(&txn, "stock_usage", &keys, stock).await? {
            return Err(Refusal::StockGone.into());
        }
    }
    if let Some(shown) = &shown_code {
        code::spend(&txn, shown.id, now).await?;
    }
    let row = redemption::ActiveModel {
        id: NotSet,
        benefit_id: Set(b.id),
        partner_id: Set(partner_id),
        card_id: Set(c.id),
        person_id: Set(c.person_id),
        account_id: Set(actor.account.id),
        redeemed_at: Set(now),
        day: Set(day),
        period_key: Set(period),
        idempotency_key: Set(idempotency_key.to_owned()),
        voided_at: Set(None),
        void_reason: Set(None),
        voided_by: Set(None),
    }
    .insert(&txn)
    .await;
    let row = match row {
        Ok(row) => row,
        Err(e) => {
            // The same key raced in from another request: answer with its result.
            drop(txn);
            if let Some(done) = previous(db, actor.account.id, idempotency_key).await? {
                return Ok(Redeemed { redemption: one_dto(db, &done, lang).await?, replayed: true });
            }
            return Err(e.into());
        }
    };
    let (audited, answer) = audited_and_answer(&txn, &row, lang).await?;
    let change = Change {
        action: AuditAction::RedemptionCreate,
        entity: "redemption",
        entity_id: row.id,
        district_id: Some(b.district_id),
        before: None,
        after: serde_json::to_value(&audited).ok(),
    };
    audit::record(&txn, now, Some(By::from(actor)), change).await?;
    txn.commit().await?;
    Ok(Redeemed { redemption: answer, replayed: false })
}

/// Voids a redemption of the merchant's partner within [`VOID_MINUTES`],
/// giving the use back to the person's quota and the day's stock.
pub async fn void<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    clock: &Clock,
    actor: &Actor,
    id: i64,
    request: &VoidRequest,
    lang: Lang,
) -> Result<RedemptionDto, ApiError> {
    let partner_id = policy::counter_partner(db, actor).await?;
    let reason = linan_shared::required_reason(Some(&request.reason))?;
    let now = clock.now();
    let txn = crate::db::begin_write(db).await?;
    let row = redemption::Entity::find_by_id(id)
        .filter(redemption::Column::PartnerId.eq(partner_id))
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound("redemption"))?;
    if row.voided_at.is_some() {
        return Err(ApiError::InvalidState("this redemption is voided already".into()));
    }
    if now - row.redeemed_at > Duration::minutes(VOID_MINUTES) {
        return Err(ApiError::InvalidState(format!("a redemption can be voided within {VOID_MINUTES} minutes only")));
    }
    let before = one_dto(&txn, &row, Lang::ZhCn).await?;
    let b = benefit::Entity::find_by_id(row.benefit_id).one(&txn).await?.ok_or(ApiError::NotFound("offer"))?;
    // The read above is no lock on PostgreSQL: two voids can both find the
    // row live. Only the one whose conditional update changes it goes on to
    // give the use back; the others answer as if they had come second.
    let claimed = redemption::Entity::update_many()
        .col_expr(redemption::Column::VoidedAt, Expr::value(now))
        .col_expr(redemption::Column::VoidReason, Expr::value(reason.clone()))
        .col_expr(redemption::Column::VoidedBy, Expr::value(actor.account.id))
        .filter(redemption::Column::Id.eq(id))
        .filter(redemption::Column::VoidedAt.is_null())
        .exec(&txn)
        .await?;
    if claimed.rows_affected != 1 {
        return Err(ApiError::InvalidState("this redemption is voided already".into()));
    }
    let keys = [
        ("person_id", row.person_id.into()),
        ("benefit_id", row.benefit_id.into()),
        ("period_key", row.period_key.clone().into()),
    ];
    give_back(&txn, "quota_usage", &keys).await?;
    give_back(&txn, "stock_usage", &[("benefit_id", row.benefit_id.into()), ("day", row.day.into())]).await?;
    // What the conditional update wrote, without reading the row again.
    let updated =
        redemption::Model { voided_at: Some(now), void_reason: Some(reason), voided_by: Some(actor.account.id), ..row };
    let (after, answer) = audited_and_answer(&txn, &updated, lang).await?;
    let change = Change {
        action: AuditAction::RedemptionVoid,
        entity: "redemption",
        entity_id: id,
        district_id: Some(b.district_id),
        before: serde_json::to_value(&before).ok(),
        after: serde_json::to_value(&after).ok(),
    };
    audit::record(&txn, now, Some(By::from(actor)), change).await?;
    txn.commit().await?;
    Ok(answer)
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

/// Redemptions per offer per day over the last `days` days, and stock left today.
pub async fn figures(db: &impl ConnectionTrait, clock: &Clock, actor: &Actor, days: u32) -> Result<Figures, ApiError> {
    let partner_id = policy::merchant_partner(actor)?;
    let today = clock.today();
    let since: NaiveDate = today - Duration::days(i64::from(days.clamp(1, 366)) - 1);
    let rows: Vec<(i64, NaiveDate, i64)> = redemption::Entity::find()
        .select_only()
        .column(redemption::Column::BenefitId)
        .column(redemption::Column::Day)
        .column_as(redemption::Column::Id.count(), "n")
        .filter(redemption::Column::PartnerId.eq(partner_id))
        .filter(redemption::Column::VoidedAt.is_null())
        .filter(redemption::Column::Day.gte(since))
        .group_by(redemption::Column::BenefitId)
        .group_by(redemption::Column::Day)
        .order_by_desc(redemption::Column::Day)
        .order_by_asc(redemption::Column::BenefitId)
        .into_tuple()
        .all(db)
        .await?;
    let days = rows
        .into_iter()
        .map(|(benefit_id, day, n)| FigureRow {
            benefit_id,
            day: day.to_string(),
            redemptions: u32::try_from(n).unwrap_or(0),
        })
        .collect();
    let stocked: Vec<benefit::Model> = benefit::Entity::find()
        .filter(benefit::Column::PartnerId.eq(partner_id))
        .filter(benefit::Column::DailyStock.is_not_null())
        .all(db)
        .await?;
    let used = facts::stock_used(db, &stocked, today).await?;
    let stock_left_today = stocked
        .iter()
        .filter_map(|b| {
            let stock = assemble::quota(b).daily_stock?;
            Some(StockLeft {
                benefit_id: b.id,
                daily_stock: stock,
                left: stock.saturating_sub(used.get(&b.id).copied().unwrap_or(0)),
            })
        })
        .collect();
    Ok(Figures { days, stock_left_today })
}
