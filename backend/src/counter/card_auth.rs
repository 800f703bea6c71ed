//! Cardholder sign-in: card number + second factor (the holder's name as on
//! the card, or the last 4 characters of the ID number) → a 30-minute
//! bearer token. An unknown card and a wrong second factor get the same
//! answer; [`CardActor`] finds the card of a token.

use axum::{extract::FromRequestParts, http::request::Parts};
use chrono::{DateTime, Duration, SecondsFormat, Utc};
use linan_shared::{CardLogin, CardSessionDto};
use sea_orm::{ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::{facts, normalize_number};
use crate::{
    auth::{bearer, secret},
    cards::IdKey,
    catalogue::Reference,
    entity::{card, card_session},
    error::ApiError,
    state::AppState,
};

/// How long a cardholder session lasts.
pub const SESSION_MINUTES: i64 = 30;

/// A name compared loosely: no spaces, case-folded.
fn loose(name: &str) -> String {
    name.chars().filter(|c| !c.is_whitespace() && *c != '·' && *c != '.').flat_map(char::to_lowercase).collect()
}

/// The card with this number whose second factor matches, if any.
pub async fn check(
    db: &impl ConnectionTrait,
    key: &IdKey,
    number: &str,
    second_factor: &str,
) -> Result<Option<card::Model>, ApiError> {
    let number = normalize_number(number);
    let Some(c) = card::Entity::find().filter(card::Column::Number.eq(number.as_str())).one(db).await? else {
        return Ok(None);
    };
    let factor = second_factor.trim();
    let by_name = !factor.is_empty() && loose(factor) == loose(&c.holder_name);
    let last4 = factor.to_uppercase();
    let by_id = last4.len() == 4 && secret::same(&key.last4_hash(&number, last4.as_bytes()), &c.id_last4_hash);
    Ok((by_name || by_id).then_some(c))
}

/// Signs a cardholder in.
pub async fn login(
    db: &impl ConnectionTrait,
    reference: &Reference,
    key: &IdKey,
    now: DateTime<Utc>,
    request: &CardLogin,
) -> Result<CardSessionDto, ApiError> {
    let c = check(db, key, &request.card_number, &request.second_factor).await?.ok_or(ApiError::InvalidCredentials)?;
    let token = secret::random_token().map_err(|e| ApiError::Internal(format!("random token: {e}")))?;
    let expires_at = now + Duration::minutes(SESSION_MINUTES);
    card_session::Entity::delete_many()
        .filter(card_session::Column::CardId.eq(c.id))
        .filter(card_session::Column::ExpiresAt.lt(now))
        .exec(db)
        .await?;
    card_session::ActiveModel {
        id: NotSet,
        token_hash: Set(secret::digest(&token)),
        card_id: Set(c.id),
        expires_at: Set(expires_at),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(CardSessionDto {
        token,
        expires_at: expires_at.to_rfc3339_opts(SecondsFormat::Secs, true),
        card: facts::card_dto(reference, &c)?,
    })
}

/// The signed-in cardholder's card.
#[derive(Debug, Clone)]
pub struct CardActor {
    /// The card.
    pub card: card::Model,
    /// Digest of the session token.
    pub session_hash: String,
}

impl FromRequestParts<AppState> for CardActor {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let hash = secret::digest(bearer(parts).ok_or(ApiError::Unauthenticated)?);
        let session = card_session::Entity::find()
            .filter(card_session::Column::TokenHash.eq(hash.as_str()))
            .filter(card_session::Column::ExpiresAt.gt(state.clock.now()))
            .one(&state.db)
            .await?
            .ok_or(ApiError::Unauthenticated)?;
        let card = card::Entity::find_by_id(session.card_id).one(&state.db).await?.ok_or(ApiError::Unauthenticated)?;
        Ok(CardActor { card, session_hash: hash })
    }
}

/// Ends a cardholder session.
pub async fn logout(db: &impl ConnectionTrait, session_hash: &str) -> Result<(), ApiError> {
    card_session::Entity::delete_many().filter(card_session::Column::TokenHash.eq(session_hash)).exec(db).await?;
    Ok(())
}
