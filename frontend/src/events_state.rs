//! The events tab's state: the filters (type, district, search), the
//! events shown with the cursor of the next page, and the event opened. A
//! reducer like [`crate::state`] (whose [`Phase`] it shares), so the rules
//! are tested natively. Its URLs are [`crate::event_query`]'s.

use std::rc::Rc;

use linan_shared::{DistrictCode, EventPage, EventSummary, EventType};
use yew::Reducible;

use crate::api::ClientError;
use crate::attrs::WidgetConfig;
use crate::event_query::EventFilters;
use crate::state::{Phase, Status};

/// The list and its paging.
#[derive(Debug, Clone, PartialEq)]
pub struct EventList {
    /// The filters the list answers.
    pub filters: EventFilters,
    /// The events shown, soonest first.
    pub items: Vec<Rc<EventSummary>>,
    /// Cursor of the next page; `None` on the last.
    pub next_cursor: Option<String>,
    /// The request state.
    pub phase: Phase,
    /// Id of the latest request; answers to older ones are ignored.
    pub request: u32,
    /// Bumped to fetch the first page again.
    pub attempt: u32,
    /// The event whose detail is open.
    pub open: Option<i64>,
}

impl EventList {
    /// A list starting from the widget's preset district.
    pub fn new(config: &WidgetConfig) -> Self {
        Self {
            filters: EventFilters { district: config.district.clone(), ..EventFilters::default() },
            items: Vec::new(),
            next_cursor: None,
            phase: Phase::Loading,
            request: 0,
            attempt: 0,
            open: None,
        }
    }

    /// The root's `data-state`.
    pub fn status(&self) -> Status {
        match &self.phase {
            Phase::Loading => Status::Loading,
            Phase::Failed(_) => Status::Error,
            _ if self.items.is_empty() => Status::Empty,
            _ => Status::Ready,
        }
    }

    /// Whether a "load more" makes sense now.
    pub fn can_load_more(&self) -> bool {
        self.next_cursor.is_some() && matches!(self.phase, Phase::Ready | Phase::MoreFailed(_))
    }
}

/// Something that happens to the list.
#[derive(Debug, Clone, PartialEq)]
pub enum EventAction {
    /// Only this type (`None`: all).
    Type(Option<EventType>),
    /// Only this district.
    District(Option<DistrictCode>),
    /// Search for this.
    Search(Option<String>),
    /// The first page was requested.
    Reload(u32),
    /// The next page was requested.
    LoadMore(u32),
    /// A page arrived for a request.
    Loaded(u32, EventPage),
    /// A request failed.
    Failed(u32, ClientError),
    /// Fetch the first page again.
    Retry,
    /// Open an event's detail.
    Open(i64),
    /// Close it.
    Close,
}

impl EventList {
    fn apply(mut self, action: EventAction) -> Self {
        match action {
            EventAction::Type(t) => self.filters.event_type = t,
            EventAction::District(d) => self.filters.district = d,
            EventAction::Search(q) => self.filters.q = q,
            EventAction::Reload(request) => {
                self.items.clear();
                self.next_cursor = None;
                self.phase = Phase::Loading;
                self.request = request;
            }
            EventAction::LoadMore(request) if self.can_load_more() => {
                self.phase = Phase::LoadingMore;
                self.request = request;
            }
            EventAction::LoadMore(_) => {}
            EventAction::Loaded(request, page) if request == self.request => {
                let items = page.items.into_iter().map(Rc::new);
                match self.phase {
                    Phase::Loading => self.items = items.collect(),
                    Phase::LoadingMore => self.items.extend(items),
                    _ => return self,
                }
                self.next_cursor = page.next_cursor;
                self.phase = Phase::Ready;
            }
            EventAction::Failed(request, error) if request == self.request => {
                self.phase = match self.phase {
                    Phase::Loading => Phase::Failed(error),
                    Phase::LoadingMore => Phase::MoreFailed(error),
                    other => other,
                };
            }
            EventAction::Loaded(..) | EventAction::Failed(..) => {}
            EventAction::Retry => self.attempt = self.attempt.wrapping_add(1),
            EventAction::Open(id) => self.open = Some(id),
            EventAction::Close => self.open = None,
        }
        self
    }
}

impl Reducible for EventList {
    type Action = EventAction;

    fn reduce(self: Rc<Self>, action: EventAction) -> Rc<Self> {
        Rc::new(Rc::unwrap_or_clone(self).apply(action))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use linan_shared::{EventStatus, Venue};

    use super::*;
    use crate::attrs::RawAttrs;

    /// An event for tests.
    pub(crate) fn event(id: i64) -> EventSummary {
        EventSummary {
            id,
            event_type: EventType::Salon,
            status: EventStatus::Published,
            district: DistrictCode::parse("liwan").unwrap(),
            organiser: "荔湾区".into(),
            title: format!("沙龙 {id}"),
            summary: "交流".into(),
            starts_at: "2026-12-12T14:00:00+08:00".into(),
            ends_at: "2026-12-12T16:30:00+08:00".into(),
            venue: Venue { address: "荔南人才之家".into(), location: None, online_url: None },
            capacity: 30,
            seats_left: 3,
            waitlist: true,
            registration_open: true,
            eligibility: Vec::new(),
        }
    }

    fn run(config: &WidgetConfig, actions: Vec<EventAction>) -> EventList {
        actions.into_iter().fold(EventList::new(config), EventList::apply)
    }

    #[test]
    fn the_list_starts_in_the_widgets_district() {
        let config = WidgetConfig::from_raw(&RawAttrs { district: Some("nanhai".into()), ..RawAttrs::default() });
        let list = EventList::new(&config);
        assert_eq!(
            list.filters,
            EventFilters { district: DistrictCode::parse("nanhai").ok(), ..EventFilters::default() }
        );
    }

    #[test]
    fn pages_append_and_stale_answers_are_dropped() {
        let config = WidgetConfig::default();
        let page = |ids: &[i64], next: Option<&str>| EventPage {
            items: ids.iter().map(|&i| event(i)).collect(),
            next_cursor: next.map(str::to_owned),
        };
        let list = run(
            &config,
            vec![
                EventAction::Reload(1),
                EventAction::Reload(2),
                EventAction::Loaded(1, page(&[9], None)),
                EventAction::Loaded(2, page(&[1, 2], Some("c"))),
                EventAction::LoadMore(3),
                EventAction::Loaded(3, page(&[3], None)),
            ],
        );
        assert_eq!(list.items.iter().map(|e| e.id).collect::<Vec<_>>(), vec![1, 2, 3]);
        assert_eq!((list.status(), list.can_load_more()), (Status::Ready, false));
        let failed = run(&config, vec![EventAction::Reload(1), EventAction::Failed(1, ClientError::Network)]);
        assert_eq!(failed.status(), Status::Error);
        let empty = run(&config, vec![EventAction::Reload(1), EventAction::Loaded(1, page(&[], None))]);
        assert_eq!(empty.status(), Status::Empty);
    }

    #[test]
    fn filters_change_and_an_event_opens_and_closes() {
        let list = run(
            &WidgetConfig::default(),
            vec![
                EventAction::Type(Some(EventType::Forum)),
                EventAction::Search(Some("论坛".into())),
                EventAction::Open(4),
            ],
        );
        assert_eq!(list.filters.event_type, Some(EventType::Forum));
        assert_eq!(list.filters.q.as_deref(), Some("论坛"));
        assert_eq!(list.open, Some(4));
        assert_eq!(list.apply(EventAction::Close).open, None);
    }
}
