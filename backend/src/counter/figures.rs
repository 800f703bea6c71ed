//! A merchant's figures: redemptions per offer per day, and stock left today.

use chrono::{Duration, NaiveDate};
use linan_shared::{FigureRow, Figures, StockLeft};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::facts;
use crate::{
    auth::{Actor, policy},
    catalogue::assemble,
    entity::{benefit, redemption},
    error::ApiError,
};

/// Redemptions per offer per day over the last `days` days, and stock left
/// today (the day of the request's time, the actor's).
pub async fn figures(db: &impl ConnectionTrait, actor: &Actor, days: u32) -> Result<Figures, ApiError> {
    let partner_id = policy::merchant_partner(actor)?;
    let today = crate::calendar::day_of(actor.now);
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
