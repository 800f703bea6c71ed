//! The contract with the loader (`<linan-benefits>`): [`mount`] a widget into
//! a container of its shadow root, [`WidgetHandle::update`] it when an
//! attribute changes, [`WidgetHandle::destroy`] it when the element leaves
//! the page. Each handle owns its own Yew app: widgets on one page share no
//! state. Exported by the `catalogue` feature (the widget's bundle); the
//! "My card" page has its own entry point, [`crate::card_embed`].

use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;
use yew::AppHandle;

use crate::api::Prefetched;
use crate::attrs::{RawAttrs, WidgetConfig};
use crate::components::{App, AppProps};
use crate::lazy_views::LazyViews;

/// A mounted widget, held by the custom element.
#[cfg_attr(feature = "catalogue", wasm_bindgen)]
pub struct WidgetHandle {
    app: AppHandle<App>,
    /// Kept for the updates, which bring attributes only.
    views: LazyViews,
}

/// Renders a widget into `container` (a `<div>` inside the element's shadow
/// root), configured by `attrs`: a plain object with string-or-undefined
/// `district`, `category`, `scheme`, `tier`, `lang`, `theme`, `api`, `limit`,
/// `my-card`, `events`.
/// Invalid values fall back to the defaults. `prefetched` is the loader's
/// `Map` of URL → `Promise<Response>` for the first requests (anything else,
/// e.g. `undefined`: none). `open_detail` is the loader's function that
/// fetches a benefit's detail or the events tab, a bundle of their own, and
/// mounts it ([`LazyViews`]; unused when this bundle has them).
#[cfg_attr(feature = "catalogue", wasm_bindgen)]
pub fn mount(container: HtmlElement, attrs: JsValue, prefetched: JsValue, open_detail: JsValue) -> WidgetHandle {
    let views = LazyViews::from_js(open_detail);
    let props =
        AppProps { config: config_from_js(&attrs), prefetched: Prefetched::from_js(prefetched), views: views.clone() };
    WidgetHandle { app: yew::Renderer::<App>::with_root_and_props(container.into(), props).render(), views }
}

#[cfg_attr(feature = "catalogue", wasm_bindgen)]
impl WidgetHandle {
    /// An attribute changed: re-render with the new configuration.
    pub fn update(&mut self, attrs: JsValue) {
        let views = self.views.clone();
        self.app.update(AppProps { config: config_from_js(&attrs), prefetched: Prefetched::default(), views });
    }

    /// The element was removed: unmount and free the app.
    pub fn destroy(self) {
        self.app.destroy();
    }
}

/// Reads the attributes object; anything that is not a string counts as absent.
pub(crate) fn config_from_js(attrs: &JsValue) -> WidgetConfig {
    let get = |name: &str| -> Option<String> {
        if !attrs.is_object() {
            return None;
        }
        Reflect::get(attrs, &JsValue::from_str(name)).ok().and_then(|v| v.as_string())
    };
    WidgetConfig::from_raw(&RawAttrs {
        district: get("district"),
        category: get("category"),
        scheme: get("scheme"),
        tier: get("tier"),
        lang: get("lang"),
        theme: get("theme"),
        api: get("api"),
        limit: get("limit"),
        my_card: get("my-card"),
        events: get("events"),
    })
}
