//! Browser tests of the widget, run by `wasm-bindgen-test-runner` in a
//! headless browser (see `frontend/README.md`). The network is stubbed:
//! components get fixed props, the whole widget talks to a fake `fetch`.
//!
//! By purpose: `components` renders single views, `decoding` holds the JSON
//! decoder to serde's format, `mounting` checks the loader contract,
//! `catalogue` drives the whole widget in a shadow root, `cardholder` the
//! "My card" view (sign-in, reasons, counter code, history, sign-out).
#![cfg(target_arch = "wasm32")]
// A test that cannot set up its DOM should fail loudly; clippy only sees `#[test]` fns as tests.
#![allow(clippy::unwrap_used)]

use wasm_bindgen_test::wasm_bindgen_test_configure;

wasm_bindgen_test_configure!(run_in_browser);

mod cardholder;
mod catalogue;
mod components;
mod decoding;
mod fixtures;
mod mounting;
mod support;
