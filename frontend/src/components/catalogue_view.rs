//! The catalogue view: filters, the live count, the list with paging, and
//! the detail of the benefit opened. Also where focus is managed.

use yew::prelude::*;

use super::{
    BenefitListProps, CardNoteProps, EmptyStateProps, ErrorBoxProps, FilterBarProps, LoadMoreProps, LoadingProps,
    ResultCountProps, benefit_list, card_note, empty_state, error_box, filter_bar, load_more, loading, result_count,
};
use crate::api::Prefetched;
use crate::attrs::WidgetConfig;
use crate::dom::focus_within;
use crate::hooks::{Reference, use_catalogue, use_geolocation, use_search};
use crate::lazy_views::LazyViews;
use crate::query::{FilterAction, Filters};
use crate::state::{Phase, Status};

/// Props of [`CatalogueView`].
#[derive(Properties, PartialEq)]
pub struct CatalogueViewProps {
    /// The widget's configuration.
    pub config: WidgetConfig,
    /// Districts, categories, schemes.
    pub reference: Reference,
    /// The first page, if the loader already asked for it.
    #[prop_or_default]
    pub prefetched: Prefetched,
    /// How the loader opens a benefit's detail (a bundle without it).
    #[prop_or_default]
    pub views: LazyViews,
    /// Reports the root's `data-state` whenever it changes.
    pub on_status: Callback<Status>,
}

/// Where focus goes after the next render that allows it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum FocusTarget {
    /// Back to an item's button when its detail closes.
    Item(i64),
    /// To the first item of a page just loaded ("load more").
    Nth(usize),
}

/// Where focus should go now, given the pending target; clears the target
/// once it is reached. "Load more" keeps focus on the button while loading,
/// on the retry button if it failed, and lands on the first new item (or
/// the last item, if the page was empty) — never on the page's `<body>`.
/// (Selectors are joined with `+`, not `format!`: 31 B less gzip in the
/// widget's bundle, which has a byte budget.)
fn focus_selector(target: &mut Option<FocusTarget>, len: usize, phase: &Phase) -> Option<String> {
    match (*target, phase) {
        (Some(FocusTarget::Item(id)), _) => {
            *target = None;
            Some(String::from(".lw-item[data-id=\"") + &id.to_string() + "\"] .lw-open")
        }
        (Some(FocusTarget::Nth(_)), Phase::LoadingMore) => Some(".lw-more".to_owned()),
        (Some(FocusTarget::Nth(_)), Phase::MoreFailed(_)) => Some(".lw-retry".to_owned()),
        (Some(FocusTarget::Nth(n)), Phase::Ready) => {
            *target = None;
            Some(if len > n {
                String::from(".lw-item:nth-child(") + &(n + 1).to_string() + ") .lw-open"
            } else {
                ".lw-item:last-child .lw-open".to_owned()
            })
        }
        // A reload replaced the list: nothing to come back to.
        (Some(FocusTarget::Nth(_)), Phase::Loading | Phase::Failed(_)) => {
            *target = None;
            None
        }
        (None, _) => None,
    }
}

/// The list view.
#[component]
pub fn CatalogueView(props: &CatalogueViewProps) -> Html {
    let CatalogueViewProps { config, reference, prefetched, views, on_status } = props;
    let lang = config.lang;
    let chosen = use_reducer_eq(|| Filters::from_config(config));
    let on_filter = {
        let dispatch = chosen.dispatcher();
        use_callback((), move |action: FilterAction, _| dispatch.dispatch(action))
    };
    let on_search = use_callback(on_filter.clone(), |q, on_filter| on_filter.emit(FilterAction::Search(q)));
    let search = use_search(on_search);
    let (geo, toggle_geo) = use_geolocation();
    let filters = Filters { near: geo.point(), ..(*chosen).clone() };
    let catalogue = use_catalogue(config, prefetched, &filters);
    let state = &*catalogue.state;
    let main = use_node_ref();
    let focus_next = use_mut_ref(|| None::<FocusTarget>);

    {
        let on_status = on_status.clone();
        use_effect_with(state.status(), move |status| on_status.emit(*status));
    }
    {
        let (main, focus_next) = (main.clone(), focus_next.clone());
        use_effect_with((state.open, state.items.len(), state.phase.clone()), move |(open, len, phase)| {
            // While a detail is open the list is hidden; keep the target for later.
            if open.is_none()
                && let Some(selector) = focus_selector(&mut focus_next.borrow_mut(), *len, phase)
            {
                focus_within(&main, &selector);
            }
        });
    }

    let on_open = {
        let (open, focus_next) = (catalogue.open.clone(), focus_next.clone());
        Callback::from(move |id: i64| {
            *focus_next.borrow_mut() = Some(FocusTarget::Item(id));
            open.emit(id);
        })
    };
    let on_close = catalogue.close.clone();
    let on_more = {
        let (load_more, focus_next, shown) = (catalogue.load_more.clone(), focus_next.clone(), state.items.len());
        Callback::from(move |()| {
            *focus_next.borrow_mut() = Some(FocusTarget::Nth(shown));
            load_more.emit(());
        })
    };

    let error = |error: &crate::api::ClientError| {
        error_box(&ErrorBoxProps { lang, error: error.clone(), on_retry: catalogue.retry.clone() })
    };
    let body = match &state.phase {
        Phase::Loading => loading(&LoadingProps { lang, announce: false }),
        Phase::Failed(e) => error(e),
        _ if state.items.is_empty() => empty_state(&EmptyStateProps { lang }),
        phase => html! {
            <>
                { benefit_list(&BenefitListProps {
                    lang,
                    items: state.items.clone(),
                    categories: reference.categories.clone(),
                    on_open,
                }) }
                if let Phase::MoreFailed(e) = phase {
                    { error(e) }
                } else if state.next_cursor.is_some() {
                    { load_more(&LoadMoreProps { lang, loading: *phase == Phase::LoadingMore, on_click: on_more }) }
                }
            </>
        },
    };
    let detail = state.open.map(|id| {
        let title = state.items.iter().find(|b| b.id == id).map(|b| b.title.clone());
        detail(id, title, config, reference, views, on_close)
    });

    html! {
        <>
            // Hidden, not removed, while a detail is open: the item's button
            // must still be there to take focus back when the detail closes.
            <div class="lw-main" ref={main} hidden={state.open.is_some()}>
                { filter_bar(&FilterBarProps {
                    lang,
                    reference: reference.clone(),
                    category: filters.category.clone(),
                    district: filters.district.clone(),
                    geo,
                    on_search_input: search.on_input,
                    on_search_commit: search.on_commit,
                    on_category: on_filter.reform(FilterAction::Category),
                    on_district: on_filter.reform(FilterAction::District),
                    on_near: toggle_geo,
                }) }
                if let Some(card) = &config.card {
                    { card_note(&CardNoteProps { lang, card: card.clone(), schemes: reference.schemes.clone() }) }
                }
                { result_count(&ResultCountProps {
                    lang,
                    status: state.status(),
                    shown: state.items.len(),
                    has_more: state.next_cursor.is_some(),
                }) }
                { body }
            </div>
            { detail }
        </>
    }
}

/// The detail of benefit `id`: in this bundle when it has the detail view
/// (tests, or one bundle with both features), else fetched by the loader.
fn detail(
    id: i64,
    title: Option<String>,
    config: &WidgetConfig,
    reference: &Reference,
    views: &LazyViews,
    on_close: Callback<()>,
) -> Html {
    let config = config.clone();
    #[cfg(feature = "detail")]
    let view = {
        let _ = views;
        html! { <super::DetailView key={id} {id} {title} {config} reference={reference.clone()} {on_close} /> }
    };
    #[cfg(not(feature = "detail"))]
    let view = {
        let _ = reference;
        html! { <super::LazyDetail key={id} {id} {title} {config} views={views.clone()} {on_close} /> }
    };
    view
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ClientError;

    #[test]
    fn load_more_keeps_focus_in_the_paging_area_until_the_new_items_arrive() {
        let mut target = Some(FocusTarget::Nth(20));
        assert_eq!(focus_selector(&mut target, 20, &Phase::LoadingMore).as_deref(), Some(".lw-more"));
        let failed = Phase::MoreFailed(ClientError::Network);
        assert_eq!(focus_selector(&mut target, 20, &failed).as_deref(), Some(".lw-retry"));
        assert_eq!(focus_selector(&mut target, 25, &Phase::Ready).as_deref(), Some(".lw-item:nth-child(21) .lw-open"));
        assert_eq!(target, None);
        let mut empty_page = Some(FocusTarget::Nth(20));
        assert_eq!(focus_selector(&mut empty_page, 20, &Phase::Ready).as_deref(), Some(".lw-item:last-child .lw-open"));
    }

    #[test]
    fn closing_a_detail_returns_to_its_item_and_a_reload_drops_the_target() {
        let mut target = Some(FocusTarget::Item(7));
        assert_eq!(focus_selector(&mut target, 3, &Phase::Ready).as_deref(), Some(".lw-item[data-id=\"7\"] .lw-open"));
        let mut stale = Some(FocusTarget::Nth(20));
        assert_eq!(focus_selector(&mut stale, 0, &Phase::Loading), None);
        assert_eq!(stale, None);
    }
}
