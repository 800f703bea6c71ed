//! The cardholder and the counter: card sign-in, what a card can get and
//! why (the preview), counter codes, the budgets and audit in front of every
//! proof of a card ([`guard`]), redemptions with per-person quotas and daily
//! stock, voids, the integrity list and a merchant's figures.
//!
//! Every decision goes through [`crate::eligibility::decide`], fed by
//! [`facts`]; the counter then takes the use with conditional updates of the
//! usage counters, so the preview and the counter agree and two counters
//! cannot both take the last use.

pub mod card_auth;
pub mod code;
pub mod facts;
pub mod figures;
pub mod guard;
pub mod holds;
pub mod integrity;
pub mod listing;
pub mod preview;
pub mod redeem;
pub mod void;
