//! The public API's CORS policy, stated once.
//!
//! [`public`] is the layer in [`crate::app`] over the public routes. A cached
//! list page is answered in front of that layer ([`super::front`]), which
//! writes the same headers with [`add_public`]: they are the layer's own,
//! taken from it once, so the policy is changed in [`public`] alone. That
//! works because the policy allows any origin: an answer's CORS headers are
//! the same for every request that is not a preflight (the tests below hold
//! the layer to it; a policy that looks at the `Origin` needs a front that
//! does too).

use std::{
    convert::Infallible,
    future::Future,
    pin::pin,
    sync::LazyLock,
    task::{Context, Poll, Waker},
    time::Duration,
};

use axum::http::{HeaderMap, Method, Request, Response, header};
use tower::{Layer, Service};
use tower_http::cors::{Any, CorsLayer};

use super::request_id::X_REQUEST_ID;

/// The public routes' CORS layer: any origin, no credentials, reads only;
/// the client may send its language, a validator and a content type, and
/// read the ETag, the language and our request id.
pub fn public() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::HEAD, Method::OPTIONS])
        .allow_headers([header::ACCEPT_LANGUAGE, header::IF_NONE_MATCH, header::CONTENT_TYPE])
        .expose_headers([header::ETAG, header::CONTENT_LANGUAGE, X_REQUEST_ID])
        .max_age(Duration::from_secs(86_400))
}

/// Adds to an answer's `headers` what [`public`] adds to an answer that is
/// not a preflight, as the layer does (`Vary` appended, the others
/// replaced). The values are made once; each answer gets shared copies.
pub fn add_public(headers: &mut HeaderMap) {
    static ADDED: LazyLock<HeaderMap> = LazyLock::new(|| through_public(Request::new(()), HeaderMap::new()));
    for (name, value) in ADDED.iter() {
        if name == header::VARY {
            headers.append(name, value.clone());
        } else {
            headers.insert(name, value.clone());
        }
    }
}

/// The headers of an answer with `headers` to `request` once [`public`] has
/// passed it.
fn through_public(request: Request<()>, headers: HeaderMap) -> HeaderMap {
    let answer = move |_: Request<()>| {
        let mut answer = Response::new(());
        *answer.headers_mut() = headers.clone();
        std::future::ready(Ok::<_, Infallible>(answer))
    };
    let mut service = public().layer(tower::service_fn(answer));
    // With any origin allowed and an answer that is ready, the layer's
    // future is ready at its first poll: nothing waits, so no waker is used.
    let future = pin!(service.call(request));
    match future.poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(Ok(response)) => response.into_parts().0.headers,
        // Not reached (the tests below would see no headers).
        Poll::Pending => HeaderMap::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(headers: &HeaderMap) -> Vec<String> {
        headers.iter().map(|(name, value)| format!("{name}: {}", value.to_str().unwrap())).collect()
    }

    #[test]
    fn the_added_headers_are_the_policy() {
        let mut added = HeaderMap::new();
        add_public(&mut added);
        assert_eq!(
            lines(&added),
            [
                "vary: origin, access-control-request-method, access-control-request-headers",
                "access-control-allow-origin: *",
                "access-control-expose-headers: etag,content-language,x-request-id",
            ]
        );
    }

    #[test]
    fn an_answer_gets_from_add_public_what_the_layer_gives_it_whatever_the_request() {
        let mut answer = HeaderMap::new();
        answer.insert(header::VARY, "accept-encoding".parse().unwrap());
        answer.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, "https://other.example".parse().unwrap());
        answer.insert(header::ETAG, "\"v1\"".parse().unwrap());
        let mut added = answer.clone();
        add_public(&mut added);
        let requests = [
            Request::get("/api/v1/benefits?district=liwan").body(()).unwrap(),
            Request::get("/api/v1/benefits").header(header::ORIGIN, "https://site.example").body(()).unwrap(),
            Request::head("/api/v1/benefits").header(header::ACCEPT_LANGUAGE, "en").body(()).unwrap(),
        ];
        for request in requests {
            let what = format!("{request:?}");
            assert_eq!(through_public(request, answer.clone()), added, "{what}");
        }
    }
}
