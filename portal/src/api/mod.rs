//! The one door to the HTTP API: [`Api`] sends JSON to the same origin with
//! the session cookie and, on every state-changing request, the CSRF token;
//! every failure becomes a typed [`ClientError`].
//!
//! The endpoints are thin typed functions, one file per area of the API
//! ([`auth`], [`merchant`], [`counter`], [`admin`], [`reference`](mod@reference)); all
//! bodies are the shared model's DTOs.

pub mod admin;
pub mod auth;
pub mod counter;
pub mod embed;
mod error;
pub mod events;
pub mod merchant;
pub mod reference;

use std::rc::Rc;

pub use error::ClientError;
use serde::{Serialize, de::DeserializeOwned};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, RequestCredentials, RequestInit, Response};
use yew::Callback;

/// The client: the session's CSRF token (when signed in), and whom to tell
/// when the server says the session is gone.
#[derive(Clone, PartialEq)]
pub struct Api {
    csrf: Option<Rc<str>>,
    on_expired: Callback<()>,
}

impl Api {
    /// A client for the session with `csrf` (none when signed out).
    pub fn new(csrf: Option<&str>, on_expired: Callback<()>) -> Self {
        Api { csrf: csrf.map(Rc::from), on_expired }
    }

    /// `GET path`, decoding the JSON answer.
    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ClientError> {
        decode(self.call("GET", path, None, None).await?)
    }

    /// `POST path` with a JSON body, decoding the JSON answer.
    pub async fn post<B: Serialize, T: DeserializeOwned>(&self, path: &str, body: &B) -> Result<T, ClientError> {
        decode(self.call("POST", path, Some(encode(body)?), None).await?)
    }

    /// `POST path` with a JSON body and an `Idempotency-Key`: the server
    /// answers a repeat of `key` with the first answer instead of acting twice.
    pub async fn post_idempotent<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        key: &str,
        body: &B,
    ) -> Result<T, ClientError> {
        decode(self.call("POST", path, Some(encode(body)?), Some(("idempotency-key", key))).await?)
    }

    /// `PUT path` with a JSON body, decoding the JSON answer.
    pub async fn put<B: Serialize, T: DeserializeOwned>(&self, path: &str, body: &B) -> Result<T, ClientError> {
        decode(self.call("PUT", path, Some(encode(body)?), None).await?)
    }

    /// `DELETE path` answered `204 No Content`.
    pub async fn delete(&self, path: &str) -> Result<(), ClientError> {
        self.call("DELETE", path, None, None).await.map(|_| ())
    }

    /// `POST path` answered `204 No Content`.
    pub async fn post_no_content<B: Serialize>(&self, path: &str, body: Option<&B>) -> Result<(), ClientError> {
        let body = body.map(encode).transpose()?;
        self.call("POST", path, body, None).await.map(|_| ())
    }

    /// Sends one request (with `header`, if any); the answer's status and text when it is a 2xx.
    async fn call(
        &self,
        method: &str,
        path: &str,
        body: Option<String>,
        header: Option<(&str, &str)>,
    ) -> Result<(u16, String), ClientError> {
        let window = web_sys::window().ok_or(ClientError::Network)?;
        let headers = Headers::new().map_err(|_| ClientError::Network)?;
        let init = RequestInit::new();
        init.set_method(method);
        init.set_credentials(RequestCredentials::SameOrigin);
        let set = |name: &str, value: &str| headers.set(name, value).map_err(|_| ClientError::Network);
        set("accept", "application/json")?;
        if let Some(body) = &body {
            set("content-type", "application/json")?;
            init.set_body(&JsValue::from_str(body));
        }
        if method != "GET"
            && let Some(csrf) = &self.csrf
        {
            set("x-csrf-token", csrf)?;
        }
        if let Some((name, value)) = header {
            set(name, value)?;
        }
        init.set_headers(&headers);
        let answer =
            JsFuture::from(window.fetch_with_str_and_init(path, &init)).await.map_err(|_| ClientError::Network)?;
        let response: Response = answer.dyn_into().map_err(|_| ClientError::Network)?;
        let status = response.status();
        let text = match response.text() {
            Ok(promise) => JsFuture::from(promise).await.ok().and_then(|t| t.as_string()).unwrap_or_default(),
            Err(_) => String::new(),
        };
        if response.ok() {
            return Ok((status, text));
        }
        let error = ClientError::from_answer(status, &text);
        if error.is_unauthenticated() && self.csrf.is_some() {
            self.on_expired.emit(());
        }
        Err(error)
    }
}

fn encode<B: Serialize>(body: &B) -> Result<String, ClientError> {
    serde_json::to_string(body).map_err(|_| ClientError::Unexpected { status: 0 })
}

fn decode<T: DeserializeOwned>((status, text): (u16, String)) -> Result<T, ClientError> {
    serde_json::from_str(&text).map_err(|_| ClientError::Unexpected { status })
}
