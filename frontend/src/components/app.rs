//! The root: theme, language, the brand header, and the current view.
//!
//! "My card" is a frame of our own origin ([`super::my_card_frame`]): its
//! code is not in this bundle, and it is loaded when its tab is first opened.
//! The events tab comes with the detail's bundle, also when first opened
//! ([`crate::lazy_views`]); its "Register" shows "My card", and the loader
//! names the event to the frame.

use std::rc::Rc;

use yew::prelude::*;

use super::{CatalogueView, MyCardFrameProps, TabBarProps, header, my_card_frame, tab_bar};
use crate::WIDGET_CSS;
use crate::api::Prefetched;
use crate::attrs::WidgetConfig;
use crate::hooks::use_reference;
use crate::i18n::Key;
use crate::lazy_views::LazyViews;
use crate::state::Status;

/// A top-level view of the widget.
///
/// The tab bar appears when [`VIEWS`] has more than one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The public benefits catalogue.
    Catalogue,
    /// The alliance's events (`events="off"` hides it).
    Events,
    /// The cardholder's own view (a frame of our origin): sign in with a
    /// card, what it reaches, counter codes.
    MyCard,
}

impl View {
    /// The tab's label.
    pub fn label(self) -> Key {
        match self {
            View::Catalogue => Key::ViewCatalogue,
            View::Events => Key::ViewEvents,
            View::MyCard => Key::ViewMyCard,
        }
    }
}

/// The views offered, in tab order.
pub const VIEWS: &[View] = &[View::Catalogue, View::Events, View::MyCard];

/// What the root shows: the view, the catalogue's state for the root's
/// `data-state`, and whether "My card" and the events were opened (they
/// then stay, hidden while another view shows: the cardholder stays signed
/// in, the events list keeps its filters). One reducer for all (each hook
/// state type costs wasm size).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shell {
    /// The view shown.
    pub view: View,
    /// The catalogue's state.
    pub status: Status,
    /// "My card" has been opened.
    pub card_opened: bool,
    /// The events tab has been opened.
    pub events_opened: bool,
}

/// A change to the [`Shell`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShellAction {
    /// Switch to a view.
    Show(View),
    /// The view's state changed.
    Report(Status),
}

impl Reducible for Shell {
    type Action = ShellAction;

    fn reduce(self: Rc<Self>, action: ShellAction) -> Rc<Self> {
        Rc::new(match action {
            ShellAction::Show(view) => Shell {
                view,
                card_opened: self.card_opened || view == View::MyCard,
                events_opened: self.events_opened || view == View::Events,
                ..*self
            },
            ShellAction::Report(status) => Shell { status, ..*self },
        })
    }
}

/// The root's props: the parsed attributes, and the first answers the
/// loader already asked for.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The widget's configuration.
    pub config: WidgetConfig,
    /// The reference lists and the first page, if already requested.
    #[prop_or_default]
    pub prefetched: Prefetched,
    /// How the loader opens a benefit's detail.
    #[prop_or_default]
    pub views: LazyViews,
}

/// The widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let config = &props.config;
    let reference = use_reference(config, &props.prefetched);
    let shell = use_reducer_eq(|| Shell {
        view: View::Catalogue,
        status: Status::Loading,
        card_opened: false,
        events_opened: false,
    });
    let on_status = shell.dispatcher().to_callback().reform(ShellAction::Report);
    // `my-card="off"` and `events="off"` take their tabs away (also while one showed).
    let views: &'static [View] = match (config.events, config.my_card) {
        (true, true) => VIEWS,
        (true, false) => &[View::Catalogue, View::Events],
        (false, true) => &[View::Catalogue, View::MyCard],
        (false, false) => &[View::Catalogue],
    };
    let view = if views.contains(&shell.view) { shell.view } else { View::Catalogue };
    // The catalogue stays mounted (hidden) behind "My card", so coming back
    // finds the list, filters and scroll as they were.
    let catalogue = html! {
        // A new preset (the host changed `district`, `category` or the card)
        // starts the catalogue over from it: the key remounts it.
        <div key="catalogue" class="lw-view" hidden={view != View::Catalogue}>
            <CatalogueView key={preset_key(config)} config={config.clone()} reference={reference.clone()}
                prefetched={props.prefetched.clone()} views={props.views.clone()} {on_status} />
        </div>
    };
    let card = (config.my_card && shell.card_opened)
        .then(|| my_card_frame(&MyCardFrameProps { config: config.clone(), hidden: view != View::MyCard }));
    let events = (config.events && shell.events_opened).then(|| {
        let on_register = shell.dispatcher().to_callback().reform(|()| ShellAction::Show(View::MyCard));
        events(config, &reference, &props.views, view != View::Events, on_register)
    });
    html! {
        <>
            <style>{ WIDGET_CSS }</style>
            <div class="lw-root" data-theme={config.theme.as_str()} data-state={shell.status.as_str()} lang={config.lang.tag()}
                data-view={(view == View::Events).then_some("events")}>
                { header() }
                if views.len() > 1 {
                    { tab_bar(&TabBarProps {
                        views,
                        current: view,
                        lang: config.lang,
                        on_select: shell.dispatcher().to_callback().reform(ShellAction::Show),
                    }) }
                }
                // Keyed, so that the frame's arrival does not re-create the catalogue.
                <>{ catalogue }{ events }{ card }</>
            </div>
        </>
    }
}

/// The events tab: in this bundle when it has the events (tests), else
/// fetched with the detail's bundle and mounted beside the root, shown
/// while `hidden` is false (a rule of `events.css`, which comes with it).
/// `on_register` shows "My card"; the loader, which hears the event's id
/// too, names it to the frame (loader/linan-benefits.js).
fn events(
    config: &WidgetConfig,
    reference: &crate::hooks::Reference,
    views: &LazyViews,
    hidden: bool,
    on_register: Callback<()>,
) -> Html {
    #[cfg(feature = "events")]
    let view = {
        let _ = views;
        let on_register = on_register.reform(|_: i64| ());
        html! {
            <div key="events" class="lw-view" {hidden}>
                <super::EventsView config={config.clone()} reference={reference.clone()} {on_register} />
            </div>
        }
    };
    #[cfg(not(feature = "events"))]
    let view = {
        let _ = reference;
        // Shown by `events.css` while the root says `data-view="events"`.
        let _ = hidden;
        html! {
            <super::LazyDetail key="events" id={crate::lazy_views::EVENTS} config={config.clone()} views={views.clone()} on_close={on_register} />
        }
    };
    view
}

fn preset_key(config: &WidgetConfig) -> String {
    let card = config.card.as_ref();
    let mut key = String::new();
    for part in [
        config.district.as_ref().map(|d| d.as_str()),
        config.category.as_ref().map(|c| c.as_str()),
        card.map(|c| c.scheme.as_str()),
        card.map(|c| c.tier.as_str()),
    ] {
        key.push_str(part.unwrap_or(""));
        key.push('|');
    }
    key
}
