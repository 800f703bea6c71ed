//! Views a visitor opens on purpose, fetched when first opened: the
//! widget's bundle (feature `catalogue` alone) carries neither a benefit's
//! detail nor the events tab. The loader hands [`mount`](fn@crate::mount) a
//! function that fetches the bundle of both (features `detail` and
//! `events`, [`crate::detail_embed`], [`crate::events_embed`]) once per page
//! and mounts one of them; [`components::LazyDetail`](crate::components)
//! calls it.
//!
//! The loader mounts the detail *beside* the widget's root in the shadow
//! root, never inside it: two Yew apps from two wasm modules must not nest,
//! because each brands the elements it renders with its own subtree and
//! listener numbers, and an event inside the inner one would reach the outer
//! one's handlers under the same numbers.

use js_sys::Function;
use wasm_bindgen::{JsCast, JsValue};

/// The id that opens the events tab instead of a benefit (benefit ids start at 1).
pub const EVENTS: i64 = 0;

/// The loader's `openView(id, title, onClose) → close`: renders benefit
/// `id` as soon as the detail's bundle is there (`title`, if known, shows
/// at once), calls `onClose` when the visitor closes it, and returns the
/// function that removes it (also when called before the bundle arrived).
/// With `id` [`EVENTS`] it renders the events tab, and `onClose(eventId)`
/// means "register for this event" (in "My card"). Props compare it as always
/// equal: a mounted widget keeps the loader it was given.
#[derive(Debug, Clone, Default)]
pub struct LazyViews(Option<Function>);

impl LazyViews {
    /// Wraps the loader's function; anything else means none (the detail
    /// then cannot open in a bundle without it).
    pub fn from_js(value: JsValue) -> Self {
        Self(value.dyn_into::<Function>().ok())
    }

    /// Opens the detail of benefit `id` (or the events tab); returns what
    /// closes it again, if the loader gave a way to open it.
    pub fn open_detail(&self, id: i64, title: &str, on_close: &JsValue) -> Option<Function> {
        let open = self.0.as_ref()?;
        // Ids are well inside a JS number's exact range (the API writes them as numbers).
        #[allow(clippy::cast_precision_loss)]
        let id = JsValue::from_f64(id as f64);
        open.call3(&JsValue::NULL, &id, &JsValue::from_str(title), on_close).ok()?.dyn_into().ok()
    }
}

impl PartialEq for LazyViews {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}
