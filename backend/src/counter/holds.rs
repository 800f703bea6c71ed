//! Reading the integrity list: which live holds stop a card (for
//! [`crate::eligibility`]), and the holds an admin sees and may lift.
//!
//! A hold is apart from the registry's card status: the import writes the
//! status, only [`super::integrity`] writes holds.

use chrono::SecondsFormat;
use linan_shared::{HoldDto, HoldList, HoldTarget};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, sea_query::Query,
};

use crate::{
    auth::{Actor, policy},
    eligibility::Held,
    entity::{card, hold},
    error::ApiError,
    reference::Reference,
};

/// `hold.target` of a card hold.
pub const CARD: &str = "card";
/// `hold.target` of a holder hold.
pub const HOLDER: &str = "holder";

/// Most holds listed at once.
const LIST_LIMIT: u64 = 500;

/// Live holds only.
fn live() -> Condition {
    Condition::all().add(hold::Column::LiftedAt.is_null())
}

/// The live hold on card `card_id` (`CARD`) or on person `person_id` (`HOLDER`).
pub fn live_on(target: &str, card_id: i64, person_id: i64) -> Condition {
    let on = if target == CARD { hold::Column::CardId.eq(card_id) } else { hold::Column::PersonId.eq(person_id) };
    live().add(hold::Column::Target.eq(target)).add(on)
}

/// Which live holds apply to card `c`.
pub async fn held(db: &impl ConnectionTrait, c: &card::Model) -> Result<Held, ApiError> {
    let rows = hold::Entity::find()
        .filter(Condition::any().add(live_on(CARD, c.id, c.person_id)).add(live_on(HOLDER, c.id, c.person_id)))
        .all(db)
        .await?;
    Ok(Held { card: rows.iter().any(|h| h.target == CARD), holder: rows.iter().any(|h| h.target == HOLDER) })
}

/// Whether an admin of `scope` (`None`: alliance) may lift `h`: the
/// deciding district's admins and alliance admins.
pub fn may_lift(scope: Option<i64>, h: &hold::Model) -> bool {
    scope.is_none_or(|own| h.district_id == Some(own))
}

/// The live holds concerning the admin's district — decided by it, on its
/// cards, or on a holder with a card of it — or every one (alliance).
pub async fn list(db: &impl ConnectionTrait, reference: &Reference, actor: &Actor) -> Result<HoldList, ApiError> {
    let scope = policy::admin_scope(actor)?;
    let mut find = hold::Entity::find().filter(live());
    if let Some(own) = scope {
        let schemes: Vec<i64> = reference.schemes.iter().filter(|s| s.district_id == own).map(|s| s.id).collect();
        let cards = Query::select()
            .column(card::Column::Id)
            .from(card::Entity)
            .and_where(card::Column::SchemeId.is_in(schemes.clone()))
            .to_owned();
        let holders = Query::select()
            .column(card::Column::PersonId)
            .from(card::Entity)
            .and_where(card::Column::SchemeId.is_in(schemes))
            .to_owned();
        find = find.filter(
            Condition::any().add(hold::Column::DistrictId.eq(own)).add(hold::Column::CardId.in_subquery(cards)).add(
                Condition::all().add(hold::Column::Target.eq(HOLDER)).add(hold::Column::PersonId.in_subquery(holders)),
            ),
        );
    }
    let rows = find.order_by_desc(hold::Column::Id).limit(LIST_LIMIT).all(db).await?;
    let ids: Vec<i64> = rows.iter().map(|h| h.card_id).collect();
    let numbers: std::collections::HashMap<i64, String> = card::Entity::find()
        .select_only()
        .column(card::Column::Id)
        .column(card::Column::Number)
        .filter(card::Column::Id.is_in(ids))
        .into_tuple::<(i64, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let items = rows
        .iter()
        .map(|h| dto(reference, h, numbers.get(&h.card_id).cloned().unwrap_or_default(), may_lift(scope, h)))
        .collect();
    Ok(HoldList { items })
}

/// The deciding district's code, or `alliance`.
pub fn decider(reference: &Reference, h: &hold::Model) -> String {
    h.district_id.and_then(|d| reference.district(d)).map_or_else(|| "alliance".to_owned(), |d| d.code.clone())
}

/// `h` as the admin sees it.
pub fn dto(reference: &Reference, h: &hold::Model, card_number: String, may_lift: bool) -> HoldDto {
    HoldDto {
        id: h.id,
        target: if h.target == CARD { HoldTarget::Card } else { HoldTarget::Holder },
        card_number,
        deciding_district: h.district_id.and_then(|d| reference.district(d)).map(|d| d.code.clone()),
        reason: h.reason.clone(),
        placed_by: h.placed_by_email.clone(),
        placed_at: h.placed_at.to_rfc3339_opts(SecondsFormat::Millis, true),
        may_lift,
    }
}
