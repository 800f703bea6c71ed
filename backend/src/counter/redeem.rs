//! Redemption at the counter (voids are [`super::void`], the lists
//! [`super::listing`], a merchant's figures [`super::figures`]).
//!
//! A redemption runs in one transaction: resolve the card, decide (the one
//! eligibility function, on counters read in the transaction), then *take*
//! the use — a conditional UPDATE of the person's period counter
//! (`used < limit`) and of the day's stock counter (`used < stock`). The
//! database serialises those UPDATEs, so across replicas only one request
//! takes the last use; the loser's UPDATE changes no row and it is refused
//! with the same reason the preview would give.

use linan_shared::{AuditAction, Lang, RedemptionDto, RedemptionRequest, Refusal};
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set,
    TransactionSession, TransactionTrait,
};

use super::{
    code, facts,
    listing::{Named, one_dto},
};
use crate::{
    audit::{self, By, Change},
    auth::{Actor, policy},
    cards::IdKey,
    catalogue::assemble,
    db::{is_unique_violation, sql::Sql},
    eligibility::{decide, period_key},
    entity::{benefit, redemption},
    error::ApiError,
    http::idempotency::IdempotencyKey,
    reference::Reference,
};

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

/// The answer to a retry: the redemption recorded under the same key,
/// unless that key was used for another offer.
async fn replay(
    db: &impl ConnectionTrait,
    done: redemption::Model,
    request: &RedemptionRequest,
    lang: Lang,
) -> Result<Redeemed, ApiError> {
    if done.benefit_id != request.benefit_id {
        return Err(ApiError::Conflict("this Idempotency-Key was used for another redemption".into()));
    }
    Ok(Redeemed { redemption: one_dto(db, &done, lang).await?, replayed: true })
}

/// Redeems a benefit of the merchant's partner for the card shown, at the
/// request's time; a retry with the same `idempotency_key` gets the first answer.
pub async fn redeem<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    reference: &Reference,
    key: &IdKey,
    actor: &Actor,
    idempotency_key: &IdempotencyKey,
    request: &RedemptionRequest,
    lang: Lang,
) -> Result<Redeemed, ApiError> {
    let partner_id = policy::counter_partner(db, actor).await?;
    if let Some(done) = previous(db, actor.account.id, idempotency_key.as_str()).await? {
        return replay(db, done, request, lang).await;
    }
    let now = actor.now;
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
        idempotency_key: Set(idempotency_key.as_str().to_owned()),
        voided_at: Set(None),
        void_reason: Set(None),
        voided_by: Set(None),
    }
    .insert(&txn)
    .await;
    let row = match row {
        Ok(row) => row,
        // The same key raced in from another request (the unique index on
        // account and key): answer with its result. Any other failure,
        // including another unique violation, is an error.
        Err(e) if is_unique_violation(&e) => {
            drop(txn);
            let Some(done) = previous(db, actor.account.id, idempotency_key.as_str()).await? else {
                return Err(e.into());
            };
            return replay(db, done, request, lang).await;
        }
        Err(e) => return Err(e.into()),
    };
    // Named from the rows already loaded: the offer, its partner, the card.
    let named = Named::of(&b, loaded.partners.get(&b.partner_id), &c);
    let change = Change {
        action: AuditAction::RedemptionCreate,
        entity: "redemption",
        entity_id: row.id,
        district_id: Some(b.district_id),
        before: None,
        after: serde_json::to_value(named.dto(&row, Lang::ZhCn)).ok(),
    };
    audit::record(&txn, now, Some(By::from(actor)), change).await?;
    txn.commit().await?;
    Ok(Redeemed { redemption: named.dto(&row, lang), replayed: false })
}
