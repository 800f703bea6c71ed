//! Custom hooks: the widget's state and its conversations with the API and
//! the browser, kept out of the components that render them.

mod use_catalogue;
mod use_detail;
mod use_geolocation;
mod use_reference;
mod use_search;

pub use use_catalogue::{CatalogueHandle, use_catalogue};
pub use use_detail::{Detail, DetailAction, DetailState, use_detail};
pub use use_geolocation::{GeoState, round_position, use_geolocation};
pub use use_reference::{Reference, use_reference};
pub use use_search::{SearchHandle, use_search};
