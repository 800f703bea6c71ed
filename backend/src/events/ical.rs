//! The events as iCalendar (RFC 5545) files that phone calendars import,
//! written by the `icalendar` crate.
//!
//! Times are written in UTC (`DTSTART:20261212T060000Z`), which every
//! calendar converts to its own zone: a phone in Guangzhou shows 14:00 for
//! an event the organiser set at 14:00+08:00. (A `TZID=Asia/Shanghai`
//! would need a `VTIMEZONE` block the crate does not write.) Each event's
//! `UID` is stable, so importing it again updates it; a cancelled event is
//! `STATUS:CANCELLED` and its reason leads the description.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};
use linan_shared::{EventDetail, EventSummary, Lang};

/// What one calendar entry says, from the public summary and, for one
/// event, its detail.
fn entry(summary: &EventSummary, description: &str, cancel_reason: Option<&str>, stamp: DateTime<Utc>) -> Event {
    let at = |rfc3339: &str| DateTime::parse_from_rfc3339(rfc3339).map(|t| t.to_utc()).unwrap_or(stamp);
    let mut text = String::new();
    if let Some(reason) = cancel_reason {
        text.push_str(reason);
        text.push_str("\n\n");
    }
    text.push_str(&summary.summary);
    if !description.is_empty() {
        text.push_str("\n\n");
        text.push_str(description);
    }
    let mut e = Event::new();
    e.uid(&format!("event-{}@linan-talent-home", summary.id))
        .summary(&summary.title)
        .description(&text)
        .starts(at(&summary.starts_at))
        .ends(at(&summary.ends_at))
        .timestamp(stamp);
    let location = [summary.venue.address.as_str(), summary.venue.online_url.as_deref().unwrap_or_default()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if !location.is_empty() {
        e.location(&location);
    }
    e.status(if summary.status == linan_shared::EventStatus::Cancelled {
        EventStatus::Cancelled
    } else {
        EventStatus::Confirmed
    });
    e.done()
}

fn calendar(name: &str, entries: impl IntoIterator<Item = Event>) -> String {
    let mut cal = Calendar::new();
    cal.name(name);
    for e in entries {
        cal.push(e);
    }
    cal.done().to_string()
}

/// The calendar's name in `lang`.
fn name(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhCn => "荔南人才之家活动",
        Lang::ZhHk => "荔南人才之家活動",
        Lang::En => "Linan Talent Home events",
    }
}

/// A calendar of a list page's events; `stamp` is the `DTSTAMP` (the
/// answer's time, so one answer is one body).
pub fn of_list(items: &[EventSummary], lang: Lang, stamp: DateTime<Utc>) -> String {
    calendar(name(lang), items.iter().map(|s| entry(s, "", None, stamp)))
}

/// A calendar of one event, with its description and agenda.
pub fn of_one(detail: &EventDetail, lang: Lang, stamp: DateTime<Utc>) -> String {
    let text = [detail.description.as_str(), detail.agenda.as_str()].join("\n\n");
    calendar(name(lang), [entry(&detail.summary, text.trim(), detail.cancel_reason.as_deref(), stamp)])
}
