//! Optimistic concurrency: "claim" a row by moving its version from the one
//! the caller read to the next, in one conditional UPDATE. Zero rows changed
//! means someone else wrote first (409 with the current version) or the row
//! is gone (404). Safe across replicas: the database serialises the UPDATEs.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, sea_query::Expr};

use crate::{
    entity::{benefit, event, partner},
    error::ApiError,
};

/// Moves the row `id` of `E` from `version` to `version + 1` (its columns
/// `id_col` and `version_col`); `what` names it in a 404.
async fn claim<E: EntityTrait>(
    db: &impl ConnectionTrait,
    (id_col, version_col): (E::Column, E::Column),
    id: i64,
    version: i32,
    what: &'static str,
) -> Result<i32, ApiError> {
    // A version that cannot grow cannot be claimed: stale, like any other.
    if let Some(next) = version.checked_add(1) {
        let done = E::update_many()
            .col_expr(version_col, Expr::value(next))
            .filter(id_col.eq(id))
            .filter(version_col.eq(version))
            .exec(db)
            .await?;
        if done.rows_affected == 1 {
            return Ok(next);
        }
    }
    let current: Option<i32> =
        E::find().select_only().column(version_col).filter(id_col.eq(id)).into_tuple().one(db).await?;
    match current {
        Some(current) => Err(ApiError::StaleVersion { current }),
        None => Err(ApiError::NotFound(what)),
    }
}

/// Moves benefit `id` from `version` to `version + 1`.
pub async fn claim_benefit(db: &impl ConnectionTrait, id: i64, version: i32) -> Result<i32, ApiError> {
    claim::<benefit::Entity>(db, (benefit::Column::Id, benefit::Column::Version), id, version, "offer").await
}

/// Moves partner `id` from `version` to `version + 1`.
pub async fn claim_partner(db: &impl ConnectionTrait, id: i64, version: i32) -> Result<i32, ApiError> {
    claim::<partner::Entity>(db, (partner::Column::Id, partner::Column::Version), id, version, "partner").await
}

/// Moves event `id` from `version` to `version + 1`.
pub async fn claim_event(db: &impl ConnectionTrait, id: i64, version: i32) -> Result<i32, ApiError> {
    claim::<event::Entity>(db, (event::Column::Id, event::Column::Version), id, version, "event").await
}
