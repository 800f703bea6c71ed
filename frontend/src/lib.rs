//! The Yew/WASM frontends of the Linan platform.
//!
//! Empty on purpose for now: the embeddable benefits widget (issue 5) and the
//! merchant/admin portal (issue 3) will live here. The crate already depends
//! on `linan-shared` so the wasm build of the model crate is checked in CI.

pub use linan_shared as model;
