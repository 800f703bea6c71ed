//! The root: language, session, reference lists and the status line; the
//! header, and the page the URL fragment names (or sign-in, when that page
//! needs a session).

use std::rc::Rc;

use linan_shared::{AccountDto, Lang, Role, SessionDto};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{
    AccountPage, AuditPage, CounterPage, EmbedSitesPage, EventDoorPage, EventPage, EventsPage, FiguresPage, Header,
    IntegrityPage, LoginPage, NewEventPage, NewOfferPage, OfferPage, OffersPage, PartnerPage, Redirect,
    ReviewEventsPage, ReviewOffersPage, ReviewPartnerEditsPage, ReviewPartnersPage, SignupPage, StaffPage,
    message_page,
};
use crate::api::{Api, auth, reference};
use crate::context::{Portal, Reference};
use crate::dom::focus;
use crate::hooks::use_route;
use crate::i18n::Key;
use crate::lang_pref;
use crate::route::{Access, Route};

/// Whether anyone is signed in.
#[derive(Debug, Clone, PartialEq)]
enum SessionState {
    /// Asking the server on page load.
    Checking,
    /// Nobody.
    SignedOut,
    /// This session.
    SignedIn(Rc<SessionDto>),
}

/// A message of the status line.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Notice {
    /// What it says.
    key: Key,
    /// How many messages came before it.
    seq: u32,
    /// How many page changes came before it.
    visit: u32,
}

/// The portal.
#[component]
pub fn App() -> Html {
    let lang = use_state(lang_pref::load);
    let session = use_state(|| SessionState::Checking);
    let reference = use_state(Reference::default);
    // The status line's message, numbered so that the same words said twice
    // replace the node and are announced again, and stamped with the page
    // visit it was said on: it stays for that page and the next (an action
    // often moves on, e.g. a saved draft opens its page), then goes.
    let notice = use_state(|| None::<Notice>);
    let visits = use_state(|| 0_u32);
    let route = use_route();

    use_effect_with(*lang, |lang| lang_pref::apply(*lang));
    {
        let session = session.setter();
        use_effect_with((), move |_| {
            spawn_local(async move {
                let api = Api::new(None, Callback::noop());
                session.set(match auth::me(&api).await {
                    Ok(s) => SessionState::SignedIn(Rc::new(s)),
                    Err(_) => SessionState::SignedOut,
                });
            });
        });
    }
    {
        let reference = reference.setter();
        use_effect_with((), move |_| {
            spawn_local(async move {
                let api = Api::new(None, Callback::noop());
                // A list that fails stays empty; its menus then offer nothing and
                // the API names the field, so this needs no state of its own.
                let districts = reference::districts(&api).await.unwrap_or_default();
                let categories = reference::categories(&api).await.unwrap_or_default();
                let schemes = reference::card_schemes(&api).await.map(|s| s.schemes).unwrap_or_default();
                reference.set(Reference {
                    districts: Rc::new(districts),
                    categories: Rc::new(categories),
                    schemes: Rc::new(schemes),
                });
            });
        });
    }
    // A new page moves focus to its content, so screen readers start there.
    {
        let (first, visits) = (use_mut_ref(|| true), visits.clone());
        use_effect_with(route, move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                visits.set(visits.wrapping_add(1));
                focus("#main");
            }
        });
    }

    let signed_out = {
        let session = session.setter();
        Callback::from(move |()| session.set(SessionState::SignedOut))
    };
    let signed_in = {
        let session = session.setter();
        Callback::from(move |s: SessionDto| session.set(SessionState::SignedIn(Rc::new(s))))
    };
    let set_lang = {
        let lang = lang.setter();
        Callback::from(move |l: Lang| {
            lang_pref::save(l);
            lang.set(l);
        })
    };
    let announce = {
        let (notice, visit) = (notice.clone(), *visits);
        Callback::from(move |key: Key| {
            let seq = notice.map_or(0, |n| n.seq.wrapping_add(1));
            notice.set(Some(Notice { key, seq, visit }));
        })
    };
    let shown = notice.filter(|n| n.visit.wrapping_add(1) >= *visits);
    let current = match &*session {
        SessionState::SignedIn(s) => Some(Rc::clone(s)),
        _ => None,
    };
    let api = Api::new(current.as_ref().map(|s| s.csrf_token.as_str()), signed_out.clone());
    let portal = Portal {
        lang: *lang,
        session: current,
        api,
        reference: (*reference).clone(),
        set_lang,
        signed_in,
        signed_out,
        announce,
    };
    let page = if *session == SessionState::Checking {
        html! { <p class="loading" role="status">{ portal.t(Key::Checking) }</p> }
    } else {
        page(&portal, route, portal.account())
    };
    html! {
        <ContextProvider<Portal> context={portal.clone()}>
            <a class="skip" href="#main" onclick={Callback::from(|e: MouseEvent| { e.prevent_default(); focus("#main"); })}>
                { portal.t(Key::SkipToContent) }
            </a>
            <Header {route} />
            <div class="status-line" role="status" aria-live="polite">
                if let Some(n) = shown {
                    <span key={n.seq}>{ portal.t(n.key) }</span>
                }
            </div>
            <main id="main" tabindex="-1" key={route.href()}>
                { page }
            </main>
        </ContextProvider<Portal>>
    }
}

/// The start page of a role.
fn home(account: &AccountDto) -> Route {
    match account.role {
        Role::Merchant => Route::Offers,
        Role::DistrictAdmin | Role::AllianceAdmin => Route::ReviewPartners,
    }
}

/// What `route` shows to `account`.
fn page(portal: &Portal, route: Route, account: Option<&AccountDto>) -> Html {
    let allowed = match (route.access(), account) {
        (Access::Public, _) => true,
        (_, None) => return html! { <LoginPage /> },
        (Access::SignedIn, Some(_)) => true,
        (Access::Merchant, Some(a)) => a.role == Role::Merchant,
        (Access::Admin, Some(a)) => a.role.is_admin(),
    };
    if !allowed {
        return message_page(portal, Key::ForbiddenTitle, Key::ForbiddenText);
    }
    match (route, account) {
        (Route::Home | Route::Login | Route::Signup, Some(a)) => html! { <Redirect to={home(a)} /> },
        (Route::Home | Route::Login, None) => html! { <LoginPage /> },
        (Route::Signup, None) => html! { <SignupPage /> },
        (Route::Offers, _) => html! { <OffersPage /> },
        (Route::NewOffer, _) => html! { <NewOfferPage /> },
        (Route::Offer(id), _) => html! { <OfferPage {id} /> },
        (Route::Events, _) => html! { <EventsPage /> },
        (Route::NewEvent, _) => html! { <NewEventPage /> },
        (Route::Event(id), _) => html! { <EventPage {id} /> },
        (Route::EventDoor(id), _) => html! { <EventDoorPage {id} /> },
        (Route::ReviewEvents, _) => html! { <ReviewEventsPage /> },
        (Route::Partner, _) => html! { <PartnerPage /> },
        (Route::Staff, _) => html! { <StaffPage /> },
        (Route::Account, _) => html! { <AccountPage /> },
        (Route::Counter, _) => html! { <CounterPage /> },
        (Route::Figures, _) => html! { <FiguresPage /> },
        (Route::Integrity, _) => html! { <IntegrityPage /> },
        (Route::ReviewPartners, _) => html! { <ReviewPartnersPage /> },
        (Route::ReviewOffers, _) => html! { <ReviewOffersPage /> },
        (Route::ReviewPartnerEdits, _) => html! { <ReviewPartnerEditsPage /> },
        (Route::Audit, _) => html! { <AuditPage /> },
        (Route::EmbedSites, _) => html! { <EmbedSitesPage /> },
        (Route::NotFound, _) => message_page(portal, Key::NotFoundTitle, Key::NotFoundText),
    }
}
