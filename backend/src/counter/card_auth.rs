//! Cardholder sign-in: card number + second factor (the last 4 characters
//! of the holder's ID number and the birth date; never the name printed on
//! the card) → a 30-minute bearer token. An unknown card and a wrong factor
//! get the same answer; [`CardActor`] finds the card of a token.

use axum::{extract::FromRequestParts, http::request::Parts};
use chrono::{DateTime, Duration, SecondsFormat, Utc};
use linan_shared::{CardFactor, CardNumber, CardSessionDto};
use sea_orm::{ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::facts;
use crate::{
    auth::{bearer, secret},
    cards::IdKey,
    entity::{card, card_session},
    error::ApiError,
    reference::Reference,
    state::AppState,
};

/// How long a cardholder session lasts.
pub const SESSION_MINUTES: i64 = 30;

/// The card numbered `number` (normalised) if `factor` is its holder's.
///
/// Both halves must match, each compared in constant time. A card imported
/// before the birth date was a factor has no birth-date hash and matches no
/// factor until its registry is imported again (see the migration
/// `m20261203_000006_card_factors`).
pub async fn check(
    db: &impl ConnectionTrait,
    key: &IdKey,
    number: &CardNumber,
    factor: &CardFactor,
) -> Result<Option<card::Model>, ApiError> {
    let (last4, birth_date) = key.factor_hashes(number.as_str(), factor);
    let Some(c) = card::Entity::find().filter(card::Column::Number.eq(number.as_str())).one(db).await? else {
        return Ok(None);
    };
    let last4_ok = secret::same(&last4, &c.id_last4_hash);
    let birth_date_ok = c.birth_date_hash.as_deref().is_some_and(|stored| secret::same(&birth_date, stored));
    Ok((last4_ok & birth_date_ok).then_some(c))
}

/// Signs the holder of card `number` in with `factor`.
pub async fn login(
    db: &impl ConnectionTrait,
    reference: &Reference,
    key: &IdKey,
    now: DateTime<Utc>,
    number: &CardNumber,
    factor: &CardFactor,
) -> Result<CardSessionDto, ApiError> {
    let c = check(db, key, number, factor).await?.ok_or(ApiError::WrongCardFactor)?;
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
        card: facts::card_dto(reference, &c, super::holds::held(db, &c).await?)?,
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
