//! The integrity list (诚信清单): admins suspend a card, or its holder (all
//! their cards at once), with a reason, and reinstate them. Suspended cards
//! and holders cannot sign in to anything useful: the eligibility decision
//! refuses them everywhere. District admins act on cards of their district's
//! schemes; alliance admins on all.

use linan_shared::{CardNumber, CardStatus, ReasonRequest, required_reason};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set, TransactionSession,
    TransactionTrait,
};

use crate::{
    audit::{self, By, Change},
    auth::{Actor, policy},
    catalogue::Reference,
    entity::{card, person},
    error::ApiError,
};

/// What to put on (or take off) the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The card alone.
    Card,
    /// The holder: every card of the person.
    Holder,
}

/// Suspends (`suspend`) or reinstates the card with `number`, or its holder.
pub async fn set<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    reference: &Reference,
    actor: &Actor,
    number: &str,
    target: Target,
    suspend: bool,
    request: &ReasonRequest,
) -> Result<serde_json::Value, ApiError> {
    policy::admin_scope(actor)?;
    let reason = if suspend { Some(required_reason(request.reason.as_deref())?) } else { None };
    let txn = crate::db::begin_write(db).await?;
    let c = card::Entity::find()
        .filter(card::Column::Number.eq(CardNumber::parse(number).map_err(|_| ApiError::NotFound("card"))?.as_str()))
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound("card"))?;
    let district = reference.scheme(c.scheme_id).map(|s| s.district_id).ok_or(ApiError::NotFound("card"))?;
    policy::admin_in(actor, district, "card")?;
    let (entity, id, before, after) = match target {
        Target::Card => {
            let was = c.status.clone();
            let wanted = if suspend { CardStatus::Suspended } else { CardStatus::Active };
            if (was == CardStatus::Suspended.as_str()) == suspend {
                return Err(ApiError::InvalidState(format!("the card is {was} already")));
            }
            let mut row = c.clone().into_active_model();
            row.status = Set(wanted.as_str().to_owned());
            row.reason = Set(reason.clone());
            row.version = Set(c.version + 1);
            row.updated_at = Set(actor.now);
            row.update(&txn).await?;
            (
                "card",
                c.id,
                serde_json::json!({"number": c.number, "status": was}),
                serde_json::json!({"number": c.number, "status": wanted.as_str(), "reason": reason}),
            )
        }
        Target::Holder => {
            let p =
                person::Entity::find_by_id(c.person_id).one(&txn).await?.ok_or(ApiError::NotFound("card holder"))?;
            let wanted = if suspend { "suspended" } else { "active" };
            if p.status == wanted {
                return Err(ApiError::InvalidState(format!("the holder is {wanted} already")));
            }
            let was = p.status.clone();
            let mut row = p.into_active_model();
            row.status = Set(wanted.to_owned());
            row.reason = Set(reason.clone());
            row.update(&txn).await?;
            // The person is named by the card it was found through; the ID hash stays inside.
            (
                "person",
                c.person_id,
                serde_json::json!({"via_card": c.number, "status": was}),
                serde_json::json!({"via_card": c.number, "status": wanted, "reason": reason}),
            )
        }
    };
    let action = format!("{entity}.{}", if suspend { "suspend" } else { "reinstate" });
    let change = Change {
        action: &action,
        entity,
        entity_id: id,
        district_id: Some(district),
        before: Some(before),
        after: Some(after.clone()),
    };
    audit::record(&txn, actor.now, Some(By::from(actor)), change).await?;
    txn.commit().await?;
    Ok(after)
}
