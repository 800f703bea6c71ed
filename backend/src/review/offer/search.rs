//! Keeping offers' search text in step with their partner's name and address.

use chrono::{DateTime, Utc};
use linan_shared::BenefitStatus;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter};

use super::input_of;
use crate::{
    catalogue::{assemble::Loaded, benefit_row},
    entity::{benefit, partner},
    error::ApiError,
    reference::Reference,
};

/// Rewrites the search columns of partner `p`'s offers after its name or
/// address changed (they are part of what search matches) at `now`.
pub(crate) async fn refresh_search(
    db: &impl ConnectionTrait,
    reference: &Reference,
    p: &partner::Model,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let rows = benefit::Entity::find().filter(benefit::Column::PartnerId.eq(p.id)).all(db).await?;
    let loaded = Loaded::for_benefits(db, &rows).await?;
    for row in rows {
        let input = input_of(reference, &loaded, &row)?;
        let fresh = benefit_row(p, row.category_id, &input, BenefitStatus::Draft, None, now)
            .map_err(|e| ApiError::Internal(e.to_string()))?;
        let mut active = row.into_active_model();
        active.search_title = fresh.search_title;
        active.search_body = fresh.search_body;
        active.update(db).await?;
    }
    Ok(())
}
