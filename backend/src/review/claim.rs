//! Optimistic concurrency: "claim" a row by moving its version from the one
//! the caller read to the next, in one conditional UPDATE. Zero rows changed
//! means someone else wrote first (409 with the current version) or the row
//! is gone (404). Safe across replicas: the database serialises the UPDATEs.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, sea_query::Expr};

use crate::{
    entity::{benefit, event, partner},
    error::ApiError,
};

/// Moves benefit `id` from `version` to `version + 1`.
pub async fn claim_benefit(db: &impl ConnectionTrait, id: i64, version: i32) -> Result<i32, ApiError> {
    // A version that cannot grow cannot be claimed: stale, like any other.
    if let Some(next) = version.checked_add(1) {
        let done = benefit::Entity::update_many()
            .col_expr(benefit::Column::Version, Expr::value(next))
            .filter(benefit::Column::Id.eq(id))
            .filter(benefit::Column::Version.eq(version))
            .exec(db)
            .await?;
        if done.rows_affected == 1 {
            return Ok(next);
        }
    }
    let current = benefit::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound("offer"))?;
    Err(ApiError::StaleVersion { current: current.version })
}

/// Moves partner `id` from `version` to `version + 1`.
pub async fn claim_partner(db: &impl ConnectionTrait, id: i64, version: i32) -> Result<i32, ApiError> {
    // A version that cannot grow cannot be claimed: stale, like any other.
    if let Some(next) = version.checked_add(1) {
        let done = partner::Entity::update_many()
            .col_expr(partner::Column::Version, Expr::value(next))
            .filter(partner::Column::Id.eq(id))
            .filter(partner::Column::Version.eq(version))
            .exec(db)
            .await?;
        if done.rows_affected == 1 {
            return Ok(next);
        }
    }
    let current = partner::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound("partner"))?;
    Err(ApiError::StaleVersion { current: current.version })
}

/// Moves event `id` from `version` to `version + 1`.
pub async fn claim_event(db: &impl ConnectionTrait, id: i64, version: i32) -> Result<i32, ApiError> {
    if let Some(next) = version.checked_add(1) {
        let done = event::Entity::update_many()
            .col_expr(event::Column::Version, Expr::value(next))
            .filter(event::Column::Id.eq(id))
            .filter(event::Column::Version.eq(version))
            .exec(db)
            .await?;
        if done.rows_affected == 1 {
            return Ok(next);
        }
    }
    let current = event::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound("event"))?;
    Err(ApiError::StaleVersion { current: current.version })
}
