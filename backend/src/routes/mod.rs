//! HTTP routes. Each file owns its handlers and a `router()`; [`crate::app`]
//! merges them. Handlers parse, call a service, and shape the response.

pub mod admin;
pub mod auth;
pub mod benefits;
pub mod cardholder;
pub mod cardholder_events;
pub mod cards;
pub mod counter;
pub mod embed_sites;
pub mod event_door;
pub mod event_edits;
pub mod event_organisers;
pub mod events;
pub mod merchant;
pub mod openapi;
pub mod ops;
pub mod pages;
pub mod partner_revisions;
pub mod partners;
pub mod portal;
pub mod recognition;
pub mod reference;
pub mod widget;
