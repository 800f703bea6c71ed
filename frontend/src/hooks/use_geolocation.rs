//! "Near me": the visitor's position, asked for only when they press the
//! button (browsers show a permission prompt; asking on load would be rude
//! and is refused by many hosts' permission policies).

use linan_shared::GeoPoint;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::PositionOptions;
use yew::prelude::*;

/// Rounds a coordinate to 3 decimals (about 100 m): enough to sort by
/// distance, less precise than the visitor's position in the API's logs,
/// and the same URL for neighbours (the API caches answers).
pub fn round_position(degrees: f64) -> f64 {
    // `+ 0.0` turns -0.0 into 0.0, which is written "0" rather than "-0".
    (degrees * 1000.0).round() / 1000.0 + 0.0
}

/// Where "near me" is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum GeoState {
    /// Not asked for (or switched off again).
    Off,
    /// Waiting for the browser.
    Locating,
    /// Sorting by distance from this point.
    On(GeoPoint),
    /// The visitor (or the host page's policy) refused.
    Denied,
    /// No position: no geolocation API, a timeout, no signal.
    Unavailable,
}

impl GeoState {
    /// The point to sort by, when on.
    pub fn point(self) -> Option<GeoPoint> {
        match self {
            GeoState::On(p) => Some(p),
            _ => None,
        }
    }
}

/// The "near me" state and its toggle: on asks the browser, on again switches off.
#[hook]
pub fn use_geolocation() -> (GeoState, Callback<()>) {
    let state = use_state_eq(|| GeoState::Off);
    let toggle = {
        let state = state.clone();
        Callback::from(move |()| match *state {
            GeoState::Locating => {}
            GeoState::On(_) => state.set(GeoState::Off),
            GeoState::Off | GeoState::Denied | GeoState::Unavailable => {
                state.set(GeoState::Locating);
                let set = state.setter();
                locate(Callback::from(move |found: GeoState| set.set(found)));
            }
        })
    };
    (*state, toggle)
}

/// Asks the browser once; `done` gets `On`, `Denied` or `Unavailable`.
fn locate(done: Callback<GeoState>) {
    let Some(geo) = web_sys::window().and_then(|w| w.navigator().geolocation().ok()) else {
        done.emit(GeoState::Unavailable);
        return;
    };
    let on_found = done.clone();
    let found = Closure::once_into_js(move |position: JsValue| {
        // Read by name: web-sys's `GeolocationPosition` binding is still behind its unstable flag.
        let coords = field(&position, "coords");
        let point = match (field(&coords, "latitude").as_f64(), field(&coords, "longitude").as_f64()) {
            (Some(lat), Some(lon)) => {
                GeoPoint::new(round_position(lat), round_position(lon)).map_or(GeoState::Unavailable, GeoState::On)
            }
            _ => GeoState::Unavailable,
        };
        on_found.emit(point);
    });
    let on_failed = done.clone();
    let failed = Closure::once_into_js(move |error: JsValue| {
        // GeolocationPositionError.code: 1 is PERMISSION_DENIED.
        let denied = field(&error, "code").as_f64() == Some(1.0);
        on_failed.emit(if denied { GeoState::Denied } else { GeoState::Unavailable });
    });
    let options = PositionOptions::new();
    options.set_timeout(15_000);
    // A position from the last five minutes is good enough to sort by.
    options.set_maximum_age(300_000);
    let asked = geo.get_current_position_with_error_callback_and_options(
        found.unchecked_ref(),
        Some(failed.unchecked_ref()),
        &options,
    );
    if asked.is_err() {
        done.emit(GeoState::Unavailable);
    }
}

/// `object[name]`, or `undefined`.
fn field(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}
