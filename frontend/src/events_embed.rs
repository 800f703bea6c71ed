//! The contract with the loader for the events tab, which comes in the
//! detail's bundle (features `detail` and `events`): the widget's loader
//! fetches it the first time a visitor opens the tab ([`crate::lazy_views`])
//! and calls [`mount_events`] with a container beside the widget's root.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use js_sys::Function;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_sys::{Element, HtmlElement};
use yew::platform::time::sleep;
use yew::{AppHandle, Callback};

use crate::components::{EventsApp, EventsAppProps};
use crate::embed::config_from_js;

/// The mounted events tab, held by the loader.
#[cfg_attr(feature = "events", wasm_bindgen)]
pub struct EventsHandle {
    app: AppHandle<EventsApp>,
}

/// Renders the events tab into `container`, configured by the element's
/// attributes (`attrs`, as for `mount`). "Register" for an event calls
/// `show_my_card` (the widget shows "My card") and names the event to the
/// "My card" frame ([`tell_frame`]).
#[cfg_attr(feature = "events", wasm_bindgen)]
pub fn mount_events(container: HtmlElement, attrs: JsValue, show_my_card: Function) -> EventsHandle {
    let slot = container.clone();
    let requests = Rc::new(Cell::new(0u32));
    let on_register = Callback::from(move |id: i64| {
        // The widget's closure cannot throw; nothing to report if it did.
        let _ = show_my_card.call0(&JsValue::NULL);
        requests.set(requests.get().wrapping_add(1));
        let (slot, n) = (slot.clone(), requests.get());
        spawn_local(async move {
            // The widget shows (and the first time creates) the frame when it
            // next renders: look for it for up to 2 seconds.
            for _ in 0..40 {
                sleep(Duration::from_millis(50)).await;
                if tell_frame(&slot, id, n) {
                    return;
                }
            }
        });
    });
    let props = EventsAppProps { config: config_from_js(&attrs), on_register };
    EventsHandle { app: yew::Renderer::<EventsApp>::with_root_and_props(container.into(), props).render() }
}

/// Names event `id` to the widget's "My card" frame (in the app's container,
/// the first child of the shadow root the slot is in) in the fragment of
/// its URL: `#event=ID&n=N`, `n` telling requests apart. A new fragment does
/// not reload the frame (the cardholder stays signed in) and reaches no
/// server; the frame's loader hears it (`hashchange`) and shows the event,
/// which the holder registers for there, on our origin. Focus goes to the
/// frame, where the keyboard continues (the button pressed is hidden now).
/// Whether the frame was there.
fn tell_frame(slot: &HtmlElement, id: i64, n: u32) -> bool {
    let frame = slot
        .parent_node()
        .and_then(|root| root.first_child())
        .and_then(|app| app.dyn_into::<Element>().ok())
        .and_then(|app| app.query_selector("iframe.lw-frame").ok().flatten());
    let Some(frame) = frame else { return false };
    let src = frame.get_attribute("src").unwrap_or_default();
    let page = src.split('#').next().unwrap_or_default();
    // The frame's own page, whatever it was given before; a failure leaves it as it is.
    let _ = frame.set_attribute("src", &format!("{page}#event={id}&n={n}"));
    if let Ok(frame) = frame.dyn_into::<HtmlElement>() {
        // Focus may fail in a hidden page; the frame is shown either way.
        let _ = frame.focus();
    }
    true
}

#[cfg_attr(feature = "events", wasm_bindgen)]
impl EventsHandle {
    /// The tab was taken away (or the widget's language changed): unmount.
    pub fn destroy(self) {
        self.app.destroy();
    }
}
