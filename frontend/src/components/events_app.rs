//! The root of the events tab in the detail's bundle (feature `events`),
//! mounted by the widget's loader beside the widget's root: a root of the
//! widget's theme and language, the reference lists, and [`EventsView`].

use yew::prelude::*;

use super::EventsView;
use crate::api::Prefetched;
use crate::attrs::WidgetConfig;
use crate::hooks::use_reference;

/// Props of [`EventsApp`].
#[derive(Properties, PartialEq)]
pub struct EventsAppProps {
    /// The widget's configuration.
    pub config: WidgetConfig,
    /// Register for an event: the widget opens "My card" with it.
    pub on_register: Callback<i64>,
}

/// The events tab, mounted by the widget's loader.
#[component]
pub fn EventsApp(props: &EventsAppProps) -> Html {
    // Answered by the browser's cache or a 304, as for the detail.
    let reference = use_reference(&props.config, &Prefetched::default());
    let config = &props.config;
    html! {
        <div class="lw-root" data-theme={config.theme.as_str()} lang={config.lang.tag()}>
            <EventsView config={config.clone()} {reference} on_register={props.on_register.clone()} />
        </div>
    }
}
