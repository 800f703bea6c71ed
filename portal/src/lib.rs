//! The portal of the Linan platform (荔南人才之家) for merchants and admins,
//! served at `/portal`.
//!
//! Merchants sign up (registering their partner), keep the partner's
//! profile, and write offers in three languages, submit, pause and withdraw
//! them; at the counter they check a cardholder's code or card, redeem and
//! void, and read their figures. Partners' staff and admins organise events
//! (write, submit, publish, cancel; check holders in at the door). District
//! and alliance admins review partners, offers and events, decide with
//! reasons, keep the integrity list of cards and holders, and read the audit
//! log. zh-CN by default, zh-HK and English on request.
//!
//! The crate is split so that everything but rendering and the browser APIs
//! is plain Rust, tested natively by `cargo test`:
//!
//! - [`route`]: the `#/…` pages and who may open them;
//! - [`draft`]: forms as data → the shared model's input DTOs, and where
//!   each error belongs;
//! - [`actions`]: which lifecycle actions and verdicts each state offers;
//! - [`events`]: the organisers' events — API prefixes, lifecycle steps,
//!   China Standard Time inputs, the door's refusals;
//! - [`counter`]: the counter desk — proofs, redemption attempts and their
//!   idempotency keys, the void window, figures;
//! - [`i18n`], [`wording`]: every UI string in three languages;
//! - [`api`]: the one door to the HTTP API and its typed errors;
//! - [`context`], [`hooks`], [`components`]: the Yew side;
//! - [`dom`], [`lang_pref`]: the few browser calls.
//!
//! Every DTO comes from [`linan_shared`]; nothing is redeclared here.

pub mod actions;
pub mod api;
pub mod components;
pub mod context;
pub mod counter;
pub mod dom;
pub mod draft;
pub mod embed;
pub mod events;
pub mod hooks;
pub mod i18n;
pub mod lang_pref;
pub mod route;
pub mod wording;

/// Renders the portal into `<div id="portal">` (or the body when it is
/// missing). Runs when the wasm module is instantiated.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    let document = web_sys::window().and_then(|w| w.document());
    let root = document.as_ref().and_then(|d| d.get_element_by_id("portal"));
    match root {
        Some(root) => {
            yew::Renderer::<components::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<components::App>::new().render();
        }
    }
}
