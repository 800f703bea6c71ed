//! The catalogue's state: the benefits shown, the cursor of the next page,
//! where the current request is, and which benefit is open. A reducer, so
//! every change is an [`Action`] and the rules are tested without a browser.
//!
//! Each request carries an id; an answer whose id is not the latest is
//! dropped. That is what keeps a slow answer for "医" from overwriting the
//! answer for "医院" typed a moment later.

use std::rc::Rc;

use linan_shared::{BenefitPage, BenefitSummary};
use yew::Reducible;

use crate::api::ClientError;

/// Where the catalogue is.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// The first page is on its way.
    Loading,
    /// Pages are shown and nothing is pending.
    Ready,
    /// The next page is on its way; the current ones stay shown.
    LoadingMore,
    /// The first page failed.
    Failed(ClientError),
    /// The next page failed; the current ones stay shown.
    MoreFailed(ClientError),
}

/// The root's `data-state`: what a test (or a stylesheet) waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Status {
    /// Nothing to show yet.
    #[default]
    Loading,
    /// At least one benefit is shown.
    Ready,
    /// The answer was an empty list.
    Empty,
    /// The first page failed.
    Error,
}

impl Status {
    /// The attribute value.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Loading => "loading",
            Status::Ready => "ready",
            Status::Empty => "empty",
            Status::Error => "error",
        }
    }
}

/// The list and its paging.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalogue {
    /// The benefits shown, in the API's order.
    pub items: Vec<Rc<BenefitSummary>>,
    /// Cursor of the next page; `None` on the last.
    pub next_cursor: Option<String>,
    /// The request state.
    pub phase: Phase,
    /// Id of the latest request; answers to older ones are ignored.
    pub request: u32,
    /// Bumped by [`Action::Retry`]: the first page is fetched again.
    pub attempt: u32,
    /// The benefit whose detail is open.
    pub open: Option<i64>,
}

impl Default for Catalogue {
    fn default() -> Self {
        Self { items: Vec::new(), next_cursor: None, phase: Phase::Loading, request: 0, attempt: 0, open: None }
    }
}

/// Something that happens to the catalogue.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The first page was requested (filters changed, or a retry).
    Reload {
        /// The request's id.
        request: u32,
    },
    /// The next page was requested.
    LoadMore {
        /// The request's id.
        request: u32,
    },
    /// A page arrived.
    Loaded {
        /// The id of the request it answers.
        request: u32,
        /// The page.
        page: BenefitPage,
    },
    /// A request failed.
    Failed {
        /// The id of the request that failed.
        request: u32,
        /// Why.
        error: ClientError,
    },
    /// Fetch the first page again.
    Retry,
    /// Open a benefit's detail.
    Open(i64),
    /// Close the detail.
    Close,
}

impl Catalogue {
    /// The root's `data-state`.
    pub fn status(&self) -> Status {
        match &self.phase {
            Phase::Loading => Status::Loading,
            Phase::Failed(_) => Status::Error,
            Phase::Ready | Phase::LoadingMore | Phase::MoreFailed(_) if self.items.is_empty() => Status::Empty,
            Phase::Ready | Phase::LoadingMore | Phase::MoreFailed(_) => Status::Ready,
        }
    }

    /// Whether a "load more" makes sense now.
    pub fn can_load_more(&self) -> bool {
        self.next_cursor.is_some() && matches!(self.phase, Phase::Ready | Phase::MoreFailed(_))
    }

    fn apply(mut self, action: Action) -> Self {
        match action {
            Action::Reload { request } => {
                self.items.clear();
                self.next_cursor = None;
                self.phase = Phase::Loading;
                self.request = request;
            }
            Action::LoadMore { request } => {
                if self.can_load_more() {
                    self.phase = Phase::LoadingMore;
                    self.request = request;
                }
            }
            Action::Loaded { request, page } if request == self.request => {
                match self.phase {
                    Phase::Loading => self.items = page.items.into_iter().map(Rc::new).collect(),
                    Phase::LoadingMore => self.items.extend(page.items.into_iter().map(Rc::new)),
                    // Not waiting for anything: a duplicate answer.
                    _ => return self,
                }
                self.next_cursor = page.next_cursor;
                self.phase = Phase::Ready;
            }
            Action::Failed { request, error } if request == self.request => {
                self.phase = match self.phase {
                    Phase::Loading => Phase::Failed(error),
                    Phase::LoadingMore => Phase::MoreFailed(error),
                    other => other,
                };
            }
            // An answer to a request that has been superseded.
            Action::Loaded { .. } | Action::Failed { .. } => {}
            Action::Retry => self.attempt = self.attempt.wrapping_add(1),
            Action::Open(id) => self.open = Some(id),
            Action::Close => self.open = None,
        }
        self
    }
}

impl Reducible for Catalogue {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Rc::unwrap_or_clone(self).apply(action))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use linan_shared::{CategoryCode, Date, DistrictCode, GeoPoint, Gives, PartnerKind, PartnerSummary, Validity};

    use super::*;

    /// A benefit for tests, with `title`.
    pub(crate) fn summary(id: i64, title: &str) -> BenefitSummary {
        BenefitSummary {
            id,
            category: CategoryCode::parse("scenic_discount").unwrap(),
            district: DistrictCode::parse("liwan").unwrap(),
            partner: PartnerSummary { id: 1, name: "陈家祠".into(), kind: PartnerKind::ScenicSpot },
            title: title.into(),
            summary: "持卡免费参观".into(),
            gives: Gives::FreeEntry,
            eligibility: Vec::new(),
            validity: Validity { from: Date::parse("2026-01-01").unwrap(), until: Date::parse("2027-01-01").unwrap() },
            location: GeoPoint::new(23.1256, 113.2443).unwrap(),
            distance_km: None,
        }
    }

    fn page(ids: &[i64], next: Option<&str>) -> BenefitPage {
        BenefitPage { items: ids.iter().map(|id| summary(*id, "t")).collect(), next_cursor: next.map(str::to_owned) }
    }

    fn run(actions: Vec<Action>) -> Catalogue {
        actions.into_iter().fold(Catalogue::default(), Catalogue::apply)
    }

    fn ids(c: &Catalogue) -> Vec<i64> {
        c.items.iter().map(|b| b.id).collect()
    }

    #[test]
    fn a_first_page_then_the_next_are_appended() {
        let c = run(vec![
            Action::Reload { request: 1 },
            Action::Loaded { request: 1, page: page(&[1, 2], Some("c1")) },
            Action::LoadMore { request: 2 },
            Action::Loaded { request: 2, page: page(&[3], None) },
        ]);
        assert_eq!(ids(&c), [1, 2, 3]);
        assert_eq!((c.status(), c.next_cursor.as_deref(), c.can_load_more()), (Status::Ready, None, false));
    }

    #[test]
    fn a_stale_answer_is_ignored() {
        let c = run(vec![
            Action::Reload { request: 1 },
            Action::Reload { request: 2 },
            Action::Loaded { request: 2, page: page(&[20], None) },
            Action::Loaded { request: 1, page: page(&[10], None) },
            Action::Failed { request: 1, error: ClientError::Network },
        ]);
        assert_eq!(ids(&c), [20]);
        assert_eq!(c.status(), Status::Ready);
    }

    #[test]
    fn failures_keep_what_is_shown_and_say_which_request_failed() {
        let first =
            run(vec![Action::Reload { request: 1 }, Action::Failed { request: 1, error: ClientError::Network }]);
        assert_eq!((first.status(), first.phase.clone()), (Status::Error, Phase::Failed(ClientError::Network)));

        let more = run(vec![
            Action::Reload { request: 1 },
            Action::Loaded { request: 1, page: page(&[1], Some("c")) },
            Action::LoadMore { request: 2 },
            Action::Failed { request: 2, error: ClientError::RateLimited },
        ]);
        assert_eq!(ids(&more), [1]);
        assert_eq!(more.phase, Phase::MoreFailed(ClientError::RateLimited));
        assert!(more.can_load_more(), "a failed next page can be retried");
    }

    #[test]
    fn an_empty_answer_is_the_empty_state() {
        let c = run(vec![Action::Reload { request: 1 }, Action::Loaded { request: 1, page: page(&[], None) }]);
        assert_eq!(c.status(), Status::Empty);
        assert_eq!(Status::Empty.as_str(), "empty");
    }

    #[test]
    fn retry_bumps_the_attempt_and_the_detail_survives_a_reload() {
        let c = run(vec![
            Action::Reload { request: 1 },
            Action::Failed { request: 1, error: ClientError::Network },
            Action::Retry,
            Action::Open(7),
            Action::Reload { request: 2 },
        ]);
        assert_eq!((c.attempt, c.open, c.phase.clone()), (1, Some(7), Phase::Loading));
        assert_eq!(run(vec![Action::Open(7), Action::Close]).open, None);
    }

    #[test]
    fn load_more_without_a_cursor_does_nothing() {
        let c = run(vec![
            Action::Reload { request: 1 },
            Action::Loaded { request: 1, page: page(&[1], None) },
            Action::LoadMore { request: 2 },
        ]);
        assert_eq!((c.phase.clone(), c.request), (Phase::Ready, 1));
    }
}
