//! `#/embed-sites`: the embed-site registry. An admin lists the sites they
//! may manage (a district admin: their district's), registers or edits one
//! (deactivating is an edit), and for a chosen site generates the snippet
//! and reads its figures. Every name, origin and contact is shown as text.

use linan_shared::{EmbedSiteDto, EmbedSiteList};
use yew::prelude::*;

use super::{EmbedFiguresView, EmbedSiteForm, EmbedSnippet, load_view, status_badge};
use crate::api::embed;
use crate::context::{Portal, use_portal};
use crate::hooks::use_load;
use crate::i18n::Key;

/// What the form is doing.
#[derive(Debug, Clone, PartialEq)]
enum Editing {
    /// No form.
    None,
    /// Registering a new site.
    New,
    /// Editing this site.
    Site(Box<EmbedSiteDto>),
}

/// The registry page.
#[component]
pub fn EmbedSitesPage() -> Html {
    let portal = use_portal();
    let api = portal.api.clone();
    let sites = use_load((), move |()| async move { embed::sites(&api).await });
    let editing = use_state(|| Editing::None);
    let selected = use_state(|| None::<i64>);
    let on_saved = {
        let (editing, selected, reload, announce) =
            (editing.clone(), selected.clone(), sites.reload.clone(), portal.announce.clone());
        Callback::from(move |saved: EmbedSiteDto| {
            editing.set(Editing::None);
            selected.set(Some(saved.id));
            announce.emit(Key::Saved);
            reload.emit(());
        })
    };
    let on_cancel = {
        let editing = editing.clone();
        Callback::from(move |()| editing.set(Editing::None))
    };
    let form = match &*editing {
        Editing::None => html! {},
        Editing::New => html! { <EmbedSiteForm on_saved={on_saved.clone()} on_cancel={on_cancel.clone()} /> },
        Editing::Site(site) => html! {
            <EmbedSiteForm key={site.id} site={(**site).clone()} on_saved={on_saved.clone()} on_cancel={on_cancel.clone()} />
        },
    };
    let body = load_view(&portal, &sites, |list| table(&portal, list, &editing, &selected));
    let chosen = match (&sites.state, *selected) {
        (crate::hooks::Load::Ready(list), Some(id)) => list.sites.iter().find(|s| s.id == id).cloned(),
        _ => None,
    };
    let on_new = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(Editing::New))
    };
    html! {
        <>
            <h1>{ portal.t(Key::EmbedTitle) }</h1>
            <p class="muted">{ portal.t(Key::EmbedIntro) }</p>
            <div class="buttons">
                <button type="button" class="primary" id="embed-new" onclick={on_new}>{ portal.t(Key::EmbedNew) }</button>
            </div>
            { form }
            { body }
            if let Some(site) = chosen {
                <EmbedSnippet site={site.clone()} />
                <EmbedFiguresView site_id={site.id} />
            }
        </>
    }
}

fn table(
    portal: &Portal,
    list: &EmbedSiteList,
    editing: &UseStateHandle<Editing>,
    selected: &UseStateHandle<Option<i64>>,
) -> Html {
    if list.sites.is_empty() {
        return html! { <p class="empty">{ portal.t(Key::EmbedEmpty) }</p> };
    }
    let district = |code: &str| {
        portal
            .reference
            .districts
            .iter()
            .find(|d| d.code.as_str() == code)
            .map_or_else(|| code.to_owned(), |d| d.name.get(portal.lang).to_owned())
    };
    html! {
        <div class="table-wrap">
            <table class="embed-sites">
                <caption>{ portal.t(Key::EmbedTitle) }</caption>
                <thead><tr>
                    <th scope="col">{ portal.t(Key::EmbedFieldName) }</th>
                    <th scope="col">{ portal.t(Key::EmbedFieldDistrict) }</th>
                    <th scope="col">{ portal.t(Key::EmbedFieldOrigins) }</th>
                    <th scope="col">{ portal.t(Key::EmbedFieldContact) }</th>
                    <th scope="col">{ portal.t(Key::EmbedFieldActive) }</th>
                    <th scope="col"><span class="visually-hidden">{ portal.t(Key::EmbedActions) }</span></th>
                </tr></thead>
                <tbody>
                    { for list.sites.iter().map(|s| {
                        let edit = { let (editing, s) = (editing.clone(), s.clone()); Callback::from(move |_| editing.set(Editing::Site(Box::new(s.clone())))) };
                        let pick = { let (selected, id) = (selected.clone(), s.id); Callback::from(move |_| selected.set(Some(id))) };
                        let (code, label) = if s.active { ("active", Key::EmbedActive) } else { ("inactive", Key::EmbedInactive) };
                        html! {
                            <tr data-id={s.id.to_string()}>
                                <th scope="row">{ s.name.clone() }</th>
                                <td>{ district(s.district.as_str()) }</td>
                                <td><ul class="plain">{ for s.origins.iter().map(|o| html! { <li><code>{ o.clone() }</code></li> }) }</ul></td>
                                <td>{ s.contact.clone() }</td>
                                <td>{ status_badge(code, portal.t(label)) }</td>
                                <td class="buttons">
                                    <button type="button" class="edit-site" onclick={edit}>{ portal.t(Key::EmbedEdit) }</button>
                                    <button type="button" class="pick-site" onclick={pick}>{ portal.t(Key::EmbedSnippetAndFigures) }</button>
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
