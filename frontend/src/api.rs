//! The one door to the HTTP API: a generic request ([`request`] or [`send`],
//! then [`finish`]) that maps every failure to a typed [`ClientError`], and
//! the endpoints.
//!
//! Requests use the browser's `fetch` directly (no HTTP client crate); the
//! browser parses the JSON (`Response.json()`) and [`crate::decode`] reads
//! the DTOs from it (no serde format crate): both keep the wasm small. Error bodies are `{"error":{…}}`
//! ([`ErrorBody`]); the widget never shows their English `message` — it picks
//! its own localized text from the kind of error.
//!
//! The loader starts a widget's first requests before the wasm has arrived
//! and hands them over as [`Prefetched`]; [`request`] takes an answer from
//! there when it has the URL, and asks the network otherwise.
//!
//! The cardholder's calls carry the session token as `Authorization: Bearer`;
//! the token is passed in by the caller, which keeps it in memory only
//! (never in storage or cookies).

use js_sys::{JSON, Map, Object, Promise, Reflect};
use linan_shared::{
    BenefitDetail, BenefitPage, BenefitQuery, CardBenefits, CardSessionDto, CounterCodeDto, ErrorBody, EventDetail,
    EventPage, Lang, RedemptionList, Refusal, RegistrationDto, RegistrationList,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, RequestInit};

use crate::attrs::WidgetConfig;
use crate::decode::{FromJs, refusal};
use crate::i18n::{Key, t};
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
    /// 401: wrong card number or second factor at sign-in; later, the
    /// cardholder's session ended.
    Unauthorized,
    /// 409 with a refusal code: the card or its holder cannot get a counter
    /// code (suspended, expired).
    Refused(Refusal),
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
            401 => ClientError::Unauthorized,
            409 => match body.and_then(|b| refusal(&b.error.code)) {
                Some(r) => ClientError::Refused(r),
                None => ClientError::Server { status },
            },
            429 => ClientError::RateLimited,
            _ => ClientError::Server { status },
        }
    }

    /// The localized message for this error; a refusal's and an ended
    /// session's own words are [`ClientError::text`]'s.
    pub fn message(&self) -> Key {
        match self {
            ClientError::Network => Key::ErrorNetwork,
            ClientError::NotFound => Key::ErrorNotFound,
            ClientError::BadRequest { .. } => Key::ErrorBadRequest,
            ClientError::Unauthorized | ClientError::Refused(_) => Key::ErrorServer,
            ClientError::RateLimited => Key::ErrorBusy,
            ClientError::Server { .. } => Key::ErrorServer,
        }
    }
}

impl ClientError {
    /// The text to show in `lang`. A refusal (card suspended …) and an
    /// ended session are worded only where "My card" is built in: only the
    /// cardholder's endpoints answer them, so the widget's bundle, which has
    /// no such request, does not carry those words.
    pub fn text(&self, lang: Lang) -> &'static str {
        #[cfg(feature = "my-card")]
        match self {
            ClientError::Refused(r) => return t(lang, crate::card_wording::refusal_key(*r)),
            ClientError::Unauthorized => return t(lang, crate::i18n::CardKey::ErrorSessionEnded),
            _ => {}
        }
        t(lang, self.message())
    }
}

/// A request in flight, started by [`request`].
pub type Pending = Result<JsFuture, ClientError>;

/// Requests the loader started for a widget before its wasm was running: a
/// JS `Map` of URL → `Promise<Response>`. Each answer is taken once.
/// Props compare it as always equal: it is where answers come from, not
/// what the widget shows.
#[derive(Debug, Clone, Default)]
pub struct Prefetched(Option<Map>);

impl Prefetched {
    /// Wraps the loader's map; anything else means nothing was prefetched.
    pub fn from_js(value: JsValue) -> Self {
        Self(value.dyn_into::<Map>().ok())
    }

    /// The answer started for `url`, removed from the map.
    fn take(&self, url: &str) -> Option<Promise> {
        let map = self.0.as_ref()?;
        let key = JsValue::from_str(url);
        let answer = map.get(&key).dyn_into::<Promise>().ok()?;
        map.delete(&key);
        Some(answer)
    }
}

impl PartialEq for Prefetched {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// Starts a GET of `url` now, or takes the answer the loader already
/// started for it. Several can run at once inside one task: start them all,
/// then [`finish`] each.
pub fn request(prefetched: &Prefetched, url: &str) -> Pending {
    if let Some(answer) = prefetched.take(url) {
        return Ok(JsFuture::from(answer));
    }
    let window = web_sys::window().ok_or(ClientError::Network)?;
    Ok(JsFuture::from(window.fetch_with_str(url)))
}

/// Starts a request with a method, the cardholder's token and a JSON body.
pub fn send(method: &str, url: &str, token: Option<&str>, body: Option<&JsValue>) -> Pending {
    let window = web_sys::window().ok_or(ClientError::Network)?;
    let headers = Headers::new().map_err(|_| ClientError::Network)?;
    let init = RequestInit::new();
    init.set_method(method);
    if let Some(token) = token {
        headers.set("authorization", &format!("Bearer {token}")).map_err(|_| ClientError::Network)?;
    }
    if let Some(body) = body {
        headers.set("content-type", "application/json").map_err(|_| ClientError::Network)?;
        init.set_body(&JSON::stringify(body).map_err(|_| ClientError::Network)?.into());
    }
    init.set_headers(&headers);
    Ok(JsFuture::from(window.fetch_with_str_and_init(url, &init)))
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
pub async fn benefits(
    config: &WidgetConfig,
    prefetched: &Prefetched,
    query: &BenefitQuery,
) -> Result<BenefitPage, ClientError> {
    finish(request(prefetched, &benefits_url(config, query))).await
}

/// One benefit in full, in the widget's language.
pub async fn benefit(config: &WidgetConfig, id: i64) -> Result<BenefitDetail, ClientError> {
    finish(request(&Prefetched::default(), &benefit_url(config, id))).await
}

/// Signs a cardholder in with the card number, the ID number's last 4
/// characters and the birth date.
pub async fn card_sign_in(
    config: &WidgetConfig,
    number: &str,
    id_last4: &str,
    birth_date: &str,
) -> Result<CardSessionDto, ClientError> {
    // Built as an object and written by the browser: the JSON escaping is its.
    let body = Object::new();
    let set = |k: &str, v: &str| Reflect::set(&body, &JsValue::from_str(k), &JsValue::from_str(v));
    set("card_number", number)
        .and(set("id_last4", id_last4))
        .and(set("birth_date", birth_date))
        .map_err(|_| ClientError::Network)?;
    finish(send("POST", &config.endpoint("cardholder/session"), None, Some(&body))).await
}

/// Starts loading what the card reaches (in the widget's language).
pub fn card_benefits(config: &WidgetConfig, token: &str) -> Pending {
    send("GET", &config.endpoint(&format!("cardholder/benefits?lang={}", config.lang.tag())), Some(token), None)
}

/// Starts loading the card holder's redemptions.
pub fn card_history(config: &WidgetConfig, token: &str) -> Pending {
    send("GET", &config.endpoint(&format!("cardholder/redemptions?lang={}", config.lang.tag())), Some(token), None)
}

/// A fresh counter code.
pub async fn card_code(config: &WidgetConfig, token: &str) -> Result<CounterCodeDto, ClientError> {
    finish(send("GET", &config.endpoint("cardholder/code"), Some(token), None)).await
}

/// Ends the session on the server. The caller forgets the token whatever
/// the answer: a session the server could not end expires on its own.
pub async fn card_sign_out(config: &WidgetConfig, token: &str) {
    if let Ok(pending) = send("DELETE", &config.endpoint("cardholder/session"), Some(token), None) {
        let _ = pending.await;
    }
}

/// Reads the two answers of [`card_benefits`] and [`card_history`].
pub async fn card_overview(
    benefits: Pending,
    history: Pending,
) -> (Result<CardBenefits, ClientError>, Result<RedemptionList, ClientError>) {
    (finish(benefits).await, finish(history).await)
}

/// One page of events (`url` from [`crate::event_query::events_url`]).
pub async fn events(url: &str) -> Result<EventPage, ClientError> {
    finish(request(&Prefetched::default(), url)).await
}

/// One event in full.
pub async fn event(config: &WidgetConfig, id: i64) -> Result<EventDetail, ClientError> {
    finish(request(&Prefetched::default(), &crate::event_query::event_url(config, id))).await
}

/// Why a registration did not go through: a refusal's error code (the
/// caller words it, `event_full` …), or a failure like any other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegisterError {
    /// 409 with this code.
    Refused(String),
    /// Anything else.
    Failed(ClientError),
}

/// Registers the signed-in holder for event `id` (POST), or cancels the
/// registration (DELETE): the registration as it now stands.
pub async fn registration(
    config: &WidgetConfig,
    token: &str,
    id: i64,
    method: &str,
) -> Result<RegistrationDto, RegisterError> {
    let path = format!("cardholder/events/{id}/registration?lang={}", config.lang.tag());
    let answer = send(method, &config.endpoint(&path), Some(token), None)
        .map_err(RegisterError::Failed)?
        .await
        .map_err(|_| RegisterError::Failed(ClientError::Network))?;
    let response: web_sys::Response = answer.dyn_into().map_err(|_| RegisterError::Failed(ClientError::Network))?;
    let body = match response.json() {
        Ok(promise) => JsFuture::from(promise).await.ok(),
        Err(_) => None,
    };
    if response.ok() {
        return body
            .as_ref()
            .and_then(RegistrationDto::from_js)
            .ok_or(RegisterError::Failed(ClientError::Server { status: 0 }));
    }
    let error = body.as_ref().and_then(ErrorBody::from_js);
    match error {
        Some(e) if response.status() == 409 => Err(RegisterError::Refused(e.error.code)),
        error => Err(RegisterError::Failed(ClientError::from_status(response.status(), error))),
    }
}

/// The holder's registrations over all their cards.
pub async fn my_events(config: &WidgetConfig, token: &str) -> Result<RegistrationList, ClientError> {
    finish(send("GET", &config.endpoint(&format!("cardholder/events?lang={}", config.lang.tag())), Some(token), None))
        .await
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
        assert_eq!(ClientError::from_status(401, None), ClientError::Unauthorized);
        assert_eq!(ClientError::from_status(503, None), ClientError::Server { status: 503 });
        assert_eq!(ClientError::from_status(302, None), ClientError::Server { status: 302 });
    }

    #[test]
    fn a_conflict_with_a_refusal_code_names_the_refusal() {
        let mut conflict = body(None);
        if let Some(b) = conflict.as_mut() {
            b.error.code = "card_suspended".into();
        }
        assert_eq!(ClientError::from_status(409, conflict), ClientError::Refused(Refusal::CardSuspended));
        assert_eq!(ClientError::from_status(409, body(None)), ClientError::Server { status: 409 });
        assert_eq!(ClientError::Refused(Refusal::CardSuspended).text(Lang::En), "This card is suspended");
    }

    #[test]
    fn every_error_has_a_localized_message() {
        assert_eq!(ClientError::Network.message(), Key::ErrorNetwork);
        assert_eq!(ClientError::Server { status: 500 }.message(), Key::ErrorServer);
        assert_eq!(ClientError::NotFound.message(), Key::ErrorNotFound);
    }
}
