//! The portal's pages and their `#/…` addresses.
//!
//! Routing lives in the URL fragment so the server serves one `index.html`
//! for every page, and a page can be bookmarked or reloaded.

/// A page of the portal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// `#/` or nothing: the signed-in account's start page, or sign-in.
    Home,
    /// `#/login`.
    Login,
    /// `#/signup`: a new merchant account with its partner.
    Signup,
    /// `#/offers`: the merchant's offers.
    Offers,
    /// `#/offers/new`.
    NewOffer,
    /// `#/offers/{id}`: one offer, its actions and its editor.
    Offer(i64),
    /// `#/events`: the organiser's events (a partner's, or an admin's district's).
    Events,
    /// `#/events/new`.
    NewEvent,
    /// `#/events/{id}`: one event, its steps and content.
    Event(i64),
    /// `#/events/{id}/door`: registrants, check-in, the attendee list.
    EventDoor(i64),
    /// `#/partner`: the merchant's partner profile.
    Partner,
    /// `#/staff`: the partner's accounts and invitations.
    Staff,
    /// `#/account`: the signed-in account and its password.
    Account,
    /// `#/counter`: check a cardholder's code or card, redeem, void.
    Counter,
    /// `#/figures`: redemptions per offer per day, stock left today.
    Figures,
    /// `#/integrity`: suspend or reinstate cards and holders.
    Integrity,
    /// `#/review/partners`: partners awaiting (or past) review.
    ReviewPartners,
    /// `#/review/offers`: offers and edits awaiting review.
    ReviewOffers,
    /// `#/review/events`: partners' events awaiting review.
    ReviewEvents,
    /// `#/review/partner-edits`: approved partners' profile edits awaiting review.
    ReviewPartnerEdits,
    /// `#/audit`: the audit log.
    Audit,
    /// `#/embed-sites`: the embed-site registry, snippets and figures.
    EmbedSites,
    /// Any other fragment.
    NotFound,
}

/// Who may open a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Everyone, signed in or not.
    Public,
    /// Any signed-in account.
    SignedIn,
    /// Merchant accounts.
    Merchant,
    /// District and alliance admins.
    Admin,
}

/// A positive id from a path segment.
fn positive(segment: &str) -> Option<i64> {
    segment.parse().ok().filter(|id| *id > 0)
}

impl Route {
    /// The page a fragment (`#/offers/12`, with or without `#`) names.
    pub fn parse(fragment: &str) -> Route {
        let path = fragment.trim_start_matches('#').trim_start_matches('/');
        let path = path.split(['?', '#']).next().unwrap_or_default().trim_end_matches('/');
        match path.split('/').collect::<Vec<_>>().as_slice() {
            [""] => Route::Home,
            ["login"] => Route::Login,
            ["signup"] => Route::Signup,
            ["offers"] => Route::Offers,
            ["offers", "new"] => Route::NewOffer,
            ["offers", id] => id.parse().ok().filter(|id| *id > 0).map_or(Route::NotFound, Route::Offer),
            ["events"] => Route::Events,
            ["events", "new"] => Route::NewEvent,
            ["events", id] => positive(id).map_or(Route::NotFound, Route::Event),
            ["events", id, "door"] => positive(id).map_or(Route::NotFound, Route::EventDoor),
            ["partner"] => Route::Partner,
            ["staff"] => Route::Staff,
            ["account"] => Route::Account,
            ["counter"] => Route::Counter,
            ["figures"] => Route::Figures,
            ["integrity"] => Route::Integrity,
            ["review", "partners"] => Route::ReviewPartners,
            ["review", "offers"] => Route::ReviewOffers,
            ["review", "partner-edits"] => Route::ReviewPartnerEdits,
            ["review", "events"] => Route::ReviewEvents,
            ["audit"] => Route::Audit,
            ["embed-sites"] => Route::EmbedSites,
            _ => Route::NotFound,
        }
    }

    /// The fragment of this page, for `href`.
    pub fn href(self) -> String {
        match self {
            Route::Home | Route::NotFound => "#/".to_owned(),
            Route::Login => "#/login".to_owned(),
            Route::Signup => "#/signup".to_owned(),
            Route::Offers => "#/offers".to_owned(),
            Route::NewOffer => "#/offers/new".to_owned(),
            Route::Offer(id) => format!("#/offers/{id}"),
            Route::Events => "#/events".to_owned(),
            Route::NewEvent => "#/events/new".to_owned(),
            Route::Event(id) => format!("#/events/{id}"),
            Route::EventDoor(id) => format!("#/events/{id}/door"),
            Route::Partner => "#/partner".to_owned(),
            Route::Staff => "#/staff".to_owned(),
            Route::Account => "#/account".to_owned(),
            Route::Counter => "#/counter".to_owned(),
            Route::Figures => "#/figures".to_owned(),
            Route::Integrity => "#/integrity".to_owned(),
            Route::ReviewPartners => "#/review/partners".to_owned(),
            Route::ReviewOffers => "#/review/offers".to_owned(),
            Route::ReviewPartnerEdits => "#/review/partner-edits".to_owned(),
            Route::ReviewEvents => "#/review/events".to_owned(),
            Route::Audit => "#/audit".to_owned(),
            Route::EmbedSites => "#/embed-sites".to_owned(),
        }
    }

    /// Who may open this page.
    pub fn access(self) -> Access {
        match self {
            Route::Home | Route::Login | Route::Signup | Route::NotFound => Access::Public,
            // Partners' staff and admins both organise events (and keep their
            // doors); the API refuses a partner not approved yet.
            Route::Account | Route::Events | Route::NewEvent | Route::Event(_) | Route::EventDoor(_) => {
                Access::SignedIn
            }
            Route::Offers
            | Route::NewOffer
            | Route::Offer(_)
            | Route::Partner
            | Route::Staff
            | Route::Counter
            | Route::Figures => Access::Merchant,
            Route::ReviewPartners
            | Route::ReviewEvents
            | Route::ReviewOffers
            | Route::ReviewPartnerEdits
            | Route::Integrity
            | Route::Audit
            | Route::EmbedSites => Access::Admin,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_parses_back_from_its_href() {
        for route in [
            Route::Home,
            Route::Login,
            Route::Signup,
            Route::Offers,
            Route::NewOffer,
            Route::Offer(42),
            Route::Partner,
            Route::Staff,
            Route::Account,
            Route::Counter,
            Route::Figures,
            Route::Integrity,
            Route::ReviewPartners,
            Route::ReviewOffers,
            Route::ReviewPartnerEdits,
            Route::ReviewEvents,
            Route::Events,
            Route::NewEvent,
            Route::Event(3),
            Route::EventDoor(3),
            Route::Audit,
            Route::EmbedSites,
        ] {
            assert_eq!(Route::parse(&route.href()), route, "{}", route.href());
        }
    }

    #[test]
    fn fragments_are_read_leniently_but_ids_strictly() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/offers/"), Route::Offers);
        assert_eq!(Route::parse("offers/7?x=1"), Route::Offer(7));
        assert_eq!(Route::parse("#/offers/0"), Route::NotFound);
        assert_eq!(Route::parse("#/offers/-3"), Route::NotFound);
        assert_eq!(Route::parse("#/offers/abc"), Route::NotFound);
        assert_eq!(Route::parse("#/admin"), Route::NotFound);
        assert_eq!(Route::parse("#/events/0/door"), Route::NotFound);
        assert_eq!(Route::parse("#/events/9/doors"), Route::NotFound);
    }

    #[test]
    fn the_counter_and_figures_are_for_merchants_and_the_integrity_list_for_admins() {
        assert_eq!(Route::Counter.access(), Access::Merchant);
        assert_eq!(Route::Figures.access(), Access::Merchant);
        assert_eq!(Route::Integrity.access(), Access::Admin);
    }

    #[test]
    fn events_are_for_every_organiser_and_their_review_for_admins() {
        assert_eq!(Route::EventDoor(1).access(), Access::SignedIn);
        assert_eq!(Route::NewEvent.access(), Access::SignedIn);
        assert_eq!(Route::ReviewEvents.access(), Access::Admin);
    }
}
