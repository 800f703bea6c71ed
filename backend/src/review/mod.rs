//! The merchant and reviewer workflows: partner profiles and their review,
//! offers through `draft → pending_review → published → paused / withdrawn
//! / expired`, and pending revisions of published offers and of approved
//! partners' profiles.
//!
//! Every write runs in one transaction that checks the version the caller
//! read (a stale one gets 409 with the current version), writes the rows,
//! records the audit event and bumps the catalogue version, so a change, its
//! record and the caches' invalidation happen together or not at all.

mod claim;
mod drafts;
pub mod offer;
pub mod page;
pub mod partner;
pub mod partner_profile;
pub mod partner_revision;

pub use claim::{claim_benefit, claim_event, claim_partner};
