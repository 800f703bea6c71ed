//! The Linan Talent Home (荔南人才之家) backend: an axum + SeaORM service for
//! the Liwan–Nanhai talent services alliance.
//!
//! The `linan` binary ([`cli`]) is a thin shell over this library; tests
//! build an [`app::Application`] on port 0 against a fresh database.
//!
//! Layout: [`entity`] and [`migration`] are the data model; [`reference`], [`catalogue`] and
//! [`eligibility`] the services; [`routes`] the handlers; [`http`] the
//! plumbing shared by handlers; [`app`] wires it all together.

pub mod accounts;
pub mod app;
pub mod audit;
pub mod auth;
pub mod calendar;
pub mod cards;
pub mod catalogue;
pub mod cli;
pub mod clock;
pub mod config;
pub mod counter;
pub mod db;
pub mod demo;
pub mod eligibility;
pub mod embed;
pub mod entity;
pub mod error;
pub mod events;
pub mod http;
pub mod install;
pub mod live;
pub mod migration;
pub mod recognition;
pub mod reference;
pub mod review;
pub mod routes;
pub mod staff;
pub mod state;
pub mod statistics;

pub use app::{Application, StartupError, router};
pub use config::Config;
pub use state::AppState;
