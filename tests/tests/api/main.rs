//! Integration tests of the HTTP API, by purpose. One binary (faster to
//! link); each module is one area, and every test runs on SQLite and on
//! PostgreSQL (see `linan_tests::db_tests!`).

// Test code states its expectations with unwrap: a panic is a failed test.
#![allow(clippy::unwrap_used)]

mod accounts;
mod authz;
mod backup;
mod caps;
mod cards;
mod catalogue;
mod check;
mod contract;
mod counter;
mod demo;
mod embed_sites;
mod errors;
mod events;
mod front;
mod harness;
mod http;
mod lang;
mod live;
mod openapi;
mod pagination;
mod partner_revisions;
mod portal;
mod production;
mod races;
mod read_model;
mod recognition;
mod reference_file;
mod replicas;
mod review;
mod review_queues;
mod search;
mod staff;
mod statistics;
mod throttles;
mod upgrade;
mod widget;
