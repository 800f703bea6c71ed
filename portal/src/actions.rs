//! The state-changing actions on offers, partners and (for the integrity
//! list) cards and their holders: their URL segment, their label, and in
//! which state each is offered.
//!
//! The server is the authority (a wrong state is answered 409
//! `invalid_state`); this table only decides which buttons to show.

use linan_shared::{BenefitStatus, PartnerStatus};

use crate::i18n::Key;

/// What a merchant can do with an offer besides editing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfferAction {
    /// Send a draft for review.
    Submit,
    /// Take a published offer out of the catalogue for a while.
    Pause,
    /// Put a paused offer back.
    Resume,
    /// End the offer for good.
    Withdraw,
}

impl OfferAction {
    /// The last segment of `POST /api/v1/merchant/offers/{id}/…`.
    pub fn segment(self) -> &'static str {
        match self {
            OfferAction::Submit => "submit",
            OfferAction::Pause => "pause",
            OfferAction::Resume => "resume",
            OfferAction::Withdraw => "withdraw",
        }
    }

    /// The button's label.
    pub fn label(self) -> Key {
        match self {
            OfferAction::Submit => Key::ActionSubmit,
            OfferAction::Pause => Key::ActionPause,
            OfferAction::Resume => Key::ActionResume,
            OfferAction::Withdraw => Key::ActionWithdraw,
        }
    }

    /// What the status line says once it is done.
    pub fn done(self) -> Key {
        match self {
            OfferAction::Submit => Key::DoneSubmitted,
            OfferAction::Pause => Key::DonePaused,
            OfferAction::Resume => Key::DoneResumed,
            OfferAction::Withdraw => Key::DoneWithdrawn,
        }
    }

    /// The actions offered in `status`.
    pub fn available(status: BenefitStatus) -> &'static [OfferAction] {
        match status {
            BenefitStatus::Draft => &[OfferAction::Submit, OfferAction::Withdraw],
            BenefitStatus::PendingReview => &[OfferAction::Withdraw],
            BenefitStatus::Published => &[OfferAction::Pause, OfferAction::Withdraw],
            BenefitStatus::Paused => &[OfferAction::Resume, OfferAction::Withdraw],
            BenefitStatus::Expired => &[OfferAction::Withdraw],
            BenefitStatus::Withdrawn => &[],
        }
    }
}

/// Whether an offer in `status` takes new content: a draft changes in place;
/// a published, paused or expired one gets an edit that waits for review.
/// An offer under review waits for the decision; a withdrawn one is final.
pub fn editable(status: BenefitStatus) -> bool {
    !matches!(status, BenefitStatus::PendingReview | BenefitStatus::Withdrawn)
}

/// A reviewer's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Accept the partner, the offer or the edit.
    Approve,
    /// Refuse it, with a reason.
    Reject,
    /// Hide an approved partner and all its offers, with a reason.
    Suspend,
    /// Lift a suspension.
    Reinstate,
}

impl Verdict {
    /// The last segment of `POST /api/v1/admin/{partners|offers}/{id}/…`.
    pub fn segment(self) -> &'static str {
        match self {
            Verdict::Approve => "approve",
            Verdict::Reject => "reject",
            Verdict::Suspend => "suspend",
            Verdict::Reinstate => "reinstate",
        }
    }

    /// Whether the decision needs a reason (shown to the merchant).
    pub fn needs_reason(self) -> bool {
        matches!(self, Verdict::Reject | Verdict::Suspend)
    }

    /// The button's label.
    pub fn label(self) -> Key {
        match self {
            Verdict::Approve => Key::VerdictApprove,
            Verdict::Reject => Key::VerdictReject,
            Verdict::Suspend => Key::VerdictSuspend,
            Verdict::Reinstate => Key::VerdictReinstate,
        }
    }

    /// What the status line says once it is done.
    pub fn done(self) -> Key {
        match self {
            Verdict::Approve => Key::DoneApproved,
            Verdict::Reject => Key::DoneRejected,
            Verdict::Suspend => Key::DoneSuspended,
            Verdict::Reinstate => Key::DoneReinstated,
        }
    }

    /// The decisions on a partner in `status`.
    pub fn for_partner(status: PartnerStatus) -> &'static [Verdict] {
        match status {
            PartnerStatus::Pending => &[Verdict::Approve, Verdict::Reject],
            PartnerStatus::Rejected => &[Verdict::Approve],
            PartnerStatus::Approved => &[Verdict::Suspend],
            PartnerStatus::Suspended => &[Verdict::Reinstate],
        }
    }

    /// The decisions on an offer (or an edit of one) awaiting review.
    pub const FOR_OFFER: &'static [Verdict] = &[Verdict::Approve, Verdict::Reject];
}

/// An admin's integrity-list action on a card, or on its holder (all their cards).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntegrityAction {
    /// Suspend the card.
    SuspendCard,
    /// Lift the card's suspension.
    ReinstateCard,
    /// Suspend the holder: every card of the person.
    SuspendHolder,
    /// Lift the holder's suspension.
    ReinstateHolder,
}

impl IntegrityAction {
    /// Every action, in menu order.
    pub const ALL: [IntegrityAction; 4] = [
        IntegrityAction::SuspendCard,
        IntegrityAction::ReinstateCard,
        IntegrityAction::SuspendHolder,
        IntegrityAction::ReinstateHolder,
    ];

    /// The last segment of `POST /api/v1/admin/cards/{number}/…` (also the menu's value).
    pub fn segment(self) -> &'static str {
        match self {
            IntegrityAction::SuspendCard => "suspend",
            IntegrityAction::ReinstateCard => "reinstate",
            IntegrityAction::SuspendHolder => "suspend-holder",
            IntegrityAction::ReinstateHolder => "reinstate-holder",
        }
    }

    /// The action a menu value names.
    pub fn parse(segment: &str) -> Option<IntegrityAction> {
        IntegrityAction::ALL.into_iter().find(|a| a.segment() == segment)
    }

    /// Whether it needs a reason (suspending does).
    pub fn needs_reason(self) -> bool {
        matches!(self, IntegrityAction::SuspendCard | IntegrityAction::SuspendHolder)
    }

    /// Its label in the menu and the result.
    pub fn label(self) -> Key {
        match self {
            IntegrityAction::SuspendCard => Key::IntegritySuspendCard,
            IntegrityAction::ReinstateCard => Key::IntegrityReinstateCard,
            IntegrityAction::SuspendHolder => Key::IntegritySuspendHolder,
            IntegrityAction::ReinstateHolder => Key::IntegrityReinstateHolder,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn withdrawn_offers_offer_nothing_and_every_other_state_can_be_withdrawn() {
        for status in BenefitStatus::ALL {
            let actions = OfferAction::available(status);
            let withdrawn = status == BenefitStatus::Withdrawn;
            assert_eq!(actions.is_empty(), withdrawn, "{status:?}");
            assert_eq!(actions.contains(&OfferAction::Withdraw), !withdrawn, "{status:?}");
            assert_eq!(editable(status), !withdrawn && status != BenefitStatus::PendingReview, "{status:?}");
        }
        assert_eq!(OfferAction::available(BenefitStatus::Draft)[0], OfferAction::Submit);
    }

    #[test]
    fn refusals_need_a_reason_and_every_partner_state_has_a_decision() {
        assert!(Verdict::Reject.needs_reason() && Verdict::Suspend.needs_reason());
        assert!(!Verdict::Approve.needs_reason() && !Verdict::Reinstate.needs_reason());
        for status in PartnerStatus::ALL {
            assert!(!Verdict::for_partner(status).is_empty(), "{status:?}");
        }
    }

    #[test]
    fn integrity_actions_read_back_from_their_segment_and_suspending_needs_a_reason() {
        for action in IntegrityAction::ALL {
            assert_eq!(IntegrityAction::parse(action.segment()), Some(action));
            assert_eq!(action.needs_reason(), action.segment().starts_with("suspend"));
        }
        assert_eq!(IntegrityAction::parse("delete"), None);
    }
}
