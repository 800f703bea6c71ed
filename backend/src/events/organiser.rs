//! Who organises an event, and what every organiser's write shares: the
//! policy ([`Organiser::of`]: an admin, or staff of an approved partner),
//! the row it reaches (else 404), its view of an event, and the audit event
//! with the catalogue version that close each write. Used by the lifecycle
//! ([`super::organise`]), edits ([`super::revise`]) and the door ([`super::door`]).

use linan_shared::{AuditAction, EventDto, FieldError, PartnerStatus, Role};
use sea_orm::{ConnectionTrait, EntityTrait};

use super::content::{self, partners_of, revisions_of, rules_of};
use crate::{
    audit::{self, By, Change},
    auth::{Actor, policy},
    catalogue::bump_version,
    entity::{event, partner},
    error::ApiError,
    reference::Reference,
};

/// Who organises, as far as the rules care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Organiser {
    /// An admin: of one district (`Some`), or of the alliance (`None`).
    Admin(Option<i64>),
    /// Staff of an approved partner in a district.
    Partner {
        /// The partner.
        id: i64,
        /// Its district.
        district_id: i64,
    },
}

impl Organiser {
    /// The organiser `actor` is: an admin, or staff of an approved partner (else 403).
    pub async fn of(db: &impl ConnectionTrait, actor: &Actor) -> Result<Self, ApiError> {
        if actor.role == Role::Merchant {
            let id = policy::merchant_partner(actor)?;
            let p = partner::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound("partner"))?;
            if p.status != PartnerStatus::Approved {
                return Err(ApiError::Forbidden("events open once your partner is approved"));
            }
            return Ok(Organiser::Partner { id, district_id: p.district_id });
        }
        Ok(Organiser::Admin(policy::admin_scope(actor)?))
    }

    /// Whether this organiser may see and act on `e` (a partner: its own;
    /// an admin: its district's, a partner's included).
    pub(super) fn reaches(self, e: &event::Model) -> bool {
        match self {
            Organiser::Partner { id, .. } => e.partner_id == Some(id),
            Organiser::Admin(scope) => scope.is_none_or(|d| d == e.district_id),
        }
    }
}

pub(super) fn field(name: &str, message: &str) -> ApiError {
    ApiError::InvalidField(FieldError { field: name.to_owned(), message: message.to_owned() })
}

/// Event `id` if `organiser` reaches it, else 404.
pub async fn own_row(db: &impl ConnectionTrait, organiser: Organiser, id: i64) -> Result<event::Model, ApiError> {
    event::Entity::find_by_id(id).one(db).await?.filter(|e| organiser.reaches(e)).ok_or(ApiError::NotFound("event"))
}

/// The organiser's view of `e`, read in `db` (its rules and pending edit).
pub(super) async fn dto_of(
    db: &impl ConnectionTrait,
    reference: &Reference,
    e: &event::Model,
) -> Result<EventDto, ApiError> {
    let one = std::slice::from_ref(e);
    let (rules, revisions, partners) =
        (rules_of(db, one).await?, revisions_of(db, one).await?, partners_of(db, one).await?);
    let partner = e.partner_id.and_then(|id| partners.get(&id));
    content::dto(reference, e, rules.get(&e.id).map(Vec::as_slice).unwrap_or(&[]), revisions.get(&e.id), partner)
}

/// Records `action` on the event (before/after) and bumps the catalogue version.
pub(super) async fn finish(
    txn: &impl ConnectionTrait,
    actor: &Actor,
    action: AuditAction,
    before: Option<&EventDto>,
    after: &EventDto,
    district_id: i64,
) -> Result<(), ApiError> {
    let change = Change {
        action,
        entity: "event",
        entity_id: after.id,
        district_id: Some(district_id),
        before: before.and_then(|b| serde_json::to_value(b).ok()),
        after: serde_json::to_value(after).ok(),
    };
    audit::record(txn, actor.now, Some(By::from(actor)), change).await?;
    bump_version(txn).await?;
    Ok(())
}
