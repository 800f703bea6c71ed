//! The Yew/WASM frontends of the Linan platform (荔南人才之家).
//!
//! Today this is the embeddable benefits widget: a district web site pastes
//! one snippet, the loader defines `<linan-benefits>` with a shadow root and
//! calls [`mount()`](fn@mount) with a `<div>` inside it and the element's
//! attributes. The widget lists the public catalogue (search, category, district, "near me",
//! detail with eligibility explained through the recognition table) in
//! zh-CN, zh-HK or English, and "My card" (in a frame of our origin): a
//! cardholder signs in with card number and second factor, sees what the
//! card reaches and why, shows a counter code as a QR, and reads their own
//! redemptions.
//!
//! The crate is split so that everything but rendering and the browser APIs is
//! plain Rust, tested natively by `cargo test`:
//!
//! - [`attrs`]: the element's attributes → a valid [`WidgetConfig`];
//! - [`query`]: the visitor's filters → a [`linan_shared::BenefitQuery`];
//! - [`state`]: the catalogue reducer (pages, cursor, stale answers, the
//!   open detail);
//! - [`card_state`]: the "My card" reducer (sign-in, overview, open code);
//! - [`debounce`], [`links`], [`eligibility`], [`wording`], [`card_wording`],
//!   [`qr`] (the counter code's QR as SVG path data), [`i18n`];
//! - [`api`]: the one door to the HTTP API, and its typed errors; [`decode`]
//!   reads its JSON into the shared DTOs;
//! - [`hooks`] and [`components`]: the Yew side;
//! - [`embed`]: the wasm-bindgen contract with the loader; [`card_embed`]
//!   the one with the "My card" page, which the widget frames.
//!
//! Three bundles are built from this crate (features `catalogue`,
//! `detail` + `events`, and `my-card`): the widget; a benefit's detail and
//! the events tab, fetched when first opened ([`lazy_views`]); and "My card"
//! on our own origin, so the cardholder's code and secrets never reach a
//! host page (it is also where a holder registers for events).

pub mod api;
pub mod attrs;
pub mod card_embed;
pub mod card_state;
pub mod card_wording;
pub mod components;
pub mod debounce;
pub mod decode;
pub mod detail_embed;
pub mod dom;
pub mod eligibility;
pub mod embed;
pub mod event_query;
pub mod event_wording;
pub mod events_embed;
pub mod events_state;
pub mod hooks;
pub mod i18n;
pub mod lazy_views;
pub mod links;
pub mod qr;
pub mod query;
pub mod state;
pub mod wording;

/// The allocator in the browser: `talc` instead of std's `dlmalloc`, about
/// 2 KB gzip less code in every bundle (measured, docs/benchmarks.md), and
/// faster. The wasm is single-threaded (no `atomics`), which this
/// configuration requires; native builds (tests) keep the system allocator.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub use attrs::{RawAttrs, Theme, WidgetConfig};
pub use card_embed::{MyCardHandle, mount_my_card};
pub use detail_embed::{DetailHandle, mount_detail};
pub use embed::{WidgetHandle, mount};
pub use events_embed::{EventsHandle, mount_events};
pub use linan_shared as model;

/// The widget's stylesheet (`src/widget.css`, minified by `build.rs`),
/// rendered into the shadow root by [`components::App`] and into the
/// "My card" page by [`components::MyCardApp`].
pub const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

/// The dialogs' rules (`src/detail.css`: a benefit's detail, an event's, a
/// counter code), rendered by [`components::DetailView`], the events tab
/// and [`components::MyCardApp`]: the widget's bundle, which shows no
/// dialog, does not carry them.
pub const DETAIL_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/detail.min.css"));

/// The events tab's own rules (`src/events.css`), rendered by
/// [`components::EventsApp`] (the detail's bundle) and by "My card".
pub const EVENTS_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/events.min.css"));

/// The "My card" page's own rules (`src/card.css`), after [`WIDGET_CSS`]:
/// a separate file so that the widget's bundle does not carry them.
pub const CARD_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/card.min.css"));
