//! HTTP plumbing shared by the routes: conditional/cached JSON responses,
//! language negotiation, query-string and JSON body extraction, the client
//! address, request ids and request metrics.

pub mod body;
pub mod cached;
pub mod client;
pub mod lang;
pub mod metrics;
pub mod path;
pub mod query;
pub mod request_id;
pub mod static_file;
