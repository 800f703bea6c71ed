//! The partner's latest redemptions, reloaded after each change at the desk.

use linan_shared::RedemptionDto;
use yew::prelude::*;

use super::{RedemptionItem, load_view};
use crate::api::counter;
use crate::context::use_portal;
use crate::hooks::use_load;
use crate::i18n::Key;

/// Props of [`RecentRedemptions`].
#[derive(Properties, PartialEq)]
pub struct RecentRedemptionsProps {
    /// Changes made at the desk so far (a new value reloads the list).
    pub changes: u32,
    /// One was voided here.
    pub on_voided: Callback<RedemptionDto>,
}

/// A titled section with one item per redemption, newest first.
#[component]
pub fn RecentRedemptions(props: &RecentRedemptionsProps) -> Html {
    let portal = use_portal();
    let api = portal.api.clone();
    // Loaded again when a redemption changes or the language does.
    let list =
        use_load((props.changes, portal.lang), move |(_, lang)| async move { counter::redemptions(&api, lang).await });
    let body = load_view(&portal, &list, |list| {
        if list.items.is_empty() {
            return html! { <p class="empty">{ portal.t(Key::RecentEmpty) }</p> };
        }
        html! {
            <ul class="list">
                { for list.items.iter().map(|r| html! {
                    <li key={r.id}>
                        <RedemptionItem prefix="recent" redemption={r.clone()} on_voided={props.on_voided.clone()} />
                    </li>
                }) }
            </ul>
        }
    });
    html! {
        <section class="recent" aria-labelledby="recent-title">
            <h2 id="recent-title">{ portal.t(Key::RecentTitle) }</h2>
            <p class="muted">{ portal.t(Key::VoidWindow) }</p>
            { body }
        </section>
    }
}
