//! SeaORM entities: one file per table, mirroring the migrations.
//!
//! Texts that exist per language are stored as `*_zh_cn` (required),
//! `*_zh_hk` and `*_en` (optional) columns, read as one
//! [`linan_shared::LocalizedText`] through the accessors in [`texts`].

// The derive macros generate public items (Column, ActiveModel, …) that cannot
// carry docs; the tables are documented on their `Model`s instead.
#![allow(missing_docs)]

pub mod account;
pub mod audit_district;
pub mod audit_event;
pub mod benefit;
pub mod benefit_eligibility;
pub mod benefit_revision;
pub mod card;
pub mod card_scheme;
pub mod card_session;
pub mod card_tier;
pub mod catalogue_state;
pub mod category;
pub mod counter_code;
pub mod district;
pub mod embed_figure;
pub mod embed_origin;
pub mod embed_site;
pub mod event;
pub mod event_eligibility;
pub mod event_registration;
pub mod event_revision;
pub mod hold;
pub mod install_fact;
pub mod invite;
pub mod partner;
pub mod partner_revision;
pub mod person;
pub mod quota_usage;
pub mod recognition;
pub mod redemption;
pub mod session;
pub mod stock_usage;
pub mod texts;
