//! Sessions: start one after sign-in, find it from a token, end it.
//!
//! A browser carries the token in the `linan_session` cookie (HttpOnly,
//! SameSite=Lax, Secure in production) and echoes the derived CSRF token in
//! `x-csrf-token` on state-changing requests; an API client asks for the
//! token in the body instead and sends it as `Authorization: Bearer`.

use axum_extra::extract::cookie::{Cookie, SameSite};
use chrono::{DateTime, Duration, Utc};
use linan_shared::{AccountDto, SessionDto};
use sea_orm::{ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::secret;
use crate::{
    config::Config,
    entity::{account, session},
    error::ApiError,
};

/// The session cookie's name.
pub const COOKIE: &str = "linan_session";

/// A freshly started session: the token leaves the server only here.
#[derive(Debug)]
pub struct Started {
    /// The secret token.
    pub token: String,
    /// When it ends.
    pub expires_at: DateTime<Utc>,
}

/// Starts a session of `account_id` at `now`, dropping that account's expired ones.
pub async fn start(
    db: &impl ConnectionTrait,
    config: &Config,
    account_id: i64,
    now: DateTime<Utc>,
) -> Result<Started, ApiError> {
    let token = secret::random_token().map_err(|e| ApiError::Internal(format!("random token: {e}")))?;
    let expires_at = now + Duration::hours(i64::from(config.session_hours.max(1)));
    session::Entity::delete_many()
        .filter(session::Column::AccountId.eq(account_id))
        .filter(session::Column::ExpiresAt.lt(now))
        .exec(db)
        .await?;
    session::ActiveModel {
        id: NotSet,
        token_hash: Set(secret::digest(&token)),
        account_id: Set(account_id),
        expires_at: Set(expires_at),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(Started { token, expires_at })
}

/// The session with this token live at `now`, and its account, if any.
pub async fn find(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<(session::Model, account::Model)>, ApiError> {
    let found = session::Entity::find()
        .filter(session::Column::TokenHash.eq(secret::digest(token)))
        .filter(session::Column::ExpiresAt.gt(now))
        .one(db)
        .await?;
    let Some(s) = found else { return Ok(None) };
    // A removed account's sessions were deleted with it; the filter holds
    // even for one started in the same instant.
    let found = account::Entity::find_by_id(s.account_id).filter(account::Column::RemovedAt.is_null()).one(db).await?;
    Ok(found.map(|a| (s, a)))
}

/// Ends the session with this token digest.
pub async fn end(db: &impl ConnectionTrait, token_hash: &str) -> Result<(), ApiError> {
    session::Entity::delete_many().filter(session::Column::TokenHash.eq(token_hash)).exec(db).await?;
    Ok(())
}

/// The session cookie carrying `token` (or clearing it, for `None`).
pub fn cookie(config: &Config, token: Option<&str>) -> Cookie<'static> {
    let mut c = Cookie::build((COOKIE, token.unwrap_or_default().to_owned()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(config.secure_cookies())
        .build();
    match token {
        Some(_) => c.set_max_age(time::Duration::hours(i64::from(config.session_hours.max(1)))),
        None => c.make_removal(),
    }
    c
}

/// The body answering a sign-in or `GET /auth/me`.
pub fn dto(account: AccountDto, token: &str, expires_at: DateTime<Utc>, bearer: bool) -> SessionDto {
    SessionDto {
        account,
        csrf_token: secret::csrf_token(token),
        expires_at: expires_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        token: bearer.then(|| token.to_owned()),
    }
}
