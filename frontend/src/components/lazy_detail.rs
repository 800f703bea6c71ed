//! A benefit's detail, or the events tab, in the widget's own bundle
//! (feature `catalogue` without `detail`): while it is mounted, the loader
//! shows it from the detail's bundle, fetched the first time one is opened,
//! beside the widget's root ([`crate::lazy_views`] says why beside). It
//! renders nothing itself.

use wasm_bindgen::JsValue;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

use crate::attrs::WidgetConfig;
use crate::lazy_views::LazyViews;

/// Props of [`LazyDetail`].
#[derive(Properties, PartialEq)]
pub struct LazyDetailProps {
    /// The benefit's id, or [`crate::lazy_views::EVENTS`].
    pub id: i64,
    /// Its title, if the list shows it.
    #[prop_or_default]
    pub title: Option<String>,
    /// The widget's configuration: a change (the language) renders the detail anew.
    pub config: WidgetConfig,
    /// How the loader opens the detail.
    pub views: LazyViews,
    /// Close the detail; for the events tab: "Register" was pressed.
    pub on_close: Callback<()>,
}

/// The detail, open while this is mounted.
#[component]
pub fn LazyDetail(props: &LazyDetailProps) -> Html {
    {
        let (views, on_close) = (props.views.clone(), props.on_close.clone());
        let title = props.title.clone().unwrap_or_default();
        use_effect_with((props.id, props.config.clone()), move |(id, _)| {
            let on_close = Closure::<dyn Fn()>::new(move || on_close.emit(()));
            let close = views.open_detail(*id, &title, on_close.as_ref());
            move || {
                if let Some(close) = close {
                    // Unmounting cannot fail in a way the widget could mend.
                    let _ = close.call0(&JsValue::NULL);
                }
                drop(on_close);
            }
        });
    }
    Html::default()
}
