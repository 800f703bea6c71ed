//! `#/audit`: the audit log, newest first, with filters and "load more".

use yew::prelude::*;

use super::{AuditEvent, Choice, SelectInput, TextInput, pages_empty, pages_footer};
use crate::api::{admin, admin::AuditFilter};
use crate::context::use_portal;
use crate::hooks::use_pages;
use crate::i18n::Key;
use crate::wording;

/// The filter form; the results below it start over when it is applied.
#[component]
pub fn AuditPage() -> Html {
    let portal = use_portal();
    let editing = use_state(AuditFilter::default);
    let applied = use_state(AuditFilter::default);
    let onsubmit = {
        let (editing, applied) = (editing.clone(), applied.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            applied.set((*editing).clone());
        })
    };
    let field = |set: fn(&mut AuditFilter, String)| {
        let editing = editing.clone();
        Callback::from(move |value: String| {
            let mut filter = (*editing).clone();
            set(&mut filter, value);
            editing.set(filter);
        })
    };
    let entities = std::iter::once(("", Key::EntityAll))
        .chain(wording::AUDIT_ENTITIES)
        .map(|(code, key)| Choice::new(code, portal.t(key)))
        .collect::<Vec<_>>();
    html! {
        <>
            <h1>{ portal.t(Key::AuditTitle) }</h1>
            <form class="filters" {onsubmit} aria-label={portal.t(Key::AuditFilters)}>
                <TextInput id="audit-action" label={portal.fill(Key::FilterAction, &[("example", "offer.submit")])}
                    value={editing.action.clone()} on_input={field(|f, v| f.action = v)} />
                <SelectInput id="audit-entity" label={portal.t(Key::FilterEntity)} value={editing.entity.clone()}
                    choices={entities} on_change={field(|f, v| f.entity = v)} />
                <TextInput id="audit-entity-id" label={portal.t(Key::FilterEntityId)} inputmode="numeric"
                    value={editing.entity_id.clone()} on_input={field(|f, v| f.entity_id = v)} />
                <TextInput id="audit-actor" label={portal.t(Key::FilterActor)} inputmode="numeric"
                    value={editing.actor.clone()} on_input={field(|f, v| f.actor = v)} />
                <div class="buttons"><button type="submit" class="primary">{ portal.t(Key::ApplyFilter) }</button></div>
            </form>
            <AuditResults key={applied.query(None, 0)} filter={(*applied).clone()} />
        </>
    }
}

/// Props of [`AuditResults`].
#[derive(Properties, PartialEq)]
pub struct AuditResultsProps {
    /// The filter applied.
    pub filter: AuditFilter,
}

/// The list of events with a "load more" button while there are older ones.
#[component]
pub fn AuditResults(props: &AuditResultsProps) -> Html {
    let portal = use_portal();
    let api = portal.api.clone();
    let events = use_pages(props.filter.clone(), move |filter, cursor| {
        let api = api.clone();
        async move { admin::audit(&api, &filter, cursor.as_deref()).await.map(|page| (page.items, page.next_cursor)) }
    });
    html! {
        <section class="audit" aria-busy={events.state.loading.then_some("true")}>
            if pages_empty(&events) {
                <p class="empty">{ portal.t(Key::AuditEmpty) }</p>
            }
            <ol class="list">
                { for events.state.items.iter().map(|event| html! { <AuditEvent key={event.id} event={event.clone()} /> }) }
            </ol>
            { pages_footer(&portal, &events) }
        </section>
    }
}
