//! The cap on a partner's offers not yet published (drafts and offers under
//! review): [`MAX_UNPUBLISHED_OFFERS`]. A draft costs a reviewer nothing
//! until it is submitted, but each one is rows, search text and a line in
//! every list of the partner's offers; the cap keeps one account from
//! filling the database.

use linan_shared::{BenefitStatus, FieldError, MAX_UNPUBLISHED_OFFERS};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect};

use crate::{
    entity::{benefit, partner},
    error::ApiError,
};

/// Locks partner `partner_id`'s row for the rest of the transaction (so
/// drafts created at once are counted one after the other) and refuses with
/// 422 on `drafts` if it has no room for another unpublished offer.
pub(super) async fn lock_with_room(txn: &impl ConnectionTrait, partner_id: i64) -> Result<partner::Model, ApiError> {
    let p = partner::Entity::find_by_id(partner_id)
        .lock_exclusive()
        .one(txn)
        .await?
        .ok_or(ApiError::NotFound("partner"))?;
    let unpublished = benefit::Entity::find()
        .filter(benefit::Column::PartnerId.eq(partner_id))
        .filter(benefit::Column::Status.is_in([BenefitStatus::Draft, BenefitStatus::PendingReview]))
        .count(txn)
        .await?;
    if unpublished >= MAX_UNPUBLISHED_OFFERS {
        return Err(ApiError::InvalidField(FieldError {
            field: "drafts".into(),
            message: format!(
                "at most {MAX_UNPUBLISHED_OFFERS} offers not yet published (drafts and offers under review) \
                 per partner; submit or withdraw some first"
            ),
        }));
    }
    Ok(p)
}
