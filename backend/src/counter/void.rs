//! Voiding a redemption at the counter within [`VOID_MINUTES`]: the use
//! goes back to the person's quota and the day's stock.

use chrono::Duration;
use linan_shared::{AuditAction, Lang, RedemptionDto, VoidRequest};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionSession, TransactionTrait, sea_query::Expr,
};

use super::listing::{audited_and_answer, one_dto};
use crate::{
    audit::{self, By, Change},
    auth::{Actor, policy},
    db::sql::Sql,
    entity::{benefit, redemption},
    error::ApiError,
};

/// How long a merchant may void a redemption.
pub const VOID_MINUTES: i64 = 30;

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

/// Voids a redemption of the merchant's partner within [`VOID_MINUTES`] of
/// the request's time (the actor's, as for a redemption), giving the use
/// back to the person's quota and the day's stock.
pub async fn void<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: i64,
    request: &VoidRequest,
    lang: Lang,
) -> Result<RedemptionDto, ApiError> {
    let partner_id = policy::counter_partner(db, actor).await?;
    let reason = linan_shared::required_reason(Some(&request.reason))?;
    let now = actor.now;
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
