//! HTTP plumbing shared by the routes: conditional/cached JSON responses,
//! language negotiation, query-string extraction, and request metrics.

pub mod cached;
pub mod lang;
pub mod metrics;
pub mod path;
pub mod query;
