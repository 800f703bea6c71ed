//! The benefits catalogue: reading it (list, search, detail, reference data)
//! and writing it (partners and benefits), plus the version that tells
//! caches when it changed.
//!
//! Services here are plain functions over a SeaORM connection; handlers in
//! [`crate::routes`] call them and never build queries themselves.

pub(crate) mod assemble;
mod convert;
mod cursor;
mod detail;
mod list;
mod reference;
mod search;
pub(crate) mod sql;
mod version;
mod write;

pub use convert::{day_of, from_naive, text, to_naive};
pub use detail::{benefit_detail, partner_detail};
pub use list::list_benefits;
pub use reference::Reference;
pub use version::{CachedBody, CatalogueState, bump_version};
pub use write::{benefit_row, create_benefit, create_partner, replace_content, resolve, set_benefit_status};
