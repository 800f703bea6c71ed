//! Request ids are ours. Every request gets a fresh UUID in `x-request-id`
//! (the request-id layer in [`crate::app`]); the answer carries it, the log
//! line and the audit event record it. A client's own `x-request-id` is
//! never taken for ours — it could forge or collide with another request's
//! trail in the audit log — but it is useful to whoever traces the client's
//! side, so [`take_client_id`] moves it out of the headers into
//! [`ClientRequestId`], and the log span carries it as the separate field
//! `client_request_id`, cut to [`MAX_CLIENT_ID_CHARS`] visible ASCII
//! characters. The audit log does not keep it: the log line ties the two
//! ids together, and the audit record holds nothing the client wrote there.

use axum::http::{HeaderName, Request};

/// The header both ids travel in.
pub const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Longest client id kept, in characters.
pub const MAX_CLIENT_ID_CHARS: usize = 64;

/// The `x-request-id` a client sent, cleaned; never used as ours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientRequestId(pub String);

/// Takes any `x-request-id` the client sent out of the request (so the
/// request-id layer after this one makes ours) and keeps it, cleaned, as
/// [`ClientRequestId`].
pub fn take_client_id<B>(mut request: Request<B>) -> Request<B> {
    // `remove` drops every value of a repeated header and returns the first.
    if let Some(value) = request.headers_mut().remove(X_REQUEST_ID) {
        let clean: String = value
            .as_bytes()
            .iter()
            .take(MAX_CLIENT_ID_CHARS)
            .map(|&b| if b.is_ascii_graphic() { char::from(b) } else { '?' })
            .collect();
        request.extensions_mut().insert(ClientRequestId(clean));
    }
    request
}

#[cfg(test)]
mod tests {
    use super::*;

    fn taken(values: &[&[u8]]) -> (Option<String>, bool) {
        let mut request = Request::new(());
        for v in values {
            request.headers_mut().append(X_REQUEST_ID, axum::http::HeaderValue::from_bytes(v).unwrap());
        }
        let request = take_client_id(request);
        (
            request.extensions().get::<ClientRequestId>().map(|c| c.0.clone()),
            request.headers().contains_key(X_REQUEST_ID),
        )
    }

    #[test]
    fn a_client_id_leaves_the_headers_capped_and_printable() {
        assert_eq!(taken(&[]), (None, false));
        assert_eq!(taken(&[b"trace-me-123"]), (Some("trace-me-123".into()), false));
        assert_eq!(taken(&[b"a b\tc\xff"]), (Some("a?b?c?".into()), false));
        assert_eq!(taken(&[b"first", b"second"]), (Some("first".into()), false));
        let long = "x".repeat(1000);
        assert_eq!(taken(&[long.as_bytes()]).0.unwrap().len(), MAX_CLIENT_ID_CHARS);
    }
}
