//! The one door to the HTTP API: a generic GET ([`request`] + [`finish`])
//! that maps every failure to a typed [`ClientError`], and the endpoints.
//!
//! Requests use the browser's `fetch` directly (no HTTP client crate); the
//! browser parses the JSON (`Response.json()`) and [`crate::decode`] reads
//! the DTOs from it (no serde format crate): both keep the wasm small. Error bodies are `{"error":{…}}`
//! ([`ErrorBody`]); the widget never shows their English `message` — it picks
//! its own localized text from the kind of error.

use linan_shared::{BenefitDetail, BenefitPage, BenefitQuery, ErrorBody};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::attrs::WidgetConfig;
use crate::decode::FromJs;
use crate::i18n::Key;
use crate::query::{benefit_url, benefits_url};

/// Why a request failed, as much as the widget needs to say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientError {
    /// No answer at all: offline, DNS, CORS refused, server down.
    Network,
    /// 404: the benefit is gone (withdrawn, expired) or never was.
    NotFound,
    /// 400/422: the API refused a parameter (named when it says which).
    BadRequest {
        /// The parameter at fault, from the error body.
        param: Option<String>,
    },
    /// 429: too many requests.
    RateLimited,
    /// 5xx or any other status; also an answer that is not the JSON expected.
    Server {
        /// The HTTP status (0 when the body could not be decoded).
        status: u16,
    },
}

impl ClientError {
    /// The error for a non-2xx status and its (possibly missing) error body.
    pub fn from_status(status: u16, body: Option<ErrorBody>) -> Self {
        match status {
            404 | 410 => ClientError::NotFound,
            400 | 422 => ClientError::BadRequest { param: body.and_then(|b| b.error.param) },
            429 => ClientError::RateLimited,
            _ => ClientError::Server { status },
        }
    }

    /// The localized message for this error.
    pub fn message(&self) -> Key {
        match self {
            ClientError::Network => Key::ErrorNetwork,
            ClientError::NotFound => Key::ErrorNotFound,
            ClientError::BadRequest { .. } => Key::ErrorBadRequest,
            ClientError::RateLimited => Key::ErrorBusy,
            ClientError::Server { .. } => Key::ErrorServer,
        }
    }
}

/// A request in flight, started by [`request`].
pub type Pending = Result<JsFuture, ClientError>;

/// Starts a GET of `url` now. Several can run at once inside one task:
/// start them all, then [`finish`] each.
pub fn request(url: &str) -> Pending {
    let window = web_sys::window().ok_or(ClientError::Network)?;
    Ok(JsFuture::from(window.fetch_with_str(url)))
}

/// Waits for a request and decodes its JSON answer as `T`.
pub async fn finish<T: FromJs>(pending: Pending) -> Result<T, ClientError> {
    let answer = pending?.await.map_err(|_| ClientError::Network)?;
    let response: web_sys::Response = answer.dyn_into().map_err(|_| ClientError::Network)?;
    let status = response.status();
    // A body that is not JSON (a proxy's HTML error page) decodes to `None`.
    let body = match response.json() {
        Ok(promise) => JsFuture::from(promise).await.ok(),
        Err(_) => None,
    };
    if !response.ok() {
        let error = body.as_ref().and_then(ErrorBody::from_js);
        return Err(ClientError::from_status(status, error));
    }
    body.as_ref().and_then(T::from_js).ok_or(ClientError::Server { status: 0 })
}

/// One page of the catalogue.
pub async fn benefits(config: &WidgetConfig, query: &BenefitQuery) -> Result<BenefitPage, ClientError> {
    finish(request(&benefits_url(config, query))).await
}

/// One benefit in full, in the widget's language.
pub async fn benefit(config: &WidgetConfig, id: i64) -> Result<BenefitDetail, ClientError> {
    finish(request(&benefit_url(config, id))).await
}

#[cfg(test)]
mod tests {
    use linan_shared::ErrorDetail;

    use super::*;

    fn body(param: Option<&str>) -> Option<ErrorBody> {
        Some(ErrorBody {
            error: ErrorDetail {
                code: "invalid_parameter".into(),
                message: "internal words".into(),
                param: param.map(str::to_owned),
                current_version: None,
            },
        })
    }

    #[test]
    fn statuses_map_to_kinds_of_error() {
        assert_eq!(ClientError::from_status(404, None), ClientError::NotFound);
        assert_eq!(
            ClientError::from_status(400, body(Some("limit"))),
            ClientError::BadRequest { param: Some("limit".into()) }
        );
        assert_eq!(ClientError::from_status(422, None), ClientError::BadRequest { param: None });
        assert_eq!(ClientError::from_status(429, body(None)), ClientError::RateLimited);
        assert_eq!(ClientError::from_status(503, None), ClientError::Server { status: 503 });
        assert_eq!(ClientError::from_status(302, None), ClientError::Server { status: 302 });
    }

    #[test]
    fn every_error_has_a_localized_message() {
        assert_eq!(ClientError::Network.message(), Key::ErrorNetwork);
        assert_eq!(ClientError::Server { status: 500 }.message(), Key::ErrorServer);
        assert_eq!(ClientError::NotFound.message(), Key::ErrorNotFound);
    }
}
