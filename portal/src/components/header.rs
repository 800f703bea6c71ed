//! The top of every page: brand, the navigation for the signed-in role,
//! the language menu, and who is signed in with a sign-out button.

use linan_shared::{Lang, Role};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::select_value;
use crate::api::auth;
use crate::context::use_portal;
use crate::dom::navigate;
use crate::i18n::{Key, endonym};
use crate::route::Route;
use crate::wording;

/// Props of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The page shown (its link is marked `aria-current`).
    pub route: Route,
}

/// `<header>` with a `<nav>` list of links; the language is a labelled
/// `<select>` whose options name each language in itself.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let portal = use_portal();
    let links: &[(Route, Key)] = match portal.account().map(|a| a.role) {
        Some(Role::Merchant) => &[
            (Route::Offers, Key::NavOffers),
            (Route::Events, Key::NavEvents),
            (Route::Counter, Key::NavCounter),
            (Route::Figures, Key::NavFigures),
            (Route::Partner, Key::NavPartner),
            (Route::Staff, Key::NavStaff),
            (Route::Account, Key::NavAccount),
        ],
        Some(Role::DistrictAdmin | Role::AllianceAdmin) => &[
            (Route::ReviewPartners, Key::NavReviewPartners),
            (Route::ReviewPartnerEdits, Key::NavReviewPartnerEdits),
            (Route::ReviewOffers, Key::NavReviewOffers),
            (Route::Events, Key::NavEvents),
            (Route::ReviewEvents, Key::NavReviewEvents),
            (Route::Integrity, Key::NavIntegrity),
            (Route::Audit, Key::NavAudit),
            (Route::EmbedSites, Key::NavEmbedSites),
            (Route::Account, Key::NavAccount),
        ],
        None => &[(Route::Login, Key::NavLogin), (Route::Signup, Key::NavSignup)],
    };
    let current = props.route;
    let on_lang = portal.set_lang.reform(|e: Event| Lang::parse(&select_value(&e)).unwrap_or_default());
    let on_logout = {
        let (api, signed_out, announce) = (portal.api.clone(), portal.signed_out.clone(), portal.announce.clone());
        Callback::from(move |_: MouseEvent| {
            let (api, signed_out, announce) = (api.clone(), signed_out.clone(), announce.clone());
            spawn_local(async move {
                // Signed out locally whatever the answer: a session the server
                // no longer knows is as good as ended.
                let _ = auth::logout(&api).await;
                signed_out.emit(());
                announce.emit(Key::LoggedOut);
                navigate(Route::Login);
            });
        })
    };
    let who = portal
        .account()
        .map(|a| portal.fill(Key::SignedInAs, &[("email", &a.email), ("role", portal.t(wording::role(a.role)))]));
    html! {
        <header class="site-header">
            <div class="bar">
                <a class="brand" href="#/">{ portal.t(Key::Brand) }</a>
                <div class="lang">
                    <label for="lang-select">{ portal.t(Key::LanguageLabel) }</label>
                    <select id="lang-select" onchange={on_lang}>
                        { for Lang::ALL.into_iter().map(|lang| html! {
                            <option value={lang.tag()} lang={lang.tag()} selected={lang == portal.lang}>{ endonym(lang) }</option>
                        }) }
                    </select>
                </div>
            </div>
            <nav aria-label={portal.t(Key::NavLabel)}>
                <ul>
                    { for links.iter().map(|(route, key)| {
                        let is_current = *route == current
                            || (*route == Route::Offers && matches!(current, Route::Offer(_) | Route::NewOffer))
                            || (*route == Route::Events && matches!(current, Route::Event(_) | Route::EventDoor(_) | Route::NewEvent));
                        html! {
                            <li><a href={route.href()} aria-current={is_current.then_some("page")}>{ portal.t(*key) }</a></li>
                        }
                    }) }
                </ul>
                if let Some(who) = who {
                    <div class="who">
                        <span>{ who }</span>
                        <button type="button" class="link" onclick={on_logout}>{ portal.t(Key::Logout) }</button>
                    </div>
                }
            </nav>
        </header>
    }
}
