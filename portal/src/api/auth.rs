//! `/api/v1/auth/*`: signing up, in and out, the current session, the password.

use linan_shared::{LoginRequest, PasswordChange, SessionDto, SignupRequest};

use super::{Api, ClientError};

/// Creates a merchant account (and its partner); the server sets the session cookie.
pub async fn signup(api: &Api, request: &SignupRequest) -> Result<SessionDto, ClientError> {
    api.post("/api/v1/auth/signup", request).await
}

/// Signs in; the server sets the session cookie.
pub async fn login(api: &Api, request: &LoginRequest) -> Result<SessionDto, ClientError> {
    api.post("/api/v1/auth/login", request).await
}

/// The session of the cookie, if any: restores the sign-in on page load.
pub async fn me(api: &Api) -> Result<SessionDto, ClientError> {
    api.get("/api/v1/auth/me").await
}

/// Ends the session.
pub async fn logout(api: &Api) -> Result<(), ClientError> {
    api.post_no_content::<()>("/api/v1/auth/logout", None).await
}

/// Changes the password of the signed-in account.
pub async fn change_password(api: &Api, change: &PasswordChange) -> Result<(), ClientError> {
    api.post_no_content("/api/v1/auth/password", Some(change)).await
}
