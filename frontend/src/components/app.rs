//! The root: theme, language, the brand header, and the current view.

use std::rc::Rc;

use yew::prelude::*;

use linan_shared::CardSessionDto;

use super::{CatalogueView, MyCardView, TabBarProps, header, tab_bar};
use crate::WIDGET_CSS;
use crate::attrs::WidgetConfig;
use crate::hooks::use_reference;
use crate::i18n::Key;
use crate::state::Status;

/// A top-level view of the widget.
///
/// The tab bar appears when [`VIEWS`] has more than one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The public benefits catalogue.
    Catalogue,
    /// The cardholder's own view: sign in with a card, what it reaches, counter codes.
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

/// What the root shows: the view, and the state that view reports for the
/// root's `data-state`. One reducer for both (each hook state type costs
/// wasm size).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shell {
    /// The view shown.
    pub view: View,
    /// Its state.
    pub status: Status,
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
            ShellAction::Show(view) => Shell { view, status: Status::Loading },
            ShellAction::Report(status) => Shell { status, ..*self },
        })
    }
}

/// The root's props: the parsed attributes.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The widget's configuration.
    pub config: WidgetConfig,
}

/// The widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let config = &props.config;
    let reference = use_reference(config);
    let shell = use_reducer_eq(|| Shell { view: View::Catalogue, status: Status::Loading });
    // The cardholder's session lives here, in this page's memory only: it
    // survives switching views and attribute changes, never a reload.
    let session = use_state_eq(|| None::<Rc<CardSessionDto>>);
    let on_status = shell.dispatcher().to_callback().reform(ShellAction::Report);
    // `my-card="off"` offers the catalogue alone (also when switched off while "My card" showed).
    let views: &'static [View] = if config.my_card { VIEWS } else { &[View::Catalogue] };
    let view = if views.contains(&shell.view) { shell.view } else { View::Catalogue };
    let content = match view {
        View::Catalogue => html! {
            // A new preset (the host changed `district`, `category` or the card)
            // starts the catalogue over from it: the key remounts it.
            <CatalogueView key={preset_key(config)} config={config.clone()} {reference} {on_status} />
        },
        View::MyCard => {
            let on_session = {
                let session = session.setter();
                Callback::from(move |s| session.set(s))
            };
            html! {
                <MyCardView config={config.clone()} {reference} session={(*session).clone()} {on_session} {on_status} />
            }
        }
    };
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
                { content }
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
