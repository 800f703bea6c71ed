//! Who may do what: the authorization rules, in one place. Handlers call
//! these before touching data; the authorization matrix test holds every
//! non-public route to them.
//!
//! - A merchant acts only on its own partner (other partners' things are
//!   answered 404, so their existence does not leak).
//! - Only staff of an approved partner use the counter (verify, redeem,
//!   void): a partner waiting for review, rejected or suspended is not
//!   vouched for, so its staff must not see cardholders or take their uses.
//! - A district admin acts only within its district, an alliance admin
//!   everywhere; merchants never reach admin routes (403).

use linan_shared::{PartnerStatus, Role};
use sea_orm::{ConnectionTrait, EntityTrait};

use super::Actor;
use crate::{entity::partner, error::ApiError};

/// The partner a merchant works for, or 403 for any other role.
pub fn merchant_partner(actor: &Actor) -> Result<i64, ApiError> {
    match (actor.role, actor.account.partner_id) {
        (Role::Merchant, Some(partner_id)) => Ok(partner_id),
        _ => Err(ApiError::Forbidden("only merchant accounts may do this")),
    }
}

/// The partner of a merchant who may use the counter: its partner must be
/// approved (not pending, rejected or suspended), else 403.
pub async fn counter_partner(db: &impl ConnectionTrait, actor: &Actor) -> Result<i64, ApiError> {
    let partner_id = merchant_partner(actor)?;
    let p = partner::Entity::find_by_id(partner_id)
        .one(db)
        .await?
        .ok_or_else(|| ApiError::Internal(format!("account {} names a missing partner", actor.account.id)))?;
    if p.status == PartnerStatus::Approved {
        Ok(partner_id)
    } else {
        Err(ApiError::Forbidden("the counter opens once your partner is approved, and closes while it is suspended"))
    }
}

/// Requires the merchant to own its partner (inviting staff).
pub fn merchant_owner(actor: &Actor) -> Result<i64, ApiError> {
    let partner_id = merchant_partner(actor)?;
    if actor.account.is_owner {
        Ok(partner_id)
    } else {
        Err(ApiError::Forbidden("only the partner's owner may do this"))
    }
}

/// The districts an admin may act in: `None` for all (alliance admin), or
/// the one district of a district admin; 403 for merchants.
pub fn admin_scope(actor: &Actor) -> Result<Option<i64>, ApiError> {
    match actor.role {
        Role::AllianceAdmin => Ok(None),
        Role::DistrictAdmin => actor
            .account
            .district_id
            .map(Some)
            .ok_or_else(|| ApiError::Internal(format!("district admin {} has no district", actor.account.id))),
        Role::Merchant => Err(ApiError::Forbidden("only admins may do this")),
    }
}

/// Requires the admin to act in `district_id`; outside their district the
/// thing is answered 404, as if it did not exist.
pub fn admin_in(actor: &Actor, district_id: i64, what: &'static str) -> Result<(), ApiError> {
    match admin_scope(actor)? {
        Some(own) if own != district_id => Err(ApiError::NotFound(what)),
        _ => Ok(()),
    }
}
