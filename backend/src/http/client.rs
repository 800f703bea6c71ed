//! Who is asking: [`ClientAddr`], the client's IP address for per-address
//! throttling, and [`RequestIdOf`], the request id for the audit log.
//!
//! It is the peer address of the connection, or — only when
//! `LINAN_TRUST_FORWARDED_FOR` is set, behind a proxy that appends it — the
//! last `X-Forwarded-For` entry (the one the trusted proxy wrote; earlier
//! entries are the client's own claim).

use std::net::{IpAddr, SocketAddr};

use axum::{
    extract::{ConnectInfo, FromRequestParts},
    http::request::Parts,
};

use crate::{error::ApiError, state::AppState};

/// The client's address.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddr(pub Option<IpAddr>);

impl ClientAddr {
    /// A throttle key for this address under `scope`.
    pub fn key(&self, scope: &str) -> String {
        match self.0 {
            Some(ip) => format!("{scope}:ip:{ip}"),
            None => format!("{scope}:ip:unknown"),
        }
    }
}

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if state.config.trust_forwarded_for {
            let forwarded = parts
                .headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .next_back()
                .and_then(|s| s.trim().parse::<IpAddr>().ok());
            if forwarded.is_some() {
                return Ok(ClientAddr(forwarded));
            }
        }
        Ok(ClientAddr(parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip())))
    }
}

/// This request's `x-request-id` (for requests without an [`crate::auth::Actor`]).
#[derive(Debug, Clone)]
pub struct RequestIdOf(pub Option<String>);

impl FromRequestParts<AppState> for RequestIdOf {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        Ok(RequestIdOf(crate::auth::request_id(parts)))
    }
}
