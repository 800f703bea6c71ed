//! The root: theme, language, the brand header, and the current view.
//!
//! "My card" is a frame of our own origin ([`super::my_card_frame`]): its
//! code is not in this bundle, and it is loaded when its tab is first opened.

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
    /// The cardholder's own view (a frame of our origin): sign in with a
    /// card, what it reaches, counter codes.
    MyCard,
}

impl View {
    /// The tab's label.
    pub fn label(self) -> Key {
        match self {
            View::Catalogue => Key::ViewCatalogue,
            View::MyCard => Key::ViewMyCard,
        }
    }
}

/// The views offered, in tab order.
pub const VIEWS: &[View] = &[View::Catalogue, View::MyCard];

/// What the root shows: the view, the catalogue's state for the root's
/// `data-state`, and whether "My card" was opened (its frame then stays,
/// hidden while another view shows, so the cardholder stays signed in).
/// One reducer for all three (each hook state type costs wasm size).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shell {
    /// The view shown.
    pub view: View,
    /// The catalogue's state.
    pub status: Status,
    /// "My card" has been opened.
    pub card_opened: bool,
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
            ShellAction::Show(view) => Shell { view, card_opened: self.card_opened || view == View::MyCard, ..*self },
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
    let shell = use_reducer_eq(|| Shell { view: View::Catalogue, status: Status::Loading, card_opened: false });
    let on_status = shell.dispatcher().to_callback().reform(ShellAction::Report);
    // `my-card="off"` offers the catalogue alone (also when switched off while "My card" showed).
    let views: &'static [View] = if config.my_card { VIEWS } else { &[View::Catalogue] };
    let view = if views.contains(&shell.view) { shell.view } else { View::Catalogue };
    // The catalogue stays mounted (hidden) behind "My card", so coming back
    // finds the list, filters and scroll as they were.
    let catalogue = html! {
        // A new preset (the host changed `district`, `category` or the card)
        // starts the catalogue over from it: the key remounts it.
        <div key="catalogue" class="lw-view" hidden={view != View::Catalogue}>
            <CatalogueView key={preset_key(config)} config={config.clone()} {reference}
                prefetched={props.prefetched.clone()} views={props.views.clone()} {on_status} />
        </div>
    };
    let card = (config.my_card && shell.card_opened)
        .then(|| my_card_frame(&MyCardFrameProps { config: config.clone(), hidden: view != View::MyCard }));
    html! {
        <>
            <style>{ WIDGET_CSS }</style>
            <div class="lw-root" data-theme={config.theme.as_str()} data-state={shell.status.as_str()} lang={config.lang.tag()}>
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
                <>{ catalogue }{ card }</>
            </div>
        </>
    }
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
