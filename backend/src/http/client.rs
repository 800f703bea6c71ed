//! Who is asking: [`ClientAddr`], the client's IP address for per-address
//! throttling (an IPv6 /64 counts as one address), and [`RequestIdOf`], the
//! request id for the audit log.
//!
//! It is the peer address of the connection, or — only when
//! `LINAN_TRUST_FORWARDED_FOR` is set, behind a proxy that appends it — the
//! last `X-Forwarded-For` entry (the one the trusted proxy wrote; earlier
//! entries are the client's own claim).

use std::net::{IpAddr, Ipv6Addr, SocketAddr};

use axum::{
    extract::{ConnectInfo, FromRequestParts},
    http::request::Parts,
};

use crate::{auth::ThrottleKey, error::ApiError, state::AppState};

/// The client's address.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddr(pub Option<IpAddr>);

impl ClientAddr {
    /// A throttle key for this address under `scope`. An IPv6 address
    /// counts by its /64: one subscriber, one LAN, or one host's privacy
    /// addresses hold a whole /64, so per address it would be unlimited.
    /// An IPv4-mapped IPv6 address counts as its IPv4 address.
    pub fn key(&self, scope: &str) -> ThrottleKey {
        let scope = format!("{scope}:ip");
        match self.0.map(|ip| ip.to_canonical()) {
            Some(IpAddr::V4(v4)) => ThrottleKey::new(&scope, &v4.to_string()),
            Some(IpAddr::V6(v6)) => {
                let s = v6.segments();
                let net = Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0);
                ThrottleKey::new(&scope, &format!("{net}/64"))
            }
            None => ThrottleKey::new(&scope, "unknown"),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn key(ip: &str) -> String {
        ClientAddr(Some(ip.parse().unwrap())).key("card").as_str().to_owned()
    }

    #[test]
    fn an_ipv6_64_is_one_address_and_ipv4_stays_whole() {
        assert_eq!(key("2001:db8:1:2::1"), "card:ip:2001:db8:1:2::/64");
        assert_eq!(key("2001:db8:1:2:ffff:ffff:ffff:fffe"), key("2001:db8:1:2::1"));
        assert_ne!(key("2001:db8:1:3::1"), key("2001:db8:1:2::1"));
        assert_eq!(key("192.0.2.7"), "card:ip:192.0.2.7");
        assert_ne!(key("192.0.2.7"), key("192.0.2.8"));
        assert_eq!(key("::ffff:192.0.2.7"), key("192.0.2.7"), "an IPv4-mapped address is its IPv4 address");
        assert_eq!(ClientAddr(None).key("card").as_str(), "card:ip:unknown");
    }
}
