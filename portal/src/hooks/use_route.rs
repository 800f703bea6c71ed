//! The current page, following the URL fragment.

use wasm_bindgen::{JsCast, closure::Closure};
use yew::prelude::*;

use crate::dom::current_fragment;
use crate::route::Route;

/// The page the URL fragment names; re-renders on every `hashchange`.
#[hook]
pub fn use_route() -> Route {
    let route = use_state(|| Route::parse(&current_fragment()));
    {
        let route = route.setter();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn()>::new(move || route.set(Route::parse(&current_fragment())));
            let window = web_sys::window();
            if let Some(window) = &window {
                let _ = window.add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(window) = &window {
                    let _ = window.remove_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
                }
                drop(listener);
            }
        });
    }
    *route
}
