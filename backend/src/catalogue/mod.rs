//! The benefits catalogue: reading it (list, search, detail) and writing it
//! (partners and benefits), plus the version that tells caches when it
//! changed. The reference tables it reads are [`crate::reference`]; its days
//! are [`crate::calendar`]'s.
//!
//! Services here are plain functions over a SeaORM connection; handlers in
//! [`crate::routes`] call them and never build queries themselves.

pub(crate) mod assemble;
mod cursor;
mod detail;
mod list;
mod page_json;
mod read_model;
mod search;
mod version;
mod write;

pub use detail::{benefit_detail, partner_detail};
pub use list::list_benefits;
pub use read_model::ReadModel;
pub(crate) use search::{contains_pattern, search_text};
pub use version::{CatalogueState, bump_events_version, bump_version};
pub use write::{
    benefit_row, create_benefit, create_partner, replace_content, resolve, resolve_rules, set_benefit_status,
};
