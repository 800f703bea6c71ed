//! `#/audit`: the audit log, newest first, with filters and "load more".

use std::rc::Rc;

use linan_shared::{AuditEventDto, AuditPage as Page};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{AuditEvent, Choice, ErrorBox, SelectInput, TextInput, loading};
use crate::api::{ClientError, admin, admin::AuditFilter};
use crate::context::use_portal;
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

/// The events loaded so far, and where the next page starts.
#[derive(Default, PartialEq)]
struct Results {
    items: Vec<Rc<AuditEventDto>>,
    next: Option<String>,
    loading: bool,
    error: Option<ClientError>,
}

enum Step {
    Start,
    Page(Page),
    Failed(ClientError),
}

impl Reducible for Results {
    type Action = Step;

    fn reduce(self: Rc<Self>, step: Step) -> Rc<Self> {
        let mut next = Results { items: self.items.clone(), next: self.next.clone(), loading: false, error: None };
        match step {
            Step::Start => next.loading = true,
            Step::Page(page) => {
                next.items.extend(page.items.into_iter().map(Rc::new));
                next.next = page.next_cursor;
            }
            Step::Failed(error) => next.error = Some(error),
        }
        Rc::new(next)
    }
}

/// The list of events with a "load more" button while there are older ones.
#[component]
pub fn AuditResults(props: &AuditResultsProps) -> Html {
    let portal = use_portal();
    let results = use_reducer(Results::default);
    let fetch = {
        let (api, filter, results) = (portal.api.clone(), props.filter.clone(), results.dispatcher());
        Callback::from(move |cursor: Option<String>| {
            let (api, filter, results) = (api.clone(), filter.clone(), results.clone());
            results.dispatch(Step::Start);
            spawn_local(async move {
                match admin::audit(&api, &filter, cursor.as_deref()).await {
                    Ok(page) => results.dispatch(Step::Page(page)),
                    Err(e) => results.dispatch(Step::Failed(e)),
                }
            });
        })
    };
    {
        let fetch = fetch.clone();
        use_effect_with((), move |_| fetch.emit(None));
    }
    let more = results.next.clone();
    html! {
        <section class="audit" aria-busy={results.loading.then_some("true")}>
            if results.items.is_empty() && !results.loading && results.error.is_none() {
                <p class="empty">{ portal.t(Key::AuditEmpty) }</p>
            }
            <ol class="list">
                { for results.items.iter().map(|event| html! { <AuditEvent key={event.id} event={event.clone()} /> }) }
            </ol>
            if results.loading {
                { loading(&portal) }
            }
            if let Some(error) = &results.error {
                <ErrorBox error={error.clone()} on_retry={fetch.reform(move |()| more.clone())} />
            } else if let (Some(cursor), false) = (&results.next, results.loading) {
                <div class="buttons">
                    <button type="button" onclick={fetch.reform({ let c = cursor.clone(); move |_: MouseEvent| Some(c.clone()) })}>
                        { portal.t(Key::LoadMore) }
                    </button>
                </div>
            }
        </section>
    }
}
