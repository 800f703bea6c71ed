//! `/api/v1/auth/*`: sign-up, sign-in, sign-out, the current session and
//! password change.

use axum::{
    Json, Router,
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Response},
    routing::{get, post},
};
use axum_extra::extract::CookieJar;
use linan_shared::{ErrorBody, LoginRequest, PasswordChange, SessionDto, SignupRequest};

use crate::{
    accounts,
    auth::{
        Actor, LOGIN_PER_ACCOUNT, LOGIN_PER_ADDRESS, PASSWORD_PER_ACCOUNT, SIGNUP_PER_ADDRESS, ThrottleKey, session,
    },
    error::ApiError,
    http::{
        body::JsonBody,
        client::{ClientAddr, RequestIdOf},
    },
    state::AppState,
};

/// The auth routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/auth/signup", post(signup))
        .route("/api/v1/auth/login", post(login))
        .route("/api/v1/auth/logout", post(logout))
        .route("/api/v1/auth/me", get(me))
        .route("/api/v1/auth/password", post(change_password))
}

fn signed_in(
    state: &AppState,
    jar: CookieJar,
    status: StatusCode,
    signed: accounts::SignedIn,
    reference: &crate::reference::Reference,
    bearer: bool,
) -> Response {
    let body = session::dto(
        accounts::dto(reference, &signed.account),
        &signed.session.token,
        signed.session.expires_at,
        bearer,
    );
    if bearer {
        return (status, Json(body)).into_response();
    }
    let jar = jar.add(session::cookie(&state.config, Some(&signed.session.token)));
    (status, jar, Json(body)).into_response()
}

/// Signs a merchant up and signs them in.
#[utoipa::path(post, path = "/api/v1/auth/signup", tag = "accounts", request_body = SignupRequest,
    responses(
        (status = 201, description = "Signed up and in; the partner waits for review", body = SessionDto),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 409, description = "The email is taken", body = ErrorBody),
        (status = 422, description = "A field is invalid (`param` names it)", body = ErrorBody),
        (status = 429, description = "Too many sign-ups from this address or for this email", body = ErrorBody),
        (status = 503, description = "Every password-hashing permit is taken; retry after `Retry-After` seconds", body = ErrorBody),
    ))]
pub async fn signup(
    State(state): State<AppState>,
    client: ClientAddr,
    RequestIdOf(request_id): RequestIdOf,
    jar: CookieJar,
    JsonBody(request): JsonBody<SignupRequest>,
) -> Result<Response, ApiError> {
    // Checked before any throttle: a megabyte email must not become a key.
    request.validate()?;
    state.throttle.check(&state.db, &client.key("signup"), SIGNUP_PER_ADDRESS).await?;
    let account_key = ThrottleKey::new("signup:account", &accounts::normalize_email(&request.email));
    state.throttle.check(&state.db, &account_key, LOGIN_PER_ACCOUNT).await?;
    let reference = state.catalogue.reference(&state.db).await?;
    let signed = accounts::signup(
        &state.db,
        &state.passwords,
        &reference,
        &state.config,
        &request,
        request_id.as_deref(),
        state.clock.now(),
    )
    .await?;
    Ok(signed_in(&state, jar, StatusCode::CREATED, signed, &reference, request.bearer))
}

/// Signs in with email and password.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "accounts", request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in (cookie, or `token` with `bearer`)", body = SessionDto),
        (status = 401, description = "Wrong email or password (the same answer for both)", body = ErrorBody),
        (status = 422, description = "An email or password longer than any account's", body = ErrorBody),
        (status = 429, description = "Too many attempts for this account or address", body = ErrorBody),
        (status = 503, description = "Every password-hashing permit is taken; retry after `Retry-After` seconds", body = ErrorBody),
    ))]
pub async fn login(
    State(state): State<AppState>,
    client: ClientAddr,
    jar: CookieJar,
    JsonBody(request): JsonBody<LoginRequest>,
) -> Result<Response, ApiError> {
    // Checked before any throttle: a megabyte email must not become a key.
    request.validate()?;
    state.throttle.check(&state.db, &client.key("login"), LOGIN_PER_ADDRESS).await?;
    let account_key = ThrottleKey::new("login:account", &accounts::normalize_email(&request.email));
    state.throttle.check(&state.db, &account_key, LOGIN_PER_ACCOUNT).await?;
    let signed = accounts::login(
        &state.db,
        &state.passwords,
        &state.config,
        &request.email,
        &request.password,
        state.clock.now(),
    )
    .await?;
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(signed_in(&state, jar, StatusCode::OK, signed, &reference, request.bearer))
}

/// Ends this session.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "accounts",
    responses(
        (status = 204, description = "Signed out"),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "Missing CSRF header", body = ErrorBody),
    ))]
pub async fn logout(State(state): State<AppState>, actor: Actor, jar: CookieJar) -> Result<Response, ApiError> {
    session::end(&state.db, &actor.session_hash).await?;
    Ok((StatusCode::NO_CONTENT, jar.add(session::cookie(&state.config, None))).into_response())
}

/// The current session (with its CSRF token, for a reloaded page).
#[utoipa::path(get, path = "/api/v1/auth/me", tag = "accounts",
    responses(
        (status = 200, description = "Signed in", body = SessionDto),
        (status = 401, description = "No session", body = ErrorBody),
    ))]
pub async fn me(State(state): State<AppState>, actor: Actor) -> Result<Json<SessionDto>, ApiError> {
    let reference = state.catalogue.reference(&state.db).await?;
    Ok(Json(session::dto(accounts::dto(&reference, &actor.account), &actor.token, actor.expires_at, false)))
}

/// Changes the password; other sessions of the account end.
#[utoipa::path(post, path = "/api/v1/auth/password", tag = "accounts", request_body = PasswordChange,
    responses(
        (status = 204, description = "Changed"),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 422, description = "Wrong current password or too short a new one", body = ErrorBody),
        (status = 429, description = "Too many attempts for this account; `Retry-After` says when", body = ErrorBody),
        (status = 503, description = "Every password-hashing permit is taken; retry after `Retry-After` seconds", body = ErrorBody),
    ))]
pub async fn change_password(
    State(state): State<AppState>,
    actor: Actor,
    JsonBody(change): JsonBody<PasswordChange>,
) -> Result<StatusCode, ApiError> {
    // A stolen session must not become unlimited guesses at the password.
    let account_key = ThrottleKey::new("password:account", &actor.account.id.to_string());
    state.throttle.check(&state.db, &account_key, PASSWORD_PER_ACCOUNT).await?;
    let reference = state.catalogue.reference(&state.db).await?;
    accounts::change_password(&state.db, &state.passwords, &reference, &actor, &change).await?;
    Ok(StatusCode::NO_CONTENT)
}
