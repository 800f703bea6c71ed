//! HTTP plumbing shared by the routes: conditional/cached JSON responses,
//! the public CORS policy, language negotiation, query-string, JSON body and
//! `Idempotency-Key` extraction, refusing U+0000, the client address, request
//! ids and request metrics, the cached list page answered in front of the
//! stack, and a replica's own writes seen at once.

pub mod body;
pub mod cached;
pub mod client;
pub mod cors;
pub mod encoding;
pub mod front;
pub mod idempotency;
pub mod lang;
pub mod list_keys;
pub mod metrics;
pub mod nul;
pub mod own_writes;
pub mod path;
pub mod query;
pub mod request_id;
pub mod static_file;
