//! The contract with the loader for a benefit's detail, a bundle of its own
//! (feature `detail`): the widget's loader fetches it the first time a
//! visitor opens a benefit ([`crate::lazy_views`]) and calls
//! [`mount_detail`] with a container beside the widget's root, in the
//! element's shadow root (so the widget's stylesheet applies).

use js_sys::Function;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;
use yew::{AppHandle, Callback};

use crate::components::{DetailApp, DetailAppProps};
use crate::embed::config_from_js;

/// A mounted detail, held by the loader until the catalogue closes it.
#[cfg_attr(feature = "detail", wasm_bindgen)]
pub struct DetailHandle {
    app: AppHandle<DetailApp>,
}

/// Renders benefit `id` into `container`, configured by the element's
/// attributes (`attrs`, as for `mount`); `title` shows until the detail has
/// arrived (empty: unknown). `on_close` is called when the visitor closes it.
#[cfg_attr(feature = "detail", wasm_bindgen)]
pub fn mount_detail(
    container: HtmlElement,
    attrs: JsValue,
    id: f64,
    title: String,
    on_close: Function,
) -> DetailHandle {
    let on_close = Callback::from(move |()| {
        // The catalogue's closure cannot throw; nothing to report if it did.
        let _ = on_close.call0(&JsValue::NULL);
    });
    // Ids come from the API as JS numbers: whole and in range.
    #[allow(clippy::cast_possible_truncation)]
    let id = id as i64;
    let props =
        DetailAppProps { config: config_from_js(&attrs), id, title: (!title.is_empty()).then_some(title), on_close };
    DetailHandle { app: yew::Renderer::<DetailApp>::with_root_and_props(container.into(), props).render() }
}

#[cfg_attr(feature = "detail", wasm_bindgen)]
impl DetailHandle {
    /// The detail was closed: unmount and free it.
    pub fn destroy(self) {
        self.app.destroy();
    }
}
