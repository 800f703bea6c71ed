//! The events tab: type chips, district, search, the upcoming events by
//! date with "load more", and the detail of the event opened
//! ([`super::EventDetailView`]). State in [`crate::events_state`].

use std::cell::RefCell;
use std::rc::Rc;

use linan_shared::{EventType, Lang, MAX_QUERY_CHARS, fill};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{
    DistrictSelectProps, ErrorBoxProps, EventDetailView, EventItemProps, LoadMoreProps, LoadingProps, aria_bool,
    district_select, error_box, event_item, load_more, loading,
};
use crate::api;
use crate::attrs::WidgetConfig;
use crate::dom::focus_within;
use crate::event_query::events_url;
use crate::event_wording::type_key;
use crate::events_state::{EventAction, EventList};
use crate::hooks::{Reference, use_search};
use crate::i18n::{EventKey, Key, t};
use crate::state::{Phase, Status};
use crate::{DETAIL_CSS, EVENTS_CSS};

/// Props of [`EventsView`].
#[derive(Properties, PartialEq)]
pub struct EventsViewProps {
    /// The widget's configuration (`district` is the list's first filter).
    pub config: WidgetConfig,
    /// Districts, schemes and the recognition table.
    pub reference: Reference,
    /// Register for an event: "My card" opens with it.
    pub on_register: Callback<i64>,
}

/// The view.
#[component]
pub fn EventsView(props: &EventsViewProps) -> Html {
    let EventsViewProps { config, reference, on_register } = props;
    let lang = config.lang;
    let list = use_reducer_eq(|| EventList::new(config));
    let ids = use_mut_ref(|| 0u32);
    let main = use_node_ref();
    let focus_back = use_mut_ref(|| None::<i64>);
    {
        let (dispatch, ids) = (list.dispatcher(), ids.clone());
        let url = events_url(config, &list.filters, None);
        use_effect_with((url, list.attempt), move |(url, _)| fetch(url.clone(), &ids, dispatch, false));
    }
    {
        let (main, focus_back) = (main.clone(), focus_back.clone());
        use_effect_with(list.open, move |open| {
            if open.is_none()
                && let Some(id) = focus_back.borrow_mut().take()
            {
                focus_within(&main, &format!(".lw-item[data-id=\"{id}\"] .lw-open"));
            }
        });
    }
    let dispatch = list.dispatcher().to_callback();
    let on_search = use_callback(dispatch.clone(), |q, dispatch| dispatch.emit(EventAction::Search(q)));
    let search = use_search(on_search);
    let search_input = use_node_ref();
    let on_open = {
        let (dispatch, focus_back) = (dispatch.clone(), focus_back.clone());
        Callback::from(move |id: i64| {
            *focus_back.borrow_mut() = Some(id);
            dispatch.emit(EventAction::Open(id));
        })
    };
    let on_more = {
        let (list, ids) = (list.clone(), ids.clone());
        let config = config.clone();
        Callback::from(move |()| {
            if let Some(cursor) = list.next_cursor.as_deref().filter(|_| list.can_load_more()) {
                fetch(events_url(&config, &list.filters, Some(cursor)), &ids, list.dispatcher(), true);
            }
        })
    };
    let retry = {
        let (phase, on_more, dispatch) = (list.phase.clone(), on_more.clone(), dispatch.clone());
        Callback::from(move |()| match phase {
            Phase::MoreFailed(_) => on_more.emit(()),
            _ => dispatch.emit(EventAction::Retry),
        })
    };
    let error = |e: &api::ClientError| error_box(&ErrorBoxProps { lang, error: e.clone(), on_retry: retry.clone() });
    let body = match &list.phase {
        Phase::Loading => loading(&LoadingProps { lang, announce: false }),
        Phase::Failed(e) => error(e),
        _ if list.items.is_empty() => html! { <p class="lw-empty">{ t(lang, EventKey::Empty) }</p> },
        phase => html! {
            <>
                <ul class="lw-list lw-events-list" role="list" aria-label={t(lang, EventKey::ListLabel)}>
                    { for list.items.iter().map(|event| event_item(&EventItemProps { lang, event: event.clone(), on_open: on_open.clone() })) }
                </ul>
                if let Phase::MoreFailed(e) = phase {
                    { error(e) }
                } else if list.next_cursor.is_some() {
                    { load_more(&LoadMoreProps { lang, loading: *phase == Phase::LoadingMore, on_click: on_more }) }
                }
            </>
        },
    };
    let detail = list.open.map(|id| {
        let title = list.items.iter().find(|e| e.id == id).map(|e| e.title.clone()).unwrap_or_default();
        html! {
            <EventDetailView key={id} {id} title={title} config={config.clone()} reference={reference.clone()}
                on_close={dispatch.reform(|()| EventAction::Close)} on_register={on_register.clone()} />
        }
    });
    html! {
        <>
            <style>{ DETAIL_CSS }{ EVENTS_CSS }</style>
            <div class="lw-events" data-state={list.status().as_str()}>
                <div class="lw-main" ref={main} hidden={list.open.is_some()}>
                    <div class="lw-filters">
                        { search_box(lang, &search_input, search.on_input, search.on_commit) }
                        { type_chips(lang, list.filters.event_type, dispatch.reform(EventAction::Type)) }
                        <div class="lw-filter-row">
                            { district_select(&DistrictSelectProps {
                                lang,
                                districts: reference.districts.clone(),
                                selected: list.filters.district.clone(),
                                on_select: dispatch.reform(EventAction::District),
                            }) }
                        </div>
                    </div>
                    <p class="lw-count" aria-live="polite">{ count(lang, &list) }</p>
                    { body }
                </div>
                { detail }
            </div>
        </>
    }
}

/// Starts a page's request (the first, or the next with `more`).
fn fetch(url: String, ids: &Rc<RefCell<u32>>, dispatch: UseReducerDispatcher<EventList>, more: bool) {
    let request = {
        let mut id = ids.borrow_mut();
        *id = id.wrapping_add(1);
        *id
    };
    dispatch.dispatch(if more { EventAction::LoadMore(request) } else { EventAction::Reload(request) });
    spawn_local(async move {
        dispatch.dispatch(match api::events(&url).await {
            Ok(page) => EventAction::Loaded(request, page),
            Err(error) => EventAction::Failed(request, error),
        });
    });
}

/// The live region's text.
fn count(lang: Lang, list: &EventList) -> String {
    let n = list.items.len();
    match (list.status(), n, list.next_cursor.is_some()) {
        (Status::Loading, ..) => t(lang, Key::Loading).to_owned(),
        (Status::Error, ..) => String::new(),
        (_, 1, false) => t(lang, EventKey::CountOne).to_owned(),
        (_, _, more) => {
            fill(t(lang, if more { EventKey::CountMore } else { EventKey::CountAll }), &[("n", &n.to_string())])
        }
    }
}

/// "All" and one `aria-pressed` chip per type; exactly one is pressed.
fn type_chips(lang: Lang, selected: Option<EventType>, on_select: Callback<Option<EventType>>) -> Html {
    let chip = |value: Option<EventType>, label: &'static str| {
        let on_select = on_select.clone();
        html! {
            <button type="button" class="lw-chip" aria-pressed={aria_bool(selected == value)}
                data-code={value.map_or("", EventType::as_str)} onclick={move |_| on_select.emit(value)}>
                { label }
            </button>
        }
    };
    html! {
        <div class="lw-chips" role="group" aria-label={t(lang, EventKey::TypesLabel)}>
            { chip(None, t(lang, EventKey::AllTypes)) }
            { for EventType::ALL.iter().map(|&ty| chip(Some(ty), t(lang, type_key(ty)))) }
        </div>
    }
}

/// The search field: typing searches once it pauses, Enter at once; the
/// widget's page is never navigated.
fn search_box(lang: Lang, input: &NodeRef, on_input: Callback<String>, on_commit: Callback<String>) -> Html {
    let oninput = Callback::from(move |e: InputEvent| {
        // Inside an IME composition the text is not a word yet.
        if !e.is_composing() {
            on_input.emit(e.target_unchecked_into::<HtmlInputElement>().value());
        }
    });
    let onsubmit = {
        let input = input.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(input) = input.cast::<HtmlInputElement>() {
                on_commit.emit(input.value());
            }
        })
    };
    html! {
        <form class="lw-search-form" role="search" {onsubmit}>
            <input ref={input.clone()} type="search" class="lw-search lw-event-search" aria-label={t(lang, EventKey::SearchEvents)}
                placeholder={t(lang, EventKey::SearchEventsPlaceholder)} maxlength={MAX_QUERY_CHARS.to_string()}
                autocomplete="off" spellcheck="false" enterkeyhint="search" {oninput} />
        </form>
    }
}
