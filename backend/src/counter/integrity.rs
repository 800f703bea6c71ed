//! The integrity list (诚信清单): admins put a hold on a card, or on its
//! holder (all their cards, in every district), with a reason, and lift it.
//!
//! A hold is its own record, apart from the registry's card status: the
//! import sets what the issuing district says, and a hold survives any
//! import. The eligibility decision refuses a card that the registry
//! suspended *or* that a live hold applies to ([`super::holds::held`]).
//!
//! Placing: admins of the card's district, or alliance admins; the hold
//! names the deciding district (or the alliance). Lifting: only the deciding
//! district's admins or an alliance admin — anyone else in scope gets 403
//! `hold_not_yours`. A holder hold's audit events also concern every district
//! of the holder's cards, so each of them sees the decision in its audit view.
//!
//! Under concurrency: one live hold per card and per holder is a unique
//! index, so of two simultaneous placements one gets 409; a lift is a
//! conditional UPDATE (`lifted_at IS NULL`), so of two lifts one gets 409.

use linan_shared::{AuditAction, CardNumber, CardStatus, ReasonRequest, required_reason};
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set,
    TransactionSession, TransactionTrait, sea_query::Expr,
};

use super::holds::{self, CARD, HOLDER};
use crate::{
    audit::{self, By, Change},
    auth::{Actor, policy},
    entity::{card, hold},
    error::ApiError,
    reference::Reference,
};

/// What to put on (or take off) the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The card alone.
    Card,
    /// The holder: every card of the person.
    Holder,
}

impl Target {
    fn code(self) -> &'static str {
        match self {
            Target::Card => CARD,
            Target::Holder => HOLDER,
        }
    }

    /// The audit log's entity.
    fn entity(self) -> &'static str {
        match self {
            Target::Card => "card",
            Target::Holder => "person",
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Target::Card => "the card",
            Target::Holder => "the holder",
        }
    }
}

/// The 403 of an admin in scope who did not decide the hold.
const NOT_YOURS: ApiError = ApiError::Denied {
    code: "hold_not_yours",
    message: "only the deciding district's admins or an alliance admin may lift this hold",
};

/// Places (`suspend`) or lifts a hold on the card with `number`, or on its holder.
pub async fn set<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    reference: &Reference,
    actor: &Actor,
    number: &str,
    target: Target,
    suspend: bool,
    request: &ReasonRequest,
) -> Result<serde_json::Value, ApiError> {
    let scope = policy::admin_scope(actor)?;
    let reason = if suspend { Some(required_reason(request.reason.as_deref())?) } else { None };
    let txn = crate::db::begin_write(db).await?;
    let c = card::Entity::find()
        .filter(card::Column::Number.eq(CardNumber::parse(number).map_err(|_| ApiError::NotFound("card"))?.as_str()))
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound("card"))?;
    let district = reference.scheme(c.scheme_id).map(|s| s.district_id).ok_or(ApiError::NotFound("card"))?;
    policy::admin_in(actor, district, "card")?;
    let live = hold::Entity::find().filter(holds::live_on(target.code(), c.id, c.person_id)).one(&txn).await?;
    let now = actor.now;
    let (id, before, after) = match (reason, live) {
        (Some(_), Some(h)) => {
            let by = holds::decider(reference, &h);
            return Err(ApiError::InvalidState(format!("{} is held already (decided by {by})", target.noun())));
        }
        (None, None) => return Err(ApiError::InvalidState(format!("{} is not held", target.noun()))),
        (Some(reason), None) => {
            let row = hold::ActiveModel {
                id: NotSet,
                target: Set(target.code().to_owned()),
                card_id: Set(c.id),
                person_id: Set(c.person_id),
                district_id: Set(scope),
                reason: Set(reason),
                placed_by: Set(Some(actor.account.id)),
                placed_by_email: Set(Some(actor.account.email.clone())),
                placed_at: Set(now),
                lifted_at: Set(None),
                lifted_by: Set(None),
                lifted_by_email: Set(None),
            };
            let held_already = || ApiError::InvalidState(format!("{} is held already", target.noun()));
            let h = crate::db::on_unique(row.insert(&txn).await, held_already)?;
            (h.id, state(reference, &c, None), state(reference, &c, Some(&h)))
        }
        (None, Some(h)) => {
            if !holds::may_lift(scope, &h) {
                return Err(NOT_YOURS);
            }
            let lifted = hold::Entity::update_many()
                .col_expr(hold::Column::LiftedAt, Expr::value(now))
                .col_expr(hold::Column::LiftedBy, Expr::value(actor.account.id))
                .col_expr(hold::Column::LiftedByEmail, Expr::value(actor.account.email.clone()))
                .filter(hold::Column::Id.eq(h.id))
                .filter(hold::Column::LiftedAt.is_null())
                .exec(&txn)
                .await?;
            if lifted.rows_affected != 1 {
                return Err(ApiError::InvalidState(format!("{} is not held", target.noun())));
            }
            (h.id, state(reference, &c, Some(&h)), state(reference, &c, None))
        }
    };
    let also = match target {
        Target::Card => Vec::new(),
        Target::Holder => holder_districts(&txn, reference, c.person_id).await?,
    };
    let action = match (target, suspend) {
        (Target::Card, true) => AuditAction::CardSuspend,
        (Target::Card, false) => AuditAction::CardReinstate,
        (Target::Holder, true) => AuditAction::PersonSuspend,
        (Target::Holder, false) => AuditAction::PersonReinstate,
    };
    let entity_id = if target == Target::Card { c.id } else { c.person_id };
    let mut after = after;
    after["hold_id"] = id.into();
    let change = Change {
        action,
        entity: target.entity(),
        entity_id,
        district_id: Some(district),
        before: Some(before),
        after: Some(after.clone()),
    };
    audit::record_also(&txn, actor.now, Some(By::from(actor)), change, &also).await?;
    txn.commit().await?;
    Ok(after)
}

/// What the audit log and the answer say about the card (the person is
/// named by the card it was found through; the ID hash stays inside).
fn state(reference: &Reference, c: &card::Model, live: Option<&hold::Model>) -> serde_json::Value {
    match live {
        Some(h) => serde_json::json!({
            "number": c.number,
            "status": CardStatus::Suspended,
            "registry_status": c.status,
            "reason": h.reason,
            "deciding_district": holds::decider(reference, h),
        }),
        None => serde_json::json!({"number": c.number, "status": CardStatus::Active, "registry_status": c.status}),
    }
}

/// Every district holding one of person `person_id`'s cards.
async fn holder_districts(
    db: &impl ConnectionTrait,
    reference: &Reference,
    person_id: i64,
) -> Result<Vec<i64>, ApiError> {
    let cards = card::Entity::find().filter(card::Column::PersonId.eq(person_id)).all(db).await?;
    Ok(cards.iter().filter_map(|c| reference.scheme(c.scheme_id)).map(|s| s.district_id).collect())
}
