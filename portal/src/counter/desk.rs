//! The counter desk's state: the card checked (and how it was named), the
//! redemption in flight, its idempotency key, and the last result.
//!
//! A redemption whose answer never came (network, timeout, 5xx) keeps its
//! key: pressing "Redeem" again for the same offer and card resends the same
//! key, so the server replays the first result instead of redeeming twice.
//! Any definitive answer — success or a 4xx — forgets it.

use std::rc::Rc;

use linan_shared::{CardBenefits, CardProof, RedemptionDto};
use yew::Reducible;

use crate::api::ClientError;

/// A card that was checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// How it was named (sent again with each redemption).
    pub proof: CardProof,
    /// The card and what it gets here.
    pub benefits: Rc<CardBenefits>,
    /// The code in `proof` was spent by a redemption: redeeming more needs a new one.
    pub code_spent: bool,
}

impl Checked {
    /// Whether redemptions can still be sent with this proof.
    pub fn can_redeem(&self) -> bool {
        !self.code_spent
    }
}

/// One press of "Redeem": the offer and the `Idempotency-Key`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    /// The offer.
    pub benefit_id: i64,
    /// The key sent.
    pub key: String,
}

/// The desk.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Desk {
    /// A check is under way.
    pub checking: bool,
    /// The last check failed.
    pub check_error: Option<ClientError>,
    /// How many checks succeeded (the form starts afresh after each).
    pub checks: u32,
    /// The card on the desk.
    pub checked: Option<Checked>,
    /// The redemption being sent.
    pub in_flight: Option<Attempt>,
    /// An attempt that got no definitive answer, to resend with the same key.
    pub unanswered: Option<Attempt>,
    /// The last refused redemption: the offer and why.
    pub redeem_error: Option<(i64, ClientError)>,
    /// The last redemption made here.
    pub done: Option<RedemptionDto>,
    /// Redemptions and voids made here so far (the recent list reloads on each).
    pub changes: u32,
}

/// What happens at the desk.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// A check was sent.
    CheckStart,
    /// The card named by the proof, and what it gets.
    Checked(CardProof, CardBenefits),
    /// The check failed.
    CheckFailed(ClientError),
    /// The card's list again after a redemption or void, for the proof it was
    /// asked with (dropped if another card was checked meanwhile).
    Refreshed(CardProof, CardBenefits),
    /// A redemption was sent.
    RedeemStart(Attempt),
    /// It was recorded.
    Redeemed(RedemptionDto),
    /// It was refused, or no answer came.
    RedeemFailed(ClientError),
    /// A redemption was voided (here or in the recent list).
    Voided(RedemptionDto),
}

/// Whether the server surely answered `error` (so a retry is a new attempt).
fn definitive(error: &ClientError) -> bool {
    matches!(error, ClientError::Api { status, .. } if (400..500).contains(status) && *status != 408)
}

impl Desk {
    /// The key for a press of "Redeem" on `benefit_id`: the unanswered
    /// attempt's key for that offer, or `None` for a fresh one.
    pub fn key_for(&self, benefit_id: i64) -> Option<String> {
        self.unanswered.as_ref().filter(|a| a.benefit_id == benefit_id).map(|a| a.key.clone())
    }

    /// The desk after `step`.
    pub fn apply(mut self, step: Step) -> Self {
        match step {
            Step::CheckStart => {
                self.checking = true;
                self.check_error = None;
            }
            Step::Checked(proof, benefits) => {
                self.checking = false;
                self.checks = self.checks.wrapping_add(1);
                self.checked = Some(Checked { proof, benefits: Rc::new(benefits), code_spent: false });
                self.unanswered = None;
                self.redeem_error = None;
                self.done = None;
            }
            Step::CheckFailed(error) => {
                self.checking = false;
                self.check_error = Some(error);
            }
            Step::Refreshed(proof, benefits) => {
                if let Some(checked) = self.checked.as_mut().filter(|c| c.proof == proof) {
                    checked.benefits = Rc::new(benefits);
                }
            }
            Step::RedeemStart(attempt) => {
                self.redeem_error = None;
                self.in_flight = Some(attempt);
            }
            Step::Redeemed(redemption) => {
                self.in_flight = None;
                self.unanswered = None;
                if let Some(checked) = &mut self.checked {
                    checked.code_spent = checked.proof.code.is_some();
                }
                self.done = Some(redemption);
                self.changes = self.changes.wrapping_add(1);
            }
            Step::RedeemFailed(error) => {
                let attempt = self.in_flight.take();
                self.unanswered = if definitive(&error) { None } else { attempt.clone() };
                self.redeem_error = attempt.map(|a| (a.benefit_id, error));
            }
            Step::Voided(redemption) => {
                self.changes = self.changes.wrapping_add(1);
                if self.done.as_ref().is_some_and(|d| d.id == redemption.id) {
                    self.done = Some(redemption);
                }
            }
        }
        self
    }
}

impl Reducible for Desk {
    type Action = Step;

    fn reduce(self: Rc<Self>, step: Step) -> Rc<Self> {
        Rc::new((*self).clone().apply(step))
    }
}

#[cfg(test)]
mod tests {
    use linan_shared::{CardDto, CardStatus, SchemeCode, TierCode};

    use super::*;

    fn benefits() -> CardBenefits {
        let card = CardDto {
            number: "LW2026000014".into(),
            scheme: SchemeCode::parse("liwan_talent").unwrap(),
            tier: TierCode::parse("A").unwrap(),
            holder_name: "陈小荔".into(),
            valid_until: "2035-12-31".into(),
            status: CardStatus::Active,
        };
        CardBenefits { card, items: Vec::new() }
    }

    fn redemption(id: i64) -> RedemptionDto {
        RedemptionDto {
            id,
            benefit_id: 1,
            benefit_title: "人才门诊绿色通道".into(),
            partner_name: "荔湾医院".into(),
            card_number: "LW2026000014".into(),
            redeemed_at: "2026-11-28T10:00:00Z".into(),
            voided_at: None,
            void_reason: None,
        }
    }

    fn checked_with(proof: CardProof) -> Desk {
        Desk::default().apply(Step::CheckStart).apply(Step::Checked(proof, benefits()))
    }

    fn code() -> CardProof {
        CardProof::code("12345678")
    }

    fn card_proof() -> CardProof {
        CardProof::card("LW2026000014", "0014", "1990-01-01")
    }

    fn attempt(benefit_id: i64, key: &str) -> Attempt {
        Attempt { benefit_id, key: key.into() }
    }

    #[test]
    fn an_unanswered_redemption_is_retried_with_its_key() {
        let desk = checked_with(code()).apply(Step::RedeemStart(attempt(1, "k1")));
        assert_eq!(desk.key_for(1), None, "no retry while in flight");
        let desk = desk.apply(Step::RedeemFailed(ClientError::Network));
        assert_eq!(desk.key_for(1).as_deref(), Some("k1"));
        assert_eq!(desk.key_for(2), None, "another offer is another attempt");
        let timeout = ClientError::from_answer(408, r#"{"error":{"code":"timeout","message":"x"}}"#);
        let desk = desk.apply(Step::RedeemStart(attempt(1, "k1"))).apply(Step::RedeemFailed(timeout));
        assert_eq!(desk.key_for(1).as_deref(), Some("k1"));
        let desk = desk.apply(Step::RedeemStart(attempt(1, "k1"))).apply(Step::Redeemed(redemption(7)));
        assert_eq!(desk.key_for(1), None);
        assert_eq!(desk.done.as_ref().map(|d| d.id), Some(7));
        assert_eq!(desk.changes, 1);
    }

    #[test]
    fn a_refusal_is_definitive_and_kept_next_to_its_offer() {
        let refused = ClientError::from_answer(409, r#"{"error":{"code":"quota_used","message":"x"}}"#);
        let desk = checked_with(code()).apply(Step::RedeemStart(attempt(2, "k2"))).apply(Step::RedeemFailed(refused));
        assert_eq!(desk.key_for(2), None);
        assert_eq!(desk.redeem_error.as_ref().map(|(id, e)| (*id, e.code())), Some((2, Some("quota_used"))));
        assert!(desk.in_flight.is_none());
    }

    #[test]
    fn a_code_is_spent_by_one_redemption_but_a_card_number_is_not() {
        let desk = checked_with(code()).apply(Step::RedeemStart(attempt(1, "k"))).apply(Step::Redeemed(redemption(1)));
        assert!(!desk.checked.as_ref().unwrap().can_redeem());
        let card = CardProof::card("LW2026000014", "0014", "1990-01-01");
        let desk = checked_with(card).apply(Step::RedeemStart(attempt(1, "k"))).apply(Step::Redeemed(redemption(1)));
        assert!(desk.checked.as_ref().unwrap().can_redeem());
        let desk = desk.apply(Step::Checked(code(), benefits()));
        let mut other = benefits();
        other.card.holder_name = "周敏".into();
        let stale = desk.clone().apply(Step::Refreshed(card_proof(), other));
        assert_eq!(stale.checked, desk.checked, "a late refresh of the previous card is dropped");
        assert!(desk.checked.as_ref().unwrap().can_redeem(), "a new check starts afresh");
        assert_eq!(desk.checks, 2);
        assert!(desk.done.is_none());
    }

    #[test]
    fn a_void_updates_the_redemption_shown() {
        let desk = checked_with(code()).apply(Step::RedeemStart(attempt(1, "k"))).apply(Step::Redeemed(redemption(3)));
        let voided = RedemptionDto { voided_at: Some("2026-11-28T10:05:00Z".into()), ..redemption(3) };
        assert_eq!(desk.clone().apply(Step::Voided(voided.clone())).done, Some(voided));
        assert_eq!(desk.clone().apply(Step::Voided(redemption(4))).done, desk.done);
    }
}
