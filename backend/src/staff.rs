//! Staff off-boarding: a partner's owner removes a staff account and takes
//! back invitations that were not used yet.
//!
//! A removed account keeps its row (marked `removed_at`), so the audit trail
//! and its redemptions go on naming it, and its email stays taken; its
//! sessions are deleted in the same transaction, so it is signed out at once,
//! and it can no longer sign in. An owner cannot remove their own account,
//! so the one who acts is always left: a partner never loses its last
//! owner. Each change locks the partner's row first and then checks that
//! the acting owner is still one, so two owners removing each other at once
//! are serialised (the second finds itself removed and is refused), and the
//! writes are conditional on the state they read.

use chrono::SecondsFormat;
use linan_shared::{AuditAction, InviteList, PendingInvite};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, TransactionSession,
    TransactionTrait, sea_query::Expr,
};

use crate::{
    accounts,
    audit::{self, By, Change},
    auth::{Actor, policy},
    entity::{account, invite, partner, session},
    error::ApiError,
    reference::Reference,
};

/// Locks the owner's partner row for the rest of the transaction and
/// checks the owner is still one (another owner may have removed them
/// while this request waited for the lock).
async fn lock_partner(txn: &impl ConnectionTrait, actor: &Actor, partner_id: i64) -> Result<partner::Model, ApiError> {
    let p = partner::Entity::find_by_id(partner_id)
        .lock_exclusive()
        .one(txn)
        .await?
        .ok_or(ApiError::NotFound("partner"))?;
    let still = account::Entity::find_by_id(actor.account.id)
        .filter(account::Column::RemovedAt.is_null())
        .filter(account::Column::IsOwner.eq(true))
        .one(txn)
        .await?;
    if still.is_none() {
        return Err(ApiError::Forbidden("only the partner's owner may do this"));
    }
    Ok(p)
}

/// The owner removes staff account `id` of their partner.
pub async fn remove<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    reference: &Reference,
    actor: &Actor,
    id: i64,
) -> Result<(), ApiError> {
    let partner_id = policy::merchant_owner(actor)?;
    if id == actor.account.id {
        return Err(ApiError::InvalidState("you cannot remove your own account".into()));
    }
    let txn = crate::db::begin_write(db).await?;
    let p = lock_partner(&txn, actor, partner_id).await?;
    // Another partner's account, or one already removed, is not there for this owner.
    let target = account::Entity::find_by_id(id)
        .filter(account::Column::PartnerId.eq(partner_id))
        .filter(account::Column::RemovedAt.is_null())
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound("staff account"))?;
    let now = actor.now;
    let removed = account::Entity::update_many()
        .col_expr(account::Column::RemovedAt, Expr::value(now))
        .col_expr(account::Column::UpdatedAt, Expr::value(now))
        .filter(account::Column::Id.eq(id))
        .filter(account::Column::RemovedAt.is_null())
        .exec(&txn)
        .await?;
    if removed.rows_affected != 1 {
        return Err(ApiError::NotFound("staff account"));
    }
    session::Entity::delete_many().filter(session::Column::AccountId.eq(id)).exec(&txn).await?;
    let before = serde_json::to_value(accounts::dto(reference, &target)).ok();
    let mut after = before.clone();
    if let Some(serde_json::Value::Object(fields)) = after.as_mut() {
        fields.insert("removed_at".into(), now.to_rfc3339_opts(SecondsFormat::Secs, true).into());
    }
    let change = Change {
        action: AuditAction::AccountRemove,
        entity: "account",
        entity_id: id,
        district_id: Some(p.district_id),
        before,
        after,
    };
    audit::record(&txn, actor.now, Some(By::from(actor)), change).await?;
    txn.commit().await?;
    Ok(())
}

/// The owner's pending invitations: not used, revoked or expired, oldest first.
pub async fn invites(db: &impl ConnectionTrait, actor: &Actor) -> Result<InviteList, ApiError> {
    let partner_id = policy::merchant_owner(actor)?;
    let rows = invite::Entity::find()
        .filter(invite::Column::PartnerId.eq(partner_id))
        .filter(invite::Column::UsedAt.is_null())
        .filter(invite::Column::RevokedAt.is_null())
        .filter(invite::Column::ExpiresAt.gt(actor.now))
        .order_by_asc(invite::Column::Id)
        .all(db)
        .await?;
    let items = rows
        .into_iter()
        .map(|i| PendingInvite {
            id: i.id,
            email: i.email,
            expires_at: i.expires_at.to_rfc3339_opts(SecondsFormat::Secs, true),
        })
        .collect();
    Ok(InviteList { items })
}

/// The owner takes back invitation `id` of their partner before it is used.
pub async fn revoke<C: ConnectionTrait + TransactionTrait>(db: &C, actor: &Actor, id: i64) -> Result<(), ApiError> {
    let partner_id = policy::merchant_owner(actor)?;
    let txn = crate::db::begin_write(db).await?;
    let p = lock_partner(&txn, actor, partner_id).await?;
    let found = invite::Entity::find_by_id(id)
        .filter(invite::Column::PartnerId.eq(partner_id))
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound("invitation"))?;
    if found.used_at.is_some() {
        return Err(ApiError::InvalidState(
            "this invitation was used already; remove the account it created instead".into(),
        ));
    }
    if found.revoked_at.is_some() {
        return Err(ApiError::InvalidState("this invitation was revoked already".into()));
    }
    let now = actor.now;
    // Conditional: a sign-up using the code at this moment either got in
    // first (and this refuses) or finds the code revoked.
    let revoked = invite::Entity::update_many()
        .col_expr(invite::Column::RevokedAt, Expr::value(now))
        .filter(invite::Column::Id.eq(id))
        .filter(invite::Column::UsedAt.is_null())
        .filter(invite::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    if revoked.rows_affected != 1 {
        return Err(ApiError::InvalidState("this invitation was used or revoked meanwhile".into()));
    }
    let state = |revoked_at: Option<String>| {
        let mut v = serde_json::json!({ "email": found.email, "partner_id": partner_id });
        if let Some(at) = revoked_at {
            v["revoked_at"] = at.into();
        }
        Some(v)
    };
    let change = Change {
        action: AuditAction::InviteRevoke,
        entity: "invite",
        entity_id: id,
        district_id: Some(p.district_id),
        before: state(None),
        after: state(Some(now.to_rfc3339_opts(SecondsFormat::Secs, true))),
    };
    audit::record(&txn, actor.now, Some(By::from(actor)), change).await?;
    txn.commit().await?;
    Ok(())
}
