//! Why a request failed: a typed [`ClientError`] read from the status and the
//! `{"error":{"code","message","param"}}` body, and its localized summary.
//!
//! The server's `message` is English and meant for developers; the portal
//! shows its own localized text chosen by `code` and, where it helps (which
//! field, what limit), the server's words as a detail tagged `lang="en"`.

use linan_shared::{ErrorBody, ErrorDetail};

use crate::i18n::Key;

/// A failed request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientError {
    /// No answer at all: offline, server down, request refused by the browser.
    Network,
    /// The API answered with an error body.
    Api {
        /// The HTTP status.
        status: u16,
        /// The error body's content.
        detail: ErrorDetail,
    },
    /// An answer that is not what the API documents (a proxy's HTML page, a body that does not decode).
    Unexpected {
        /// The HTTP status.
        status: u16,
    },
}

impl ClientError {
    /// The error for a non-2xx answer with body `body`.
    pub fn from_answer(status: u16, body: &str) -> Self {
        match serde_json::from_str::<ErrorBody>(body) {
            Ok(body) => ClientError::Api { status, detail: body.error },
            Err(_) => ClientError::Unexpected { status },
        }
    }

    /// The stable error code, e.g. `stale_version`.
    pub fn code(&self) -> Option<&str> {
        match self {
            ClientError::Api { detail, .. } => Some(&detail.code),
            _ => None,
        }
    }

    /// The field or parameter at fault, e.g. `offer.title.zh-CN`.
    pub fn param(&self) -> Option<&str> {
        match self {
            ClientError::Api { detail, .. } => detail.param.as_deref(),
            _ => None,
        }
    }

    /// The server's own (English) explanation, shown as a detail of a field
    /// error: it names limits such as "at most 80 characters".
    pub fn server_message(&self) -> Option<&str> {
        match self {
            ClientError::Api { detail, .. } => Some(&detail.message),
            _ => None,
        }
    }

    /// Whether the session is gone (expired, signed out elsewhere).
    pub fn is_unauthenticated(&self) -> bool {
        self.code() == Some("unauthenticated")
    }

    /// The localized summary.
    pub fn summary(&self) -> Key {
        let status = match self {
            ClientError::Network => return Key::ErrNetwork,
            ClientError::Unexpected { status } | ClientError::Api { status, .. } => *status,
        };
        match self.code() {
            Some("invalid_credentials") => Key::ErrCredentials,
            Some("too_many_requests") => Key::ErrTooMany,
            Some("stale_version") => Key::ErrStale,
            Some("invalid_state") => Key::ErrInvalidState,
            Some("forbidden") => Key::ErrForbidden,
            Some("unauthenticated") => Key::ErrUnauthenticated,
            Some("not_found") => Key::ErrNotFound,
            Some("conflict") => Key::ErrConflict,
            Some("invalid_field" | "invalid_parameter") => Key::ErrInvalid,
            Some("timeout") => Key::ErrTimeout,
            _ => match status {
                401 => Key::ErrUnauthenticated,
                403 => Key::ErrForbidden,
                404 => Key::ErrNotFound,
                400 | 422 => Key::ErrInvalid,
                429 => Key::ErrTooMany,
                _ => Key::ErrServer,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_bodies_are_read_into_code_and_param() {
        let e = ClientError::from_answer(
            422,
            r#"{"error":{"code":"invalid_field","message":"at most 80 characters","param":"offer.title.zh-CN"}}"#,
        );
        assert_eq!(e.code(), Some("invalid_field"));
        assert_eq!(e.param(), Some("offer.title.zh-CN"));
        assert_eq!(e.server_message(), Some("at most 80 characters"));
        assert_eq!(e.summary(), Key::ErrInvalid);
    }

    #[test]
    fn codes_choose_the_summary_before_statuses_do() {
        let stale = ClientError::from_answer(409, r#"{"error":{"code":"stale_version","message":"x"}}"#);
        assert_eq!(stale.summary(), Key::ErrStale);
        let state = ClientError::from_answer(409, r#"{"error":{"code":"invalid_state","message":"x"}}"#);
        assert_eq!(state.summary(), Key::ErrInvalidState);
        let login = ClientError::from_answer(401, r#"{"error":{"code":"invalid_credentials","message":"x"}}"#);
        assert_eq!(login.summary(), Key::ErrCredentials);
        assert!(!login.is_unauthenticated());
        let gone = ClientError::from_answer(401, r#"{"error":{"code":"unauthenticated","message":"x"}}"#);
        assert!(gone.is_unauthenticated());
    }

    #[test]
    fn answers_without_an_error_body_fall_back_to_the_status() {
        assert_eq!(ClientError::from_answer(502, "<html>Bad gateway</html>"), ClientError::Unexpected { status: 502 });
        assert_eq!(ClientError::from_answer(502, "").summary(), Key::ErrServer);
        assert_eq!(ClientError::from_answer(404, "").summary(), Key::ErrNotFound);
        assert_eq!(ClientError::Network.summary(), Key::ErrNetwork);
        assert_eq!(ClientError::Network.param(), None);
    }
}
