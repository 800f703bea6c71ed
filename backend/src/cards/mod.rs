//! The card registry: ID numbers and the keyed hashes that replace them,
//! and the import of the registry from CSV (`linan cards import`, the admin
//! upload, and the demo cards all go through [`import::import`]).
//!
//! Raw ID numbers exist only in memory while a row is checked and hashed;
//! they are never stored, logged, or repeated in an error.

mod identity;
pub mod import;
mod national_id;

pub use identity::{DEMO_ID_SECRET, IdKey, MIN_SECRET_CHARS};
pub use import::{ImportOptions, NoProgress, Progress, import};
pub use national_id::{IdError, NationalId, check_character};
