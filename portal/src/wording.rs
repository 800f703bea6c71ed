//! How model values are said: states, roles, kinds, what an offer gives,
//! points in time. Pure functions of the value and the language.

use linan_shared::{
    AuditAction, BenefitStatus, CardSchemeDto, CardStatus, EligibilityRule, EventStatus, EventType, Gives, Lang,
    PartnerKind, PartnerStatus, Quota, QuotaPeriod, Reach, Refusal, RegistrationStatus, RevisionStatus, Role,
    SchemeCode, TierCode, yuan,
};

use crate::i18n::{Key, fill};

/// An offer's state.
pub fn offer_status(status: BenefitStatus) -> Key {
    match status {
        BenefitStatus::Draft => Key::StatusDraft,
        BenefitStatus::PendingReview => Key::StatusPending,
        BenefitStatus::Published => Key::StatusPublished,
        BenefitStatus::Paused => Key::StatusPaused,
        BenefitStatus::Withdrawn => Key::StatusWithdrawn,
        BenefitStatus::Expired => Key::StatusExpired,
    }
}

/// An event's state.
pub fn event_status(status: EventStatus) -> Key {
    match status {
        EventStatus::Draft => Key::StatusDraft,
        EventStatus::PendingReview => Key::StatusPending,
        EventStatus::Published => Key::StatusPublished,
        EventStatus::Cancelled => Key::EventStatusCancelled,
    }
}

/// What kind of event.
pub fn event_type(event_type: EventType) -> Key {
    match event_type {
        EventType::TrainingClass => Key::EventTypeTrainingClass,
        EventType::Salon => Key::EventTypeSalon,
        EventType::Match => Key::EventTypeMatch,
        EventType::Forum => Key::EventTypeForum,
        EventType::Matchmaking => Key::EventTypeMatchmaking,
        EventType::InternshipDay => Key::EventTypeInternshipDay,
        EventType::JobFair => Key::EventTypeJobFair,
    }
}

/// Where one registration stands.
pub fn registration_status(status: RegistrationStatus) -> Key {
    match status {
        RegistrationStatus::Registered => Key::RegistrationRegistered,
        RegistrationStatus::Waitlisted => Key::RegistrationWaitlisted,
        RegistrationStatus::Cancelled => Key::RegistrationCancelled,
    }
}

/// A partner's review state.
pub fn partner_status(status: PartnerStatus) -> Key {
    match status {
        PartnerStatus::Pending => Key::PartnerPending,
        PartnerStatus::Rejected => Key::PartnerRejected,
        PartnerStatus::Approved => Key::PartnerApproved,
        PartnerStatus::Suspended => Key::PartnerSuspended,
    }
}

/// The state of an edit of a live offer.
pub fn revision_status(status: RevisionStatus) -> Key {
    match status {
        RevisionStatus::PendingReview => Key::RevisionPending,
        RevisionStatus::Rejected => Key::RevisionRejected,
    }
}

/// A role.
pub fn role(role: Role) -> Key {
    match role {
        Role::Merchant => Key::RoleMerchant,
        Role::DistrictAdmin => Key::RoleDistrictAdmin,
        Role::AllianceAdmin => Key::RoleAllianceAdmin,
    }
}

/// A kind of partner.
pub fn partner_kind(kind: PartnerKind) -> Key {
    match kind {
        PartnerKind::Hospital => Key::KindHospital,
        PartnerKind::ScenicSpot => Key::KindScenic,
        PartnerKind::Merchant => Key::KindMerchant,
        PartnerKind::ServiceCentre => Key::KindServiceCentre,
    }
}

/// A quota period.
pub fn period(period: QuotaPeriod) -> Key {
    match period {
        QuotaPeriod::Day => Key::PeriodDay,
        QuotaPeriod::Month => Key::PeriodMonth,
        QuotaPeriod::Year => Key::PeriodYear,
        QuotaPeriod::Lifetime => Key::PeriodLifetime,
    }
}

/// What an offer gives, in words: "减免 20%", "¥12.5 off", "Free entry".
pub fn gives(lang: Lang, gives: &Gives) -> String {
    match gives {
        Gives::PercentOff { percent } => fill(lang, Key::GivesPercentValue, &[("n", &percent.to_string())]),
        Gives::AmountOff { amount_fen } => fill(lang, Key::GivesAmountValue, &[("y", &yuan(*amount_fen))]),
        Gives::FixedPrice { price_fen } => fill(lang, Key::GivesPriceValue, &[("y", &yuan(*price_fen))]),
        Gives::FreeEntry => Key::GivesFreeEntry.get(lang).to_owned(),
        Gives::PriorityService => Key::GivesPriority.get(lang).to_owned(),
        Gives::Gift => Key::GivesGift.get(lang).to_owned(),
    }
}

/// An offer's limits in words, one line each (none when unlimited).
pub fn quota(lang: Lang, quota: &Quota) -> Vec<String> {
    let mut lines = Vec::new();
    if let (Some(n), Some(p)) = (quota.per_person_limit, quota.per_person_period) {
        lines.push(fill(lang, Key::QuotaValue, &[("n", &n.to_string()), ("period", period(p).get(lang))]));
    }
    if let Some(n) = quota.daily_stock {
        lines.push(fill(lang, Key::DailyStockValue, &[("n", &n.to_string())]));
    }
    lines
}

/// The names of a scheme and one of its tiers, or their codes when unknown.
pub fn scheme_tier(lang: Lang, scheme: &SchemeCode, tier: &TierCode, schemes: &[CardSchemeDto]) -> (String, String) {
    let found = schemes.iter().find(|s| s.code == *scheme);
    let scheme_name = found.map_or_else(|| scheme.to_string(), |s| s.name.get(lang).to_owned());
    let tier = found
        .and_then(|s| s.tiers.iter().find(|t| t.code == *tier))
        .map_or_else(|| tier.to_string(), |t| t.name.get(lang).to_owned());
    (scheme_name, tier)
}

/// One eligibility rule in words, with the scheme's and tier's names when known.
pub fn eligibility(lang: Lang, rule: &EligibilityRule, schemes: &[CardSchemeDto]) -> String {
    let (scheme, tier) = scheme_tier(lang, &rule.scheme, &rule.min_tier, schemes);
    fill(lang, Key::EligibleValue, &[("scheme", &scheme), ("tier", &tier)])
}

/// How a card reaches an offer: directly, or recognised as another scheme's tier.
pub fn reach(lang: Lang, via: &Reach, schemes: &[CardSchemeDto]) -> String {
    match via {
        Reach::Direct => Key::ViaDirect.get(lang).to_owned(),
        Reach::Recognition { as_scheme, as_tier, .. } => {
            let (scheme, tier) = scheme_tier(lang, as_scheme, as_tier, schemes);
            fill(lang, Key::ViaRecognition, &[("scheme", &scheme), ("tier", &tier)])
        }
    }
}

/// Why a card cannot use an offer now.
pub fn refusal(refusal: Refusal) -> Key {
    match refusal {
        Refusal::TierTooLow => Key::RefusalTierTooLow,
        Refusal::CardSuspended => Key::RefusalCardSuspended,
        Refusal::CardExpired => Key::RefusalCardExpired,
        Refusal::PersonSuspended => Key::RefusalPersonSuspended,
        Refusal::NotValidToday => Key::RefusalNotValidToday,
        Refusal::QuotaUsed => Key::RefusalQuotaUsed,
        Refusal::StockGone => Key::RefusalStockGone,
    }
}

/// A card's state.
pub fn card_status(status: CardStatus) -> Key {
    match status {
        CardStatus::Active => Key::CardActive,
        CardStatus::Suspended => Key::CardSuspended,
        CardStatus::Expired => Key::CardExpired,
    }
}

/// The kinds of record the audit log keeps (its `entity` codes), in the
/// order the filter offers them.
pub const AUDIT_ENTITIES: [(&str, Key); 12] = [
    ("account", Key::EntityAccount),
    ("invite", Key::EntityInvite),
    ("partner", Key::EntityPartner),
    ("offer", Key::EntityOffer),
    ("recognition", Key::EntityRecognition),
    ("embed_site", Key::EntityEmbedSite),
    ("cards", Key::EntityCardImport),
    ("card", Key::EntityCard),
    ("person", Key::EntityPerson),
    ("redemption", Key::EntityRedemption),
    ("event", Key::EntityEvent),
    ("event_registration", Key::EntityEventRegistration),
];

/// The name of an audit event's `entity`, if it is one we know.
pub fn audit_entity(code: &str) -> Option<Key> {
    AUDIT_ENTITIES.iter().find(|(c, _)| *c == code).map(|&(_, key)| key)
}

/// The name of an audit event's `action`. Exhaustive: a new action does not
/// compile until it is named here (and in every language in the table).
pub fn audit_action(action: AuditAction) -> Key {
    match action {
        AuditAction::AccountCreate => Key::ActAccountCreate,
        AuditAction::AccountPassword => Key::ActAccountPassword,
        AuditAction::AccountInvite => Key::ActAccountInvite,
        AuditAction::AccountRemove => Key::ActAccountRemove,
        AuditAction::InviteRevoke => Key::ActInviteRevoke,
        AuditAction::PartnerCreate => Key::ActPartnerCreate,
        AuditAction::PartnerEdit => Key::ActPartnerEdit,
        AuditAction::PartnerApprove => Key::ActPartnerApprove,
        AuditAction::PartnerReject => Key::ActPartnerReject,
        AuditAction::PartnerSuspend => Key::ActPartnerSuspend,
        AuditAction::PartnerReinstate => Key::ActPartnerReinstate,
        AuditAction::PartnerRevisionApprove => Key::ActPartnerRevisionApprove,
        AuditAction::PartnerRevisionReject => Key::ActPartnerRevisionReject,
        AuditAction::OfferCreate => Key::ActOfferCreate,
        AuditAction::OfferEdit => Key::ActOfferEdit,
        AuditAction::OfferRevise => Key::ActOfferRevise,
        AuditAction::OfferSubmit => Key::ActOfferSubmit,
        AuditAction::OfferPause => Key::ActOfferPause,
        AuditAction::OfferResume => Key::ActOfferResume,
        AuditAction::OfferWithdraw => Key::ActOfferWithdraw,
        AuditAction::OfferApprove => Key::ActOfferApprove,
        AuditAction::OfferReject => Key::ActOfferReject,
        AuditAction::OfferRevisionApprove => Key::ActOfferRevisionApprove,
        AuditAction::OfferRevisionReject => Key::ActOfferRevisionReject,
        AuditAction::RecognitionCreate => Key::ActRecognitionCreate,
        AuditAction::RecognitionUpdate => Key::ActRecognitionUpdate,
        AuditAction::RecognitionDelete => Key::ActRecognitionDelete,
        AuditAction::EmbedSiteCreate => Key::ActEmbedSiteCreate,
        AuditAction::EmbedSiteUpdate => Key::ActEmbedSiteUpdate,
        AuditAction::CardsImport => Key::ActCardsImport,
        AuditAction::RedemptionCreate => Key::ActRedemptionCreate,
        AuditAction::RedemptionVoid => Key::ActRedemptionVoid,
        AuditAction::CounterCardCheck => Key::ActCounterCardCheck,
        AuditAction::CardSuspend => Key::ActCardSuspend,
        AuditAction::CardReinstate => Key::ActCardReinstate,
        AuditAction::PersonSuspend => Key::ActPersonSuspend,
        AuditAction::PersonReinstate => Key::ActPersonReinstate,
        AuditAction::EventCreate => Key::ActEventCreate,
        AuditAction::EventEdit => Key::ActEventEdit,
        AuditAction::EventSubmit => Key::ActEventSubmit,
        AuditAction::EventPublish => Key::ActEventPublish,
        AuditAction::EventReject => Key::ActEventReject,
        AuditAction::EventCancel => Key::ActEventCancel,
        AuditAction::EventRegister => Key::ActEventRegister,
        AuditAction::EventUnregister => Key::ActEventUnregister,
        AuditAction::EventCheckIn => Key::ActEventCheckIn,
        AuditAction::EventRevise => Key::ActEventRevise,
    }
}

/// An RFC 3339 time as `YYYY-MM-DD HH:MM` plus its zone, in the browser's
/// own time zone (a merchant in Foshan reads `UTC+08:00`, not the server's
/// UTC); outside a browser, or for text that is not a time, see [`as_written`].
pub fn time(rfc3339: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let ms = js_sys::Date::parse(rfc3339);
        if ms.is_finite() && rfc3339.len() > 10 {
            let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
            // getTimezoneOffset is minutes *behind* UTC: -480 in UTC+08:00.
            let offset = -(d.get_timezone_offset() as i32);
            return clock(d.get_full_year(), d.get_month() + 1, d.get_date(), d.get_hours(), d.get_minutes(), offset);
        }
    }
    as_written(rfc3339)
}

/// `YYYY-MM-DD HH:MM` and the zone `offset` minutes east of UTC.
// Only the browser build (and the tests) read a local clock.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn clock(year: u32, month: u32, day: u32, hour: u32, minute: u32, offset: i32) -> String {
    let zone = if offset == 0 {
        "UTC".to_owned()
    } else {
        let sign = if offset < 0 { '-' } else { '+' };
        format!("UTC{sign}{:02}:{:02}", offset.unsigned_abs() / 60, offset.unsigned_abs() % 60)
    };
    format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02} {zone}")
}

/// An RFC 3339 time shortened to `YYYY-MM-DD HH:MM` plus the zone it was
/// written in (`UTC` or the offset), or the text unchanged when it is not one.
fn as_written(rfc3339: &str) -> String {
    let (Some(date), Some(clock)) = (rfc3339.get(..10), rfc3339.get(11..16)) else { return rfc3339.to_owned() };
    if rfc3339.as_bytes().get(10) != Some(&b'T') && rfc3339.as_bytes().get(10) != Some(&b' ') {
        return rfc3339.to_owned();
    }
    let zone = if rfc3339.ends_with('Z') || rfc3339.ends_with("+00:00") {
        "UTC".to_owned()
    } else {
        match rfc3339.len().checked_sub(6).and_then(|i| rfc3339.get(i..)) {
            Some(offset) if offset.starts_with(['+', '-']) => format!("UTC{offset}"),
            _ => return format!("{date} {clock}"),
        }
    };
    format!("{date} {clock} {zone}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audit_actions_have_names_in_every_language() {
        for &action in AuditAction::ALL {
            let key = audit_action(action);
            let names: Vec<&str> = Lang::ALL.iter().map(|&lang| key.get(lang)).collect();
            assert!(names.iter().all(|n| !n.is_empty() && !n.contains('.')), "{action}: {names:?}");
        }
        let mut keys: Vec<Key> = AuditAction::ALL.iter().map(|&a| audit_action(a)).collect();
        keys.sort_by_key(|k| k.get(Lang::En));
        keys.dedup();
        assert_eq!(keys.len(), AuditAction::ALL.len(), "two actions share a name");
        for (code, key) in AUDIT_ENTITIES {
            assert_eq!(audit_entity(code), Some(key));
            assert!(Lang::ALL.iter().all(|&lang| !key.get(lang).is_empty()), "{code}");
        }
        assert_eq!(audit_entity("spaceship"), None);
    }

    #[test]
    fn local_clocks_name_their_zone() {
        assert_eq!(clock(2026, 11, 28, 17, 30, 480), "2026-11-28 17:30 UTC+08:00");
        assert_eq!(clock(2026, 1, 2, 3, 4, 0), "2026-01-02 03:04 UTC");
        assert_eq!(clock(2026, 1, 2, 3, 4, -330), "2026-01-02 03:04 UTC-05:30");
    }

    #[test]
    fn times_are_shortened_with_their_zone() {
        assert_eq!(time("2026-11-28T09:30:12.345Z"), "2026-11-28 09:30 UTC");
        assert_eq!(time("2026-11-28T17:30:12+08:00"), "2026-11-28 17:30 UTC+08:00");
        assert_eq!(time("2026-11-28T09:30:12+00:00"), "2026-11-28 09:30 UTC");
        assert_eq!(time("yesterday"), "yesterday");
        assert_eq!(time("2026-11-28"), "2026-11-28");
    }

    #[test]
    fn what_an_offer_gives_is_said_in_each_language() {
        assert_eq!(gives(Lang::En, &Gives::AmountOff { amount_fen: 1250 }), "¥12.5 off");
        assert_eq!(gives(Lang::ZhCn, &Gives::PercentOff { percent: 20 }), "减免 20%");
        assert_eq!(gives(Lang::ZhHk, &Gives::Gift), "贈送禮品");
        let q = Quota { per_person_limit: Some(2), per_person_period: Some(QuotaPeriod::Month), daily_stock: Some(30) };
        assert_eq!(quota(Lang::En, &q), ["2 per person (month)", "30 places a day"]);
        assert!(quota(Lang::En, &Quota::default()).is_empty());
    }

    #[test]
    fn a_recognised_card_is_said_as_what_it_counts_as() {
        let (scheme, tier) = (SchemeCode::parse("youyue_foshan").unwrap(), TierCode::parse("B").unwrap());
        let via = Reach::Recognition { recognition_id: 2, as_scheme: scheme, as_tier: tier };
        assert_eq!(reach(Lang::En, &via, &[]), "Through mutual recognition, as youyue_foshan B");
        assert_eq!(reach(Lang::ZhCn, &Reach::Direct, &[]), "直接适用");
        assert_eq!(refusal(Refusal::CardSuspended).get(Lang::ZhCn), "此卡已被暂停使用");
    }
}
