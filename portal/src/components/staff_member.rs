//! One account in the staff list; for the owner, with "remove" (asked to
//! confirm: it signs the account out at once).

use linan_shared::AccountDto;
use yew::prelude::*;

use super::{ConfirmButton, FormAlert};
use crate::api::merchant;
use crate::context::use_portal;
use crate::hooks::use_action;
use crate::i18n::Key;
use crate::wording;

/// Props of [`StaffMember`].
#[derive(Properties, PartialEq)]
pub struct StaffMemberProps {
    /// The account.
    pub account: AccountDto,
    /// Whether the viewer may remove it (the owner, not their own account).
    pub removable: bool,
    /// It was removed.
    pub on_removed: Callback<()>,
    /// Reload the list (after a refusal because it changed meanwhile).
    pub on_reload: Callback<()>,
}

/// Email, role and owner badge, then the remove button and its errors.
#[component]
pub fn StaffMember(props: &StaffMemberProps) -> Html {
    let portal = use_portal();
    let a = &props.account;
    let remove = {
        let (api, id) = (portal.api.clone(), a.id);
        use_action(
            move || {
                let api = api.clone();
                async move { merchant::remove_staff(&api, id).await }
            },
            props.on_removed.clone(),
        )
    };
    html! {
        <li class="card">
            <span>{ a.email.clone() }</span>{ " · " }{ portal.t(wording::role(a.role)) }
            if a.owner { { " " }<span class="badge">{ portal.t(Key::OwnerBadge) }</span> }
            if let Some(e) = &remove.error {
                <FormAlert error={e.clone()} on_reload={props.on_reload.clone()} />
            }
            if props.removable {
                <div class="buttons">
                    <ConfirmButton id={format!("staff-{}-remove", a.id)} label={portal.t(Key::StaffRemove)}
                        question={portal.fill(Key::StaffRemoveQuestion, &[("email", &a.email)])}
                        confirm={portal.t(Key::StaffRemoveConfirm)} busy={remove.busy} on_confirm={remove.run.clone()} />
                </div>
            }
        </li>
    }
}
