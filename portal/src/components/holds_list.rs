//! The live holds of the integrity list concerning the admin's district:
//! each with its card, whether it holds the card or the holder, the deciding
//! district, the reason, who and when — and "lift" (asked to confirm) where
//! this admin may lift it, else who may.

use linan_shared::{HoldDto, HoldTarget, ReasonRequest};
use yew::prelude::*;

use super::{ConfirmButton, FormAlert, load_view};
use crate::actions::IntegrityAction;
use crate::api::admin;
use crate::context::{Portal, use_portal};
use crate::hooks::{use_action, use_load};
use crate::i18n::Key;
use crate::wording;

/// Props of [`HoldsList`].
#[derive(Properties, PartialEq)]
pub struct HoldsListProps {
    /// Changes when the form acted, to load the list again.
    pub generation: u32,
    /// A hold was lifted here.
    pub on_lifted: Callback<()>,
}

/// The titled list of live holds.
#[component]
pub fn HoldsList(props: &HoldsListProps) -> Html {
    let portal = use_portal();
    let api = portal.api.clone();
    let holds = use_load(props.generation, move |_| async move { admin::holds(&api).await });
    let on_lifted = {
        let (reload, lifted) = (holds.reload.clone(), props.on_lifted.clone());
        Callback::from(move |()| {
            lifted.emit(());
            reload.emit(());
        })
    };
    let list = load_view(&portal, &holds, |list| {
        if list.items.is_empty() {
            return html! { <p class="empty">{ portal.t(Key::HoldsEmpty) }</p> };
        }
        html! {
            <ul class="list">
                { for list.items.iter().map(|h| html! {
                    <HoldItem key={h.id} hold={h.clone()} on_lifted={on_lifted.clone()} on_reload={holds.reload.clone()} />
                }) }
            </ul>
        }
    });
    html! {
        <section aria-labelledby="holds-title">
            <h2 id="holds-title">{ portal.t(Key::HoldsTitle) }</h2>
            { list }
        </section>
    }
}

/// The deciding district's name, or "the alliance".
fn decider(portal: &Portal, hold: &HoldDto) -> String {
    match &hold.deciding_district {
        None => portal.t(Key::HoldByAlliance).to_owned(),
        Some(code) => portal
            .reference
            .districts
            .iter()
            .find(|d| d.code.as_str() == code)
            .map_or_else(|| code.clone(), |d| d.name.get(portal.lang).to_owned()),
    }
}

/// Props of [`HoldItem`].
#[derive(Properties, PartialEq)]
pub struct HoldItemProps {
    /// The hold.
    pub hold: HoldDto,
    /// It was lifted.
    pub on_lifted: Callback<()>,
    /// Reload the list (after a refusal because it changed meanwhile).
    pub on_reload: Callback<()>,
}

/// One hold, then "lift" or who may lift it.
#[component]
pub fn HoldItem(props: &HoldItemProps) -> Html {
    let portal = use_portal();
    let h = &props.hold;
    let action = match h.target {
        HoldTarget::Card => IntegrityAction::ReinstateCard,
        HoldTarget::Holder => IntegrityAction::ReinstateHolder,
    };
    let lift = {
        let (api, number) = (portal.api.clone(), h.card_number.clone());
        use_action(
            move || {
                let (api, number) = (api.clone(), number.clone());
                async move { admin::integrity(&api, &number, action, &ReasonRequest { reason: None }).await.map(drop) }
            },
            props.on_lifted.clone(),
        )
    };
    let what = portal.t(match h.target {
        HoldTarget::Card => Key::HoldOnCard,
        HoldTarget::Holder => Key::HoldOnHolder,
    });
    let by = decider(&portal, h);
    let placed = wording::time(&h.placed_at);
    html! {
        <li class="card hold">
            <p><strong>{ &h.card_number }</strong>{ " · " }{ what }</p>
            <p>{ portal.fill(Key::HoldDecided, &[("district", &by), ("at", &placed)]) }</p>
            <p>{ portal.t(Key::FieldIntegrityReason) }{ "：" }{ &h.reason }</p>
            if let Some(e) = &lift.error {
                <FormAlert error={e.clone()} on_reload={props.on_reload.clone()} />
            }
            if h.may_lift {
                <div class="buttons">
                    <ConfirmButton id={format!("hold-{}-lift", h.id)} label={portal.t(action.label())}
                        question={portal.fill(Key::HoldLiftQuestion, &[("card", &h.card_number)])}
                        confirm={portal.t(Key::HoldLiftConfirm)} busy={lift.busy} on_confirm={lift.run.clone()} />
                </div>
            } else {
                <p class="muted">{ portal.fill(Key::HoldNotYours, &[("district", &by)]) }</p>
            }
        </li>
    }
}
