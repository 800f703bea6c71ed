//! The budgets in front of every proof of a card, and the audit of the
//! counter's card-number fallback.
//!
//! A proof is guessable: the 8-digit counter code, and the card's second
//! factor (at sign-in, and at the counter's fallback). Each proof is first
//! held against its budgets ([`Budgets::peek`], 429 once one is spent),
//! then checked, and only a *wrong* proof is charged ([`Budgets::settle`]):
//!
//! | proof | budgets |
//! | --- | --- |
//! | sign-in | the card's factor budget (the per-address budget is spent by the route) |
//! | counter code | the merchant account's and the partner's code budgets |
//! | card number + factor at the counter | the account's and the partner's fallback budgets, and the card's factor budget (shared with sign-in) |
//!
//! The card's budget is one for sign-in and the counter, so however many
//! addresses and counters guess, one card's factor costs the same time
//! (`docs/security.md` has the arithmetic). Every fallback at the counter,
//! right or wrong, is one audit event naming the account, the card and
//! whether the factor was wrong — never the factor.

use linan_shared::{AuditAction, CardNumber, Shown};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::code;
use crate::{
    audit::{self, By, Change},
    auth::{
        Actor, CARD_FACTOR_PER_CARD, COUNTER_CARD_PER_ACCOUNT, COUNTER_CARD_PER_PARTNER, COUNTER_CODE_PER_ACCOUNT,
        COUNTER_CODE_PER_PARTNER, Limit, ThrottleKey,
    },
    entity::{card, partner},
    error::ApiError,
    reference::Reference,
    state::AppState,
};

/// The budgets one proof is held against.
#[derive(Debug)]
pub struct Budgets(Vec<(ThrottleKey, Limit)>);

/// The factor budget of card `number`.
fn card_key(number: &CardNumber) -> (ThrottleKey, Limit) {
    (ThrottleKey::new("card:factor", number.as_str()), CARD_FACTOR_PER_CARD)
}

/// Whether `e` says the proof itself was wrong (not, say, a used-up quota).
fn wrong_proof(e: &ApiError) -> bool {
    match e {
        ApiError::WrongCardFactor => true,
        ApiError::Refused { code, .. } => *code == code::INVALID_CODE,
        _ => false,
    }
}

impl Budgets {
    /// The budgets of a cardholder signing in with card `number`.
    pub fn sign_in(number: &CardNumber) -> Self {
        Budgets(vec![card_key(number)])
    }

    /// The budgets of `shown` at the counter of partner `partner_id`, by
    /// account `account_id`. The partner's and the account's come first, so
    /// a counter over its own budget cannot spend a card's.
    pub fn counter(shown: &Shown, account_id: i64, partner_id: i64) -> Self {
        let (account, partner) = (account_id.to_string(), partner_id.to_string());
        Budgets(match shown {
            Shown::Code(_) => vec![
                (ThrottleKey::new("counter:code:partner", &partner), COUNTER_CODE_PER_PARTNER),
                (ThrottleKey::new("counter:code:account", &account), COUNTER_CODE_PER_ACCOUNT),
            ],
            Shown::Card(number, _) => vec![
                (ThrottleKey::new("counter:card:partner", &partner), COUNTER_CARD_PER_PARTNER),
                (ThrottleKey::new("counter:card:account", &account), COUNTER_CARD_PER_ACCOUNT),
                card_key(number),
            ],
        })
    }

    /// The budgets of a counter code shown at the door of event `event_id`
    /// by account `account_id`: the counter's code budget per account, and
    /// as much again per event (an organiser need not be a partner).
    pub fn door(account_id: i64, event_id: i64) -> Self {
        Budgets(vec![
            (ThrottleKey::new("door:code:event", &event_id.to_string()), COUNTER_CODE_PER_PARTNER),
            (ThrottleKey::new("door:code:account", &account_id.to_string()), COUNTER_CODE_PER_ACCOUNT),
        ])
    }

    /// 429 if any of the budgets is spent; charges nothing.
    pub async fn peek(&self, state: &AppState) -> Result<(), ApiError> {
        state.throttle.peek(&state.db, &self.0).await
    }

    /// Charges every budget if `outcome` says the proof was wrong; passes
    /// `outcome` on.
    pub async fn settle<T>(&self, state: &AppState, outcome: Result<T, ApiError>) -> Result<T, ApiError> {
        if let Err(e) = &outcome
            && wrong_proof(e)
        {
            for (key, limit) in &self.0 {
                state.throttle.charge(&state.db, key, *limit).await?;
            }
        }
        outcome
    }
}

/// Checks `shown` at the counter of `partner_id` by `actor` through `check`,
/// within the budgets; records a card-number fallback in the audit log.
pub async fn at_counter<T>(
    state: &AppState,
    actor: &Actor,
    partner_id: i64,
    shown: &Shown,
    check: impl Future<Output = Result<T, ApiError>>,
) -> Result<T, ApiError> {
    let budgets = Budgets::counter(shown, actor.account.id, partner_id);
    budgets.peek(state).await?;
    let outcome = budgets.settle(state, check.await).await;
    if let Shown::Card(number, _) = shown {
        let wrong = outcome.as_ref().err().is_some_and(wrong_proof);
        audit_fallback(state, actor, partner_id, number, wrong).await?;
    }
    outcome
}

/// One audit event for a card-number fallback: who, at which partner, which
/// card, and whether the factor was wrong. In the card's district (its
/// admins look after their holders), or the partner's for an unknown card.
async fn audit_fallback(
    state: &AppState,
    actor: &Actor,
    partner_id: i64,
    number: &CardNumber,
    wrong: bool,
) -> Result<(), ApiError> {
    let reference: std::sync::Arc<Reference> = state.catalogue.reference(&state.db).await?;
    let found = card::Entity::find().filter(card::Column::Number.eq(number.as_str())).one(&state.db).await?;
    let district_id = match &found {
        Some(c) => reference.schemes.iter().find(|s| s.id == c.scheme_id).map(|s| s.district_id),
        None => partner::Entity::find_by_id(partner_id).one(&state.db).await?.map(|p| p.district_id),
    };
    let change = Change {
        action: AuditAction::CounterCardCheck,
        entity: "card",
        entity_id: found.as_ref().map_or(0, |c| c.id),
        district_id,
        before: None,
        after: Some(serde_json::json!({
            "card_number": number.as_str(),
            "partner_id": partner_id,
            "wrong_factor": wrong,
        })),
    };
    audit::record(&state.db, actor.now, Some(By::from(actor)), change).await
}
