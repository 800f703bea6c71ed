//! Events as plain data for the organisers' pages: which API prefix an
//! account organises under, the lifecycle steps each state offers, times
//! between `datetime-local` inputs and China Standard Time, and how the
//! door's refusals are said. Tested natively; the components only wire it up.

use linan_shared::{EventStatus, Role};

use crate::api::ClientError;
use crate::i18n::Key;

/// The alliance's calendar: China Standard Time, minutes east of UTC.
const CST_MINUTES: i64 = 8 * 60;

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

    /// The steps `organiser` may take on an event in `status`; `own` is
    /// whether an admin's event is the district's own (not a partner's).
    /// The server is the authority (409 `invalid_state`); this only
    /// decides which buttons to show.
    pub fn available(organiser: Organiser, status: EventStatus, own: bool) -> &'static [EventStep] {
        match (organiser, status) {
            (_, EventStatus::Cancelled) => &[],
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

/// A `datetime-local` value (`2026-12-12T14:00`, seconds optional) read as
/// China Standard Time, as RFC 3339 (`2026-12-12T14:00:00+08:00`); `None`
/// when it is not one.
pub fn to_cst(local: &str) -> Option<String> {
    let local = local.trim();
    let (date, clock) = local.split_once('T')?;
    let (y, m, d) = date_parts(date)?;
    let mut parts = clock.split(':');
    let hour: u32 = number(parts.next()?, 2)?;
    let minute: u32 = number(parts.next()?, 2)?;
    let second: u32 = match parts.next() {
        Some(s) => number(s, 2)?,
        None => 0,
    };
    if parts.next().is_some() || hour > 23 || minute > 59 || second > 59 || d > days_in_month(y, m) {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}T{hour:02}:{minute:02}:{second:02}+08:00"))
}

/// An RFC 3339 time as a `datetime-local` value in China Standard Time
/// (`2026-12-12T14:00`); empty when it is not one.
pub fn cst_local(rfc3339: &str) -> String {
    cst_minutes(rfc3339).map(format_minutes).unwrap_or_default()
}

/// An RFC 3339 time shown as `2026-12-12 14:00` China Standard Time (the
/// alliance's calendar, whatever the browser's zone); the text itself when
/// it is not one.
pub fn cst_shown(rfc3339: &str) -> String {
    cst_minutes(rfc3339).map_or_else(|| rfc3339.to_owned(), |m| format_minutes(m).replacen('T', " ", 1))
}

/// Minutes since the epoch in China Standard Time's wall clock.
fn cst_minutes(rfc3339: &str) -> Option<i64> {
    let (date, rest) = rfc3339.split_once('T')?;
    let (y, m, d) = date_parts(date)?;
    let hour: i64 = number(rest.get(0..2)?, 2)?;
    let minute: i64 = number(rest.get(3..5)?, 2)?;
    let offset = if rest.ends_with('Z') {
        0
    } else {
        let zone = rest.get(rest.len().checked_sub(6)?..)?;
        let sign = match zone.as_bytes()[0] {
            b'+' => 1,
            b'-' => -1,
            _ => return None,
        };
        sign * (number::<i64>(zone.get(1..3)?, 2)? * 60 + number::<i64>(zone.get(4..6)?, 2)?)
    };
    let days = days_from_civil(y, m, d);
    Some(days * 1440 + hour * 60 + minute - offset + CST_MINUTES)
}

fn format_minutes(minutes: i64) -> String {
    let (days, minute_of_day) = (minutes.div_euclid(1440), minutes.rem_euclid(1440));
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}", minute_of_day / 60, minute_of_day % 60)
}

fn date_parts(date: &str) -> Option<(i64, u32, u32)> {
    let mut parts = date.split('-');
    let y: i64 = number(parts.next()?, 4)?;
    let m: u32 = number(parts.next()?, 2)?;
    let d: u32 = number(parts.next()?, 2)?;
    (parts.next().is_none() && (1..=12).contains(&m) && d >= 1).then_some((y, m, d))
}

/// Exactly `width` ASCII digits.
fn number<T: std::str::FromStr>(text: &str, width: usize) -> Option<T> {
    (text.len() == width && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok()).flatten()
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of days since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
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

    #[test]
    fn local_inputs_are_read_as_china_standard_time() {
        assert_eq!(to_cst("2026-12-12T14:00").as_deref(), Some("2026-12-12T14:00:00+08:00"));
        assert_eq!(to_cst(" 2026-12-12T14:00:30 ").as_deref(), Some("2026-12-12T14:00:30+08:00"));
        for bad in
            ["", "2026-12-12", "2026-02-30T10:00", "2026-12-12T24:00", "2026-1-12T10:00", "x", "2026-12-12T10:00+08:00"]
        {
            assert_eq!(to_cst(bad), None, "{bad}");
        }
        assert!(to_cst("2028-02-29T10:00").is_some());
    }

    #[test]
    fn times_from_any_zone_come_back_on_the_china_clock() {
        assert_eq!(cst_local("2026-12-12T14:00:00+08:00"), "2026-12-12T14:00");
        assert_eq!(cst_local("2026-12-31T20:30:00Z"), "2027-01-01T04:30");
        assert_eq!(cst_local("2026-03-01T01:00:00+09:00"), "2026-03-01T00:00");
        assert_eq!(cst_local("2024-02-29T23:59:00-01:00"), "2024-03-01T08:59");
        assert_eq!(cst_local("garbage"), "");
        assert_eq!(cst_shown("2026-12-12T14:00:00+08:00"), "2026-12-12 14:00");
        assert_eq!(cst_shown("soon"), "soon");
        let input = to_cst("2026-06-30T23:15").unwrap();
        assert_eq!(cst_local(&input), "2026-06-30T23:15", "round trip");
    }

    #[test]
    fn each_state_offers_the_steps_of_its_organiser() {
        use EventStatus::*;
        assert_eq!(EventStep::available(Organiser::Partner, Draft, false), [EventStep::Submit, EventStep::Cancel]);
        assert_eq!(EventStep::available(Organiser::Partner, Published, false), [EventStep::Cancel]);
        assert_eq!(EventStep::available(Organiser::Admin, Draft, true)[0], EventStep::Publish);
        assert_eq!(
            EventStep::available(Organiser::Admin, Draft, false),
            [EventStep::Cancel],
            "a partner's draft is its own"
        );
        assert!(EventStep::available(Organiser::Admin, PendingReview, false).contains(&EventStep::Reject));
        for organiser in [Organiser::Partner, Organiser::Admin] {
            assert!(EventStep::available(organiser, Cancelled, true).is_empty());
        }
        assert!(EventStep::Cancel.needs_reason() && !EventStep::Publish.needs_reason());
        assert_eq!(Organiser::of(Role::DistrictAdmin).base(), "/api/v1/admin/events");
        assert_eq!(Organiser::of(Role::Merchant).base(), "/api/v1/merchant/events");
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
