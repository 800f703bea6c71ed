//! The "My card" view's state: signing in, the benefits the card reaches
//! and the holder's redemptions, and which benefit's counter code is open.
//! A reducer like [`crate::state`], so the rules are tested natively.
//!
//! The session itself (its token) is not here: the root keeps it, so that
//! switching to the catalogue and back does not sign the holder out.

use std::rc::Rc;

use linan_shared::{CardBenefits, RedemptionList};
use yew::Reducible;

use crate::api::ClientError;
use crate::state::Status;

/// Where the sign-in form is.
#[derive(Debug, Clone, PartialEq)]
pub enum SignIn {
    /// Waiting for the holder.
    Idle,
    /// The card is being checked.
    Pending,
    /// The card was refused, or the request failed.
    Failed(ClientError),
    /// The session ended (signed out, or expired on the server).
    Ended(ClientError),
    /// The holder signed out.
    SignedOut,
}

/// The signed-in part.
#[derive(Debug, Clone, PartialEq)]
pub enum Overview {
    /// On its way.
    Loading,
    /// The card's benefits, and the history (`None` when only it failed:
    /// the benefits still show).
    Loaded(Rc<CardBenefits>, Option<Rc<RedemptionList>>),
    /// The benefits could not be loaded.
    Failed(ClientError),
}

/// The whole view.
#[derive(Debug, Clone, PartialEq)]
pub struct CardView {
    /// The sign-in form.
    pub sign_in: SignIn,
    /// The signed-in overview.
    pub overview: Overview,
    /// Id of the latest overview request; older answers are dropped.
    pub request: u32,
    /// Bumped to load the overview again (retry, or a code was closed).
    pub attempt: u32,
    /// The benefit whose counter code is shown.
    pub open: Option<i64>,
}

impl Default for CardView {
    fn default() -> Self {
        Self { sign_in: SignIn::Idle, overview: Overview::Loading, request: 0, attempt: 0, open: None }
    }
}

/// Something that happens to the view.
#[derive(Debug, Clone, PartialEq)]
pub enum CardAction {
    /// The form was sent.
    SignInStarted,
    /// The form was refused.
    SignInFailed(ClientError),
    /// Signed in: the overview starts loading.
    SignedIn,
    /// The overview was requested.
    Reload(u32),
    /// The overview arrived (benefits, and history or why not).
    Loaded(u32, Result<CardBenefits, ClientError>, Result<RedemptionList, ClientError>),
    /// Load the overview again.
    Retry,
    /// Show the counter code for a benefit.
    Open(i64),
    /// Close the counter code; the overview reloads (the code may have
    /// been used at the counter meanwhile).
    Close,
    /// The session ended: back to the form, saying why.
    Ended(ClientError),
    /// The holder signed out.
    SignedOut,
}

impl CardView {
    /// The root's `data-state` while signed in (`signed_in`) or at the form.
    pub fn status(&self, signed_in: bool) -> Status {
        match (&self.overview, signed_in) {
            (_, false) => match self.sign_in {
                SignIn::Pending => Status::Loading,
                _ => Status::Ready,
            },
            (Overview::Loading, true) => Status::Loading,
            (Overview::Failed(_), true) => Status::Error,
            (Overview::Loaded(b, _), true) if b.items.is_empty() => Status::Empty,
            (Overview::Loaded(..), true) => Status::Ready,
        }
    }

    fn apply(mut self, action: CardAction) -> Self {
        match action {
            CardAction::SignInStarted => self.sign_in = SignIn::Pending,
            CardAction::SignInFailed(error) => self.sign_in = SignIn::Failed(error),
            CardAction::SignedIn => {
                self.sign_in = SignIn::Idle;
                self.overview = Overview::Loading;
                self.open = None;
            }
            CardAction::Reload(request) => {
                self.request = request;
                // Keep what is shown while it refreshes (after a code closes).
                if !matches!(self.overview, Overview::Loaded(..)) {
                    self.overview = Overview::Loading;
                }
            }
            CardAction::Loaded(request, benefits, history) if request == self.request => {
                self.overview = match benefits {
                    Ok(b) => Overview::Loaded(Rc::new(b), history.ok().map(Rc::new)),
                    Err(e) => Overview::Failed(e),
                };
            }
            CardAction::Loaded(..) => {}
            CardAction::Retry | CardAction::Close => {
                self.attempt = self.attempt.wrapping_add(1);
                self.open = None;
            }
            CardAction::Open(id) => self.open = Some(id),
            CardAction::Ended(error) => self = Self { sign_in: SignIn::Ended(error), ..Self::default() },
            CardAction::SignedOut => self = Self { sign_in: SignIn::SignedOut, ..Self::default() },
        }
        self
    }
}

impl Reducible for CardView {
    type Action = CardAction;

    fn reduce(self: Rc<Self>, action: CardAction) -> Rc<Self> {
        Rc::new(Rc::unwrap_or_clone(self).apply(action))
    }
}

#[cfg(test)]
mod tests {
    use linan_shared::{CardDto, CardStatus, SchemeCode, TierCode};

    use super::*;

    fn benefits(n: usize) -> CardBenefits {
        let card = CardDto {
            number: "LW2026000014".into(),
            scheme: SchemeCode::parse("liwan_talent").unwrap(),
            tier: TierCode::parse("A").unwrap(),
            holder_name: "陈小荔".into(),
            valid_until: "2035-12-31".into(),
            status: CardStatus::Active,
        };
        let item = |id| linan_shared::CardBenefitDto {
            benefit: crate::state::tests::summary(id, "t"),
            via: linan_shared::Reach::Direct,
            refusal: None,
            remaining: None,
            period: None,
            stock_left: None,
        };
        CardBenefits { card, items: (0..n as i64).map(item).collect() }
    }

    fn run(actions: Vec<CardAction>) -> CardView {
        actions.into_iter().fold(CardView::default(), CardView::apply)
    }

    #[test]
    fn a_refused_sign_in_stays_at_the_form_with_the_reason() {
        let v = run(vec![CardAction::SignInStarted]);
        assert_eq!(v.status(false), Status::Loading);
        let v = run(vec![CardAction::SignInStarted, CardAction::SignInFailed(ClientError::Unauthorized)]);
        assert_eq!((v.sign_in.clone(), v.status(false)), (SignIn::Failed(ClientError::Unauthorized), Status::Ready));
    }

    #[test]
    fn only_the_latest_overview_is_shown_and_history_may_fail_alone() {
        let v = run(vec![
            CardAction::SignedIn,
            CardAction::Reload(1),
            CardAction::Reload(2),
            CardAction::Loaded(1, Err(ClientError::Network), Err(ClientError::Network)),
        ]);
        assert_eq!((v.overview.clone(), v.status(true)), (Overview::Loading, Status::Loading));
        let v = run(vec![CardAction::Reload(1), CardAction::Loaded(1, Ok(benefits(2)), Err(ClientError::Network))]);
        assert_eq!(v.overview, Overview::Loaded(Rc::new(benefits(2)), None));
        assert_eq!(v.status(true), Status::Ready);
        let v = run(vec![
            CardAction::Reload(1),
            CardAction::Loaded(1, Ok(benefits(0)), Ok(RedemptionList { items: vec![] })),
        ]);
        assert_eq!(v.status(true), Status::Empty);
    }

    #[test]
    fn closing_a_code_reloads_but_keeps_the_list_shown() {
        let v = run(vec![
            CardAction::Reload(1),
            CardAction::Loaded(1, Ok(benefits(1)), Err(ClientError::Network)),
            CardAction::Open(0),
            CardAction::Close,
            CardAction::Reload(2),
        ]);
        assert_eq!((v.open, v.attempt, v.status(true)), (None, 1, Status::Ready));
    }

    #[test]
    fn an_ended_session_forgets_everything_but_why() {
        let v = run(vec![
            CardAction::Reload(1),
            CardAction::Loaded(1, Ok(benefits(1)), Err(ClientError::Network)),
            CardAction::Open(0),
            CardAction::Ended(ClientError::Unauthorized),
        ]);
        assert_eq!(v, CardView { sign_in: SignIn::Ended(ClientError::Unauthorized), ..CardView::default() });
        assert_eq!(run(vec![CardAction::SignedOut]).sign_in, SignIn::SignedOut);
    }
}
