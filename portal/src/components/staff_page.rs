//! `#/staff`: the partner's accounts and, for the owner, removing them,
//! inviting colleagues and revoking invitations not used yet.

use linan_shared::{InviteDto, InviteRequest};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{FormAlert, PendingInvites, StaffMember, TextInput, field_error, load_view};
use crate::api::merchant;
use crate::context::use_portal;
use crate::draft::FormError;
use crate::hooks::{use_focus_error, use_load};
use crate::i18n::Key;
use crate::wording;

const FORM_ID: &str = "invite-form";

/// The accounts, then the invitation form and the pending invitations, or a
/// note that only the owner invites.
#[component]
pub fn StaffPage() -> Html {
    let portal = use_portal();
    let api = portal.api.clone();
    let staff = use_load((), move |()| async move { merchant::staff(&api).await });
    let invited = use_state(|| 0_u32);
    let me = portal.account().map(|a| (a.id, a.owner));
    let owner = me.is_some_and(|(_, owner)| owner);
    let on_removed = {
        let (reload, announce) = (staff.reload.clone(), portal.announce.clone());
        Callback::from(move |()| {
            announce.emit(Key::StaffRemoved);
            reload.emit(());
            // The removed item leaves the list; keep keyboard focus in the page.
            crate::dom::focus("#main");
        })
    };
    let list = load_view(&portal, &staff, |list| {
        if list.items.is_empty() {
            return html! { <p class="empty">{ portal.t(Key::StaffEmpty) }</p> };
        }
        html! {
            <ul class="list">
                { for list.items.iter().map(|a| html! {
                    <StaffMember key={a.id} account={a.clone()} removable={owner && me.map(|(id, _)| id) != Some(a.id)}
                        on_removed={on_removed.clone()} on_reload={staff.reload.clone()} />
                }) }
            </ul>
        }
    });
    let on_invited = {
        let invited = invited.clone();
        Callback::from(move |()| invited.set(invited.wrapping_add(1)))
    };
    html! {
        <>
            <h1>{ portal.t(Key::StaffTitle) }</h1>
            { list }
            <section aria-labelledby="invite-title">
                <h2 id="invite-title">{ portal.t(Key::InviteTitle) }</h2>
                if owner {
                    <InviteForm {on_invited} />
                } else {
                    <p class="note">{ portal.t(Key::InviteOnlyOwner) }</p>
                }
            </section>
            if owner {
                <PendingInvites generation={*invited} />
            }
        </>
    }
}

/// Props of [`InviteForm`].
#[derive(Properties, PartialEq)]
pub struct InviteFormProps {
    /// An invitation was made.
    pub on_invited: Callback<()>,
}

/// An email in, a one-time code out (shown once, as text, to copy).
#[component]
pub fn InviteForm(props: &InviteFormProps) -> Html {
    let portal = use_portal();
    let email = use_state(String::new);
    let invite = use_state(|| None::<InviteDto>);
    let error = use_state(|| None::<FormError>);
    use_focus_error(FORM_ID, (*error).clone());
    let onsubmit = {
        let (api, email, invite, error, on_invited) =
            (portal.api.clone(), email.clone(), invite.clone(), error.clone(), props.on_invited.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if email.trim().is_empty() {
                return error.set(Some(FormError::local("email", Key::HintRequired)));
            }
            let request = InviteRequest { email: email.trim().to_owned() };
            let (api, invite, error, on_invited) = (api.clone(), invite.clone(), error.clone(), on_invited.clone());
            spawn_local(async move {
                match merchant::invite(&api, &request).await {
                    Ok(made) => {
                        error.set(None);
                        invite.set(Some(made));
                        on_invited.emit(());
                    }
                    Err(e) => error.set(Some(FormError::from_client(&e))),
                }
            });
        })
    };
    html! {
        <form id={FORM_ID} class="stack" {onsubmit} novalidate=true>
            if let Some(e) = &*error {
                <FormAlert error={e.clone()} />
            }
            <TextInput id="invite-email" kind="email" label={portal.t(Key::FieldEmail)} value={(*email).clone()}
                on_input={Callback::from({ let email = email.clone(); move |v| email.set(v) })}
                required=true autocomplete="off" error={field_error((*error).as_ref(), "email")} />
            <div class="buttons"><button type="submit" class="primary">{ portal.t(Key::InviteButton) }</button></div>
            if let Some(made) = &*invite {
                <div class="card" role="status">
                    <p>{ portal.fill(Key::InviteCode, &[("email", &made.email), ("at", &wording::time(&made.expires_at))]) }</p>
                    <p><code class="code">{ made.code.clone() }</code></p>
                </div>
            }
        </form>
    }
}
