//! What an audit event records: one code per kind of state change.
//!
//! The backend writes audit events only through this enum and the portal
//! names each variant in every language with an exhaustive `match`, so a new
//! action does not compile until it has a name. The codes are the stored
//! strings (`audit_event.action`) and the API's; an unknown stored code is a
//! decoding error, never a silent default.

/// Declares [`AuditAction`] from one list of variants and codes, so the
/// serde name, the stored value and [`AuditAction::as_str`] cannot disagree.
macro_rules! audit_actions {
    ($($(#[doc = $doc:tt])* $variant:ident = $code:tt,)*) => {
        /// One kind of recorded change.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[cfg_attr(feature = "orm", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
        #[cfg_attr(feature = "orm", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::None)"))]
        pub enum AuditAction {
            $(
                $(#[doc = $doc])*
                #[serde(rename = $code)]
                #[cfg_attr(feature = "orm", sea_orm(string_value = $code))]
                $variant,
            )*
        }

        impl AuditAction {
            /// Every action.
            pub const ALL: &'static [AuditAction] = &[$(AuditAction::$variant),*];

            /// The stored code, e.g. `offer.approve`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(AuditAction::$variant => $code,)*
                }
            }
        }
    };
}

audit_actions! {
    /// An account was created (sign-up, accepted invitation, `linan admin create`).
    AccountCreate = "account.create",
    /// An account changed its password.
    AccountPassword = "account.password",
    /// An admin invited an account.
    AccountInvite = "account.invite",
    /// An admin removed a staff account.
    AccountRemove = "account.remove",
    /// An admin revoked an invitation.
    InviteRevoke = "invite.revoke",
    /// A partner registered (with its merchant account).
    PartnerCreate = "partner.create",
    /// A partner's details changed directly.
    PartnerEdit = "partner.edit",
    /// An admin approved a partner.
    PartnerApprove = "partner.approve",
    /// An admin rejected a partner.
    PartnerReject = "partner.reject",
    /// An admin suspended a partner.
    PartnerSuspend = "partner.suspend",
    /// An admin reinstated a partner.
    PartnerReinstate = "partner.reinstate",
    /// An admin approved a partner's revision.
    PartnerRevisionApprove = "partner.revision.approve",
    /// An admin rejected a partner's revision.
    PartnerRevisionReject = "partner.revision.reject",
    /// A merchant created an offer.
    OfferCreate = "offer.create",
    /// A merchant edited an offer not yet published.
    OfferEdit = "offer.edit",
    /// A merchant proposed a revision of a published offer.
    OfferRevise = "offer.revise",
    /// A merchant submitted an offer for review.
    OfferSubmit = "offer.submit",
    /// A merchant paused an offer.
    OfferPause = "offer.pause",
    /// A merchant resumed an offer.
    OfferResume = "offer.resume",
    /// A merchant withdrew an offer.
    OfferWithdraw = "offer.withdraw",
    /// An admin approved an offer.
    OfferApprove = "offer.approve",
    /// An admin rejected an offer.
    OfferReject = "offer.reject",
    /// An admin approved an offer's revision.
    OfferRevisionApprove = "offer.revision.approve",
    /// An admin rejected an offer's revision.
    OfferRevisionReject = "offer.revision.reject",
    /// A recognition row was added.
    RecognitionCreate = "recognition.create",
    /// A recognition row changed.
    RecognitionUpdate = "recognition.update",
    /// A recognition row was removed.
    RecognitionDelete = "recognition.delete",
    /// An admin registered an embed site.
    EmbedSiteCreate = "embed_site.create",
    /// An admin changed an embed site (its origins, attributes, contact or whether it is active).
    EmbedSiteUpdate = "embed_site.update",
    /// The card registry was imported.
    CardsImport = "cards.import",
    /// A counter redeemed an offer.
    RedemptionCreate = "redemption.create",
    /// A counter voided a redemption.
    RedemptionVoid = "redemption.void",
    /// A counter checked a card (a proof of a card was used).
    CounterCardCheck = "counter.card_check",
    /// The integrity list held a card.
    CardSuspend = "card.suspend",
    /// The integrity list released a card.
    CardReinstate = "card.reinstate",
    /// The integrity list held a holder (all their cards).
    PersonSuspend = "person.suspend",
    /// The integrity list released a holder.
    PersonReinstate = "person.reinstate",
    /// An organiser created an event.
    EventCreate = "event.create",
    /// An organiser edited an event.
    EventEdit = "event.edit",
    /// A partner proposed an edit of its published event (a pending revision).
    EventRevise = "event.revise",
    /// A partner submitted an event for review.
    EventSubmit = "event.submit",
    /// An event was published (a district's own, or a partner's approved).
    EventPublish = "event.publish",
    /// An admin rejected a partner's event.
    EventReject = "event.reject",
    /// An organiser cancelled an event, with a reason.
    EventCancel = "event.cancel",
    /// A cardholder registered (a seat or a waitlist place).
    EventRegister = "event.register",
    /// A cardholder cancelled a registration (a waitlisted holder may take the seat).
    EventUnregister = "event.unregister",
    /// An organiser checked a registrant in at the door.
    EventCheckIn = "event.check_in",
}

impl AuditAction {
    /// The action with this stored code.
    pub fn parse(code: &str) -> Option<AuditAction> {
        AuditAction::ALL.iter().copied().find(|a| a.as_str() == code)
    }
}

impl std::fmt::Display for AuditAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::AuditAction;

    #[test]
    fn codes_are_unique_and_round_trip_through_serde() {
        for &action in AuditAction::ALL {
            assert_eq!(AuditAction::parse(action.as_str()), Some(action));
            let json = serde_json::to_string(&action).unwrap();
            assert_eq!(json, format!("\"{}\"", action.as_str()));
            assert_eq!(serde_json::from_str::<AuditAction>(&json).unwrap(), action);
        }
        assert_eq!(AuditAction::parse("offer.teleport"), None);
        assert!(serde_json::from_str::<AuditAction>("\"offer.teleport\"").is_err());
    }
}
