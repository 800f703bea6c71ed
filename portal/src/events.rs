//! Events as plain data for the organisers' pages: which API prefix an
//! account organises under, the lifecycle steps each state offers, and how
//! the door's refusals are said (times on the China clock are
//! [`linan_shared::china_time`] and its siblings). Tested natively; the
//! components only wire it up.

use linan_shared::{EventDto, EventStatus, RevisionStatus, Role};

use crate::api::ClientError;
use crate::i18n::Key;

/// Who writes an event, and so under which prefix its routes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Organiser {
    /// Staff of an approved partner: `/api/v1/merchant/events`.
    Partner,
    /// A district or alliance admin: `/api/v1/admin/events`.
    Admin,
}

impl Organiser {
    /// The organiser an account with `role` is.
    pub fn of(role: Role) -> Organiser {
        if role.is_admin() { Organiser::Admin } else { Organiser::Partner }
    }

    /// The collection's path.
    pub fn base(self) -> &'static str {
        match self {
            Organiser::Partner => "/api/v1/merchant/events",
            Organiser::Admin => "/api/v1/admin/events",
        }
    }
}

/// A step of an event's lifecycle besides writing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventStep {
    /// A partner sends its draft for review.
    Submit,
    /// An admin publishes a district draft or approves a submission.
    Publish,
    /// An admin sends a submission back to draft, with a reason.
    Reject,
    /// The organiser calls the event off, with a reason.
    Cancel,
}

impl EventStep {
    /// The last segment of `POST …/events/{id}/…`.
    pub fn segment(self) -> &'static str {
        match self {
            EventStep::Submit => "submit",
            EventStep::Publish => "publish",
            EventStep::Reject => "reject",
            EventStep::Cancel => "cancel",
        }
    }

    /// The button's label.
    pub fn label(self) -> Key {
        match self {
            EventStep::Submit => Key::ActionSubmit,
            EventStep::Publish => Key::EventPublish,
            EventStep::Reject => Key::VerdictReject,
            EventStep::Cancel => Key::EventCancel,
        }
    }

    /// What the status line says once it is done.
    pub fn done(self) -> Key {
        match self {
            EventStep::Submit => Key::DoneSubmitted,
            EventStep::Publish => Key::EventDonePublished,
            EventStep::Reject => Key::DoneRejected,
            EventStep::Cancel => Key::EventDoneCancelled,
        }
    }

    /// Whether the step needs a reason (registrants or the partner read it).
    pub fn needs_reason(self) -> bool {
        matches!(self, EventStep::Reject | EventStep::Cancel)
    }

    /// The steps `organiser` may take on `event`: an admin publishes the
    /// district's own draft, decides on a partner's submission or pending
    /// edit; a partner submits its draft; both cancel. The server is the
    /// authority (409 `invalid_state`); this only decides which buttons to show.
    pub fn available(organiser: Organiser, event: &EventDto) -> &'static [EventStep] {
        let own = event.partner_id.is_none();
        let edit_waits = event.revision.as_ref().is_some_and(|r| r.status == RevisionStatus::PendingReview);
        match (organiser, event.status) {
            (_, EventStatus::Cancelled) => &[],
            (Organiser::Admin, EventStatus::Published) if edit_waits => {
                &[EventStep::Publish, EventStep::Reject, EventStep::Cancel]
            }
            (Organiser::Partner, EventStatus::Draft) => &[EventStep::Submit, EventStep::Cancel],
            (Organiser::Partner, _) => &[EventStep::Cancel],
            (Organiser::Admin, EventStatus::Draft) if own => &[EventStep::Publish, EventStep::Cancel],
            (Organiser::Admin, EventStatus::PendingReview) => {
                &[EventStep::Publish, EventStep::Reject, EventStep::Cancel]
            }
            (Organiser::Admin, _) => &[EventStep::Cancel],
        }
    }
}

/// The name of the partner running `event` (its id `id`) in `lang`, or its
/// number if the answer had no name.
pub fn partner_name(lang: linan_shared::Lang, event: &EventDto, id: i64) -> String {
    event.partner_name.as_ref().map_or_else(|| format!("#{id}"), |name| name.get(lang).to_owned())
}

/// Whether `organiser` may write new content for `event` here: a draft, or
/// a published event — an admin's only when it is the district's own (a
/// partner's event is the partner's to edit). A submission waits for its
/// decision and a cancelled event is final.
pub fn editable(organiser: Organiser, event: &EventDto) -> bool {
    let state = matches!(event.status, EventStatus::Draft | EventStatus::Published);
    state && (organiser == Organiser::Partner || event.partner_id.is_none())
}

/// Whether `event` waits for a reviewer: a partner's submission, or a
/// pending edit of its published event.
pub fn awaits_review(event: &EventDto) -> bool {
    event.status == EventStatus::PendingReview
        || event.revision.as_ref().is_some_and(|r| r.status == RevisionStatus::PendingReview)
}

/// What a refused check-in says at the door: the door's own refusals, an
/// unusable code, or the generic summary.
pub fn check_in_summary(error: &ClientError) -> Key {
    match error.code() {
        Some("already_checked_in") => Key::DoorAlreadyCheckedIn,
        Some("not_registered") => Key::DoorNotRegistered,
        Some("code_invalid") => Key::ErrCodeInvalid,
        _ => error.summary(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(status: EventStatus, partner: Option<i64>, revision: Option<RevisionStatus>) -> EventDto {
        let input: linan_shared::EventInput = serde_json::from_value(serde_json::json!({
            "district": "liwan", "type": "salon", "title": {"zh-CN": "t"}, "summary": {"zh-CN": "s"},
            "description": {"zh-CN": "d"}, "agenda": {"zh-CN": "a"}, "venue": {"online_url": "https://x.cn"},
            "starts_at": "2026-12-12T14:00:00+08:00", "ends_at": "2026-12-12T16:00:00+08:00",
            "registration_opens_at": "2026-12-01T09:00:00+08:00", "registration_closes_at": "2026-12-12T12:00:00+08:00",
            "capacity": 10, "waitlist": true
        }))
        .unwrap();
        EventDto {
            id: 1,
            partner_id: partner,
            partner_name: None,
            status,
            version: 1,
            event: input.clone(),
            seats_taken: 0,
            cancel_reason: None,
            review_reason: None,
            revision: revision.map(|status| linan_shared::EventRevisionDto {
                status,
                event: input,
                reason: None,
                updated_at: "2026-12-01T09:00:00+08:00".into(),
            }),
            updated_at: "2026-12-01T09:00:00+08:00".into(),
        }
    }

    #[test]
    fn each_state_offers_the_steps_of_its_organiser() {
        use EventStatus::*;
        let (partner, admin) = (Organiser::Partner, Organiser::Admin);
        assert_eq!(EventStep::available(partner, &event(Draft, Some(4), None)), [EventStep::Submit, EventStep::Cancel]);
        assert_eq!(EventStep::available(partner, &event(Published, Some(4), None)), [EventStep::Cancel]);
        assert_eq!(EventStep::available(admin, &event(Draft, None, None))[0], EventStep::Publish);
        assert_eq!(
            EventStep::available(admin, &event(Draft, Some(4), None)),
            [EventStep::Cancel],
            "a partner's draft is its own"
        );
        assert!(EventStep::available(admin, &event(PendingReview, Some(4), None)).contains(&EventStep::Reject));
        assert_eq!(EventStep::available(admin, &event(Published, Some(4), None)), [EventStep::Cancel]);
        let edited = event(Published, Some(4), Some(RevisionStatus::PendingReview));
        assert_eq!(EventStep::available(admin, &edited)[..2], [EventStep::Publish, EventStep::Reject]);
        let refused = event(Published, Some(4), Some(RevisionStatus::Rejected));
        assert_eq!(EventStep::available(admin, &refused), [EventStep::Cancel]);
        for organiser in [partner, admin] {
            assert!(EventStep::available(organiser, &event(Cancelled, None, None)).is_empty());
        }
        assert!(EventStep::Cancel.needs_reason() && !EventStep::Publish.needs_reason());
        assert_eq!(Organiser::of(Role::DistrictAdmin).base(), "/api/v1/admin/events");
        assert_eq!(Organiser::of(Role::Merchant).base(), "/api/v1/merchant/events");
    }

    #[test]
    fn drafts_and_published_events_are_edited_by_their_owner_and_edits_wait_for_review() {
        use EventStatus::*;
        assert!(editable(Organiser::Partner, &event(Draft, Some(4), None)));
        assert!(editable(Organiser::Partner, &event(Published, Some(4), None)));
        assert!(!editable(Organiser::Partner, &event(PendingReview, Some(4), None)));
        assert!(editable(Organiser::Admin, &event(Published, None, None)));
        assert!(!editable(Organiser::Admin, &event(Published, Some(4), None)), "the partner's to edit");
        assert!(!editable(Organiser::Admin, &event(Cancelled, None, None)));
        assert!(awaits_review(&event(PendingReview, Some(4), None)));
        assert!(awaits_review(&event(Published, Some(4), Some(RevisionStatus::PendingReview))));
        assert!(!awaits_review(&event(Published, Some(4), Some(RevisionStatus::Rejected))));
        assert!(!awaits_review(&event(Draft, None, None)));
    }

    #[test]
    fn door_refusals_are_said_by_their_code() {
        let said = |code: &str| {
            check_in_summary(&ClientError::from_answer(
                409,
                &format!(r#"{{"error":{{"code":"{code}","message":"x"}}}}"#),
            ))
        };
        assert_eq!(said("already_checked_in"), Key::DoorAlreadyCheckedIn);
        assert_eq!(said("not_registered"), Key::DoorNotRegistered);
        assert_eq!(said("code_invalid"), Key::ErrCodeInvalid);
        assert_eq!(said("stale_version"), Key::ErrStale);
    }
}
