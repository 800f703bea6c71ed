//! The root of the detail's own bundle (feature `detail`): a root of the
//! widget's theme and language, the reference lists it names categories and
//! cards by, and [`DetailView`].

use yew::prelude::*;

use super::DetailView;
use crate::api::Prefetched;
use crate::attrs::WidgetConfig;
use crate::hooks::use_reference;

/// Props of [`DetailApp`].
#[derive(Properties, PartialEq)]
pub struct DetailAppProps {
    /// The widget's configuration.
    pub config: WidgetConfig,
    /// The benefit's id.
    pub id: i64,
    /// Its title, if the list showed it: it shows at once.
    #[prop_or_default]
    pub title: Option<String>,
    /// Close the detail.
    pub on_close: Callback<()>,
}

/// A benefit's detail, mounted by the widget's loader.
#[component]
pub fn DetailApp(props: &DetailAppProps) -> Html {
    // The widget read these lists already; asked again here they are
    // answered by the browser's cache or a 304 (the API sends ETags).
    let reference = use_reference(&props.config, &Prefetched::default());
    let config = &props.config;
    html! {
        <div class="lw-root" data-theme={config.theme.as_str()} lang={config.lang.tag()}>
            <DetailView id={props.id} title={props.title.clone()} config={config.clone()} {reference}
                on_close={props.on_close.clone()} />
        </div>
    }
}
