//! The contract with the "My card" page's loader (`loader/linan-my-card.js`
//! on `/embed/my-card`): [`mount_my_card`] renders the cardholder's view into
//! the page. Exported by the `my-card` feature, the page's own bundle: none
//! of this code is in the widget that host pages load.

use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;
use yew::AppHandle;

use crate::components::{MyCardApp, MyCardAppProps};
use crate::embed::config_from_js;

/// The mounted "My card" app, held by the page's loader.
#[cfg_attr(feature = "my-card", wasm_bindgen)]
pub struct MyCardHandle {
    app: AppHandle<MyCardApp>,
}

/// Renders "My card" into `container`, configured like the widget
/// (`lang`, `theme`, `api`; the rest is ignored).
#[cfg_attr(feature = "my-card", wasm_bindgen)]
pub fn mount_my_card(container: HtmlElement, attrs: JsValue) -> MyCardHandle {
    let props = MyCardAppProps { config: config_from_js(&attrs) };
    MyCardHandle { app: yew::Renderer::<MyCardApp>::with_root_and_props(container.into(), props).render() }
}

#[cfg_attr(feature = "my-card", wasm_bindgen)]
impl MyCardHandle {
    /// The page was left: unmount and free the app.
    pub fn destroy(self) {
        self.app.destroy();
    }
}
