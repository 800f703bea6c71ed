//! The contract with the "My card" page's loader (`loader/linan-my-card.js`
//! on `/embed/my-card`): [`mount_my_card`] renders the cardholder's view into
//! the page. Exported by the `my-card` feature, the page's own bundle: none
//! of this code is in the widget that host pages load.

use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;
use yew::AppHandle;

use crate::attrs::WidgetConfig;
use crate::components::{MyCardApp, MyCardAppProps};
use crate::embed::config_from_js;

/// The mounted "My card" app, held by the page's loader.
#[cfg_attr(feature = "my-card", wasm_bindgen)]
pub struct MyCardHandle {
    app: AppHandle<MyCardApp>,
    /// Kept for [`MyCardHandle::request_event`].
    config: WidgetConfig,
}

/// Renders "My card" into `container`, configured like the widget
/// (`lang`, `theme`, `api`; the rest is ignored).
#[cfg_attr(feature = "my-card", wasm_bindgen)]
pub fn mount_my_card(container: HtmlElement, attrs: JsValue) -> MyCardHandle {
    let config = config_from_js(&attrs);
    let props = MyCardAppProps { config: config.clone(), event: None };
    MyCardHandle { app: yew::Renderer::<MyCardApp>::with_root_and_props(container.into(), props).render(), config }
}

#[cfg_attr(feature = "my-card", wasm_bindgen)]
impl MyCardHandle {
    /// The widget asks to register for event `id` (its `n`-th request,
    /// from the page's fragment `#event=ID&n=N`): the event shows, with its
    /// Register button, once the holder is signed in. Not whole positive
    /// numbers are ignored.
    pub fn request_event(&mut self, id: f64, n: f64) {
        if id.fract() != 0.0 || !(1.0..=9_007_199_254_740_991.0).contains(&id) {
            return;
        }
        // Checked above: whole and in range; `n` only tells requests apart.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let event = Some((id as i64, n as u32));
        self.app.update(MyCardAppProps { config: self.config.clone(), event });
    }

    /// The page was left: unmount and free the app.
    pub fn destroy(self) {
        self.app.destroy();
    }
}
