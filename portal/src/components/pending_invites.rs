//! The owner's invitations not used yet, each with "revoke" (asked to
//! confirm: the code stops working at once).

use linan_shared::PendingInvite;
use yew::prelude::*;

use super::{ConfirmButton, FormAlert, load_view};
use crate::api::merchant;
use crate::context::use_portal;
use crate::hooks::{use_action, use_load};
use crate::i18n::Key;
use crate::wording;

/// Props of [`PendingInvites`].
#[derive(Properties, PartialEq)]
pub struct PendingInvitesProps {
    /// Changes when an invitation was made, to load the list again.
    pub generation: u32,
}

/// The titled list of pending invitations.
#[component]
pub fn PendingInvites(props: &PendingInvitesProps) -> Html {
    let portal = use_portal();
    let api = portal.api.clone();
    let invites = use_load(props.generation, move |_| async move { merchant::invites(&api).await });
    let on_revoked = {
        let (reload, announce) = (invites.reload.clone(), portal.announce.clone());
        Callback::from(move |()| {
            announce.emit(Key::InviteRevoked);
            reload.emit(());
        })
    };
    let list = load_view(&portal, &invites, |list| {
        if list.items.is_empty() {
            return html! { <p class="empty">{ portal.t(Key::InvitesEmpty) }</p> };
        }
        html! {
            <ul class="list">
                { for list.items.iter().map(|i| html! {
                    <InviteItem key={i.id} invite={i.clone()} on_revoked={on_revoked.clone()} on_reload={invites.reload.clone()} />
                }) }
            </ul>
        }
    });
    html! {
        <section aria-labelledby="invites-title">
            <h2 id="invites-title">{ portal.t(Key::InvitesTitle) }</h2>
            { list }
        </section>
    }
}

/// Props of [`InviteItem`].
#[derive(Properties, PartialEq)]
pub struct InviteItemProps {
    /// The invitation.
    pub invite: PendingInvite,
    /// It was revoked.
    pub on_revoked: Callback<()>,
    /// Reload the list (after a refusal because it was used meanwhile).
    pub on_reload: Callback<()>,
}

/// The invited email and its end, then the revoke button and its errors.
#[component]
pub fn InviteItem(props: &InviteItemProps) -> Html {
    let portal = use_portal();
    let i = &props.invite;
    let revoke = {
        let (api, id) = (portal.api.clone(), i.id);
        use_action(
            move || {
                let api = api.clone();
                async move { merchant::revoke_invite(&api, id).await }
            },
            props.on_revoked.clone(),
        )
    };
    html! {
        <li class="card">
            <span>{ portal.fill(Key::InviteValidUntil, &[("email", &i.email), ("at", &wording::time(&i.expires_at))]) }</span>
            if let Some(e) = &revoke.error {
                <FormAlert error={e.clone()} on_reload={props.on_reload.clone()} />
            }
            <div class="buttons">
                <ConfirmButton id={format!("invite-{}-revoke", i.id)} label={portal.t(Key::InviteRevoke)}
                    question={portal.fill(Key::InviteRevokeQuestion, &[("email", &i.email)])}
                    confirm={portal.t(Key::InviteRevokeConfirm)} busy={revoke.busy} on_confirm={revoke.run.clone()} />
            </div>
        </li>
    }
}
