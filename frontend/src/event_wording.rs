//! Events in words: type labels, the time span in China time, where
//! registration stands, and a registration's outcome or refusal. Apart
//! from the components so the exact wording is tested natively.

use linan_shared::{EventStatus, EventSummary, EventType, Lang, RegistrationDto, RegistrationStatus, fill};

use crate::i18n::{EventKey, t};
use linan_shared::china_time;

/// The chip and badge label of a type.
pub fn type_key(event_type: EventType) -> EventKey {
    match event_type {
        EventType::TrainingClass => EventKey::TrainingClass,
        EventType::Salon => EventKey::Salon,
        EventType::Match => EventKey::Match,
        EventType::Forum => EventKey::Forum,
        EventType::Matchmaking => EventKey::Matchmaking,
        EventType::InternshipDay => EventKey::InternshipDay,
        EventType::JobFair => EventKey::JobFair,
    }
}

/// `2026-12-12 14:00–16:30`, or both days when it spans several, in China
/// Standard Time (the API writes `+08:00`; another offset is converted).
pub fn when(starts_at: &str, ends_at: &str) -> String {
    let (start, end) = (china_time(starts_at), china_time(ends_at));
    match (start.split_once(' '), end.split_once(' ')) {
        (Some((day, _)), Some((end_day, end_time))) if day == end_day => format!("{start}–{end_time}"),
        _ => format!("{start} – {end}"),
    }
}

/// Where registration stands: the badge's text and its `data-status`
/// (`open`, `full`, `closed`, `cancelled`).
pub fn availability(event: &EventSummary) -> (EventKey, &'static str) {
    if event.status == EventStatus::Cancelled {
        (EventKey::Cancelled, "cancelled")
    } else if !event.registration_open {
        (EventKey::Closed, "closed")
    } else if event.seats_left == 0 {
        (if event.waitlist { EventKey::Full } else { EventKey::FullNoWaitlist }, "full")
    } else {
        (EventKey::Open, "open")
    }
}

/// "3 seats left" / "No seats left".
pub fn seats(lang: Lang, event: &EventSummary) -> String {
    if event.seats_left == 0 {
        t(lang, EventKey::SeatsNone).to_owned()
    } else {
        fill(t(lang, EventKey::SeatsLeft), &[("n", &event.seats_left.to_string())])
    }
}

/// The message for a refused registration's error code, if it is one of
/// the documented ones (docs/events.md).
pub fn refusal_key(code: &str) -> Option<EventKey> {
    Some(match code {
        "event_full" => EventKey::EventFull,
        "registration_closed" => EventKey::RegistrationClosed,
        "already_registered" => EventKey::AlreadyRegistered,
        "event_limit_reached" => EventKey::EventLimitReached,
        "tier_too_low" => EventKey::TierTooLow,
        "card_suspended" => EventKey::CardSuspended,
        "card_expired" => EventKey::CardExpired,
        "person_suspended" => EventKey::PersonSuspended,
        _ => return None,
    })
}

/// A registration's outcome, as announced after "Register".
pub fn outcome(lang: Lang, registration: &RegistrationDto) -> String {
    match (registration.status, registration.position) {
        (RegistrationStatus::Waitlisted, Some(n)) => fill(t(lang, EventKey::Waitlisted), &[("n", &n.to_string())]),
        _ => t(lang, EventKey::Registered).to_owned(),
    }
}

/// A registration's status in "My events".
pub fn status(lang: Lang, registration: &RegistrationDto) -> String {
    match registration.status {
        RegistrationStatus::Registered => t(lang, EventKey::StatusRegistered).to_owned(),
        RegistrationStatus::Waitlisted => {
            let n = registration.position.map_or_else(String::new, |n| n.to_string());
            fill(t(lang, EventKey::StatusWaitlisted), &[("n", &n)])
        }
        RegistrationStatus::Cancelled => t(lang, EventKey::StatusCancelled).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use linan_shared::EventStatus;

    use super::*;
    use crate::events_state::tests::event;

    #[test]
    fn times_read_in_china_time_one_day_or_two() {
        assert_eq!(when("2026-12-12T14:00:00+08:00", "2026-12-12T16:30:00+08:00"), "2026-12-12 14:00–16:30");
        assert_eq!(when("2026-12-12T06:00:00Z", "2026-12-13T09:00:00+08:00"), "2026-12-12 14:00 – 2026-12-13 09:00");
    }

    #[test]
    fn availability_says_cancelled_closed_full_or_open() {
        let mut e = event(1);
        assert_eq!(availability(&e), (EventKey::Open, "open"));
        assert_eq!(seats(Lang::En, &e), "3 seats left");
        e.seats_left = 0;
        assert_eq!(availability(&e), (EventKey::Full, "full"));
        assert_eq!(seats(Lang::ZhCn, &e), "名额已满");
        e.waitlist = false;
        assert_eq!(availability(&e).0, EventKey::FullNoWaitlist);
        e.registration_open = false;
        assert_eq!(availability(&e), (EventKey::Closed, "closed"));
        e.status = EventStatus::Cancelled;
        assert_eq!(availability(&e), (EventKey::Cancelled, "cancelled"));
    }

    #[test]
    fn every_documented_refusal_has_a_message() {
        for code in [
            "event_full",
            "registration_closed",
            "already_registered",
            "event_limit_reached",
            "tier_too_low",
            "card_suspended",
            "card_expired",
            "person_suspended",
        ] {
            assert!(refusal_key(code).is_some(), "{code}");
        }
        assert_eq!(refusal_key("quota_used"), None);
        assert_eq!(t(Lang::ZhHk, type_key(EventType::JobFair)), "人才招聘會");
    }

    #[test]
    fn outcomes_and_statuses_name_the_place_in_line() {
        let mut r = RegistrationDto {
            event_id: 1,
            title: "沙龙".into(),
            starts_at: "2026-12-12T14:00:00+08:00".into(),
            event_status: EventStatus::Published,
            cancel_reason: None,
            status: RegistrationStatus::Waitlisted,
            position: Some(2),
            card_number: "LW2026000014".into(),
            registered_at: "2026-12-01T10:00:00+08:00".into(),
            checked_in_at: None,
        };
        assert_eq!(outcome(Lang::En, &r), "The event is full: you are number 2 on the waitlist.");
        assert_eq!(status(Lang::ZhCn, &r), "候补第 2 位");
        r.status = RegistrationStatus::Registered;
        assert_eq!(outcome(Lang::ZhCn, &r), "报名成功，已为您保留名额。");
        assert_eq!(status(Lang::En, &r), "Registered");
    }
}
