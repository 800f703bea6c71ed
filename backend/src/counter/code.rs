//! Counter codes: an 8-digit code plus a signed QR payload, valid for two
//! minutes and usable once, and resolving what the counter is shown (a
//! code, a QR payload, or a card number with its second factor) to a card.
//!
//! A card has at most one code waiting to be used: issuing a new one
//! deletes the card's unused ones. So the table holds at most one live row
//! per card (plus spent and expired rows, deleted an hour after expiry),
//! however often a session asks, and the fewer live codes there are, the
//! less a guessed code can hit.
//!
//! The QR payload is `LN1.<code>.<signature>`: the signature (HMAC with the
//! server's identity key, domain-separated) lets the counter reject a forged
//! or mistyped payload before any lookup; the code itself is what is stored.

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use linan_shared::{CardProof, CounterCodeDto, Shown};
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter,
    QuerySelect, Set, TransactionSession, TransactionTrait, sea_query::Expr,
};

use super::card_auth;
use crate::{
    auth::secret,
    cards::IdKey,
    entity::{card, counter_code},
    error::ApiError,
};

/// How long a code works.
pub const VALID_SECS: u32 = 120;
const QR_PREFIX: &str = "LN1.";

fn random_code() -> Result<String, ApiError> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).map_err(|e| ApiError::Internal(format!("random code: {e}")))?;
    Ok(format!("{:08}", u64::from_le_bytes(bytes) % 100_000_000))
}

fn signature(key: &IdKey, code: &str) -> String {
    // 64 bits of the HMAC: plenty against guessing within a code's two minutes.
    key.counter_code_signature(code)[..16].to_owned()
}

/// Issues a new code for card `c` (retrying the rare clash with a live code).
///
/// One transaction that holds the card (SQLite: the write lock of
/// `BEGIN IMMEDIATE`; PostgreSQL: `SELECT … FOR UPDATE` of the card row), so
/// two simultaneous issues for one card run one after the other and leave
/// one unused code, the later one.
pub async fn issue<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    key: &IdKey,
    c: &card::Model,
    now: DateTime<Utc>,
) -> Result<CounterCodeDto, ApiError> {
    let txn = crate::db::begin_write(db).await?;
    if txn.get_database_backend() == DbBackend::Postgres {
        card::Entity::find_by_id(c.id).lock_exclusive().one(&txn).await?;
    }
    // Spent and expired codes are of no use; keep the table small. The
    // card's unused codes are replaced by the new one.
    counter_code::Entity::delete_many()
        .filter(counter_code::Column::ExpiresAt.lt(now - Duration::hours(1)))
        .exec(&txn)
        .await?;
    counter_code::Entity::delete_many()
        .filter(counter_code::Column::CardId.eq(c.id))
        .filter(counter_code::Column::UsedAt.is_null())
        .exec(&txn)
        .await?;
    let expires_at = now + Duration::seconds(i64::from(VALID_SECS));
    for _ in 0..5 {
        let code = random_code()?;
        // A code another card holds is a unique violation: undo to the
        // savepoint (PostgreSQL refuses anything else after an error) and draw again.
        let attempt = txn.begin().await?;
        let inserted = counter_code::ActiveModel {
            id: NotSet,
            code: Set(code.clone()),
            card_id: Set(c.id),
            expires_at: Set(expires_at),
            used_at: Set(None),
            created_at: Set(now),
        }
        .insert(&attempt)
        .await;
        match crate::db::on_unique(inserted, || ApiError::Conflict(String::new())) {
            Err(ApiError::Conflict(_)) => {
                attempt.rollback().await?;
                continue;
            }
            other => other?,
        };
        attempt.commit().await?;
        txn.commit().await?;
        let qr = format!("{QR_PREFIX}{code}.{}", signature(key, &code));
        return Ok(CounterCodeDto {
            code,
            qr,
            expires_at: expires_at.to_rfc3339_opts(SecondsFormat::Secs, true),
            valid_secs: VALID_SECS,
        });
    }
    Err(ApiError::Internal("no free counter code after 5 tries".into()))
}

/// The error code of [`invalid_code`].
pub(crate) const INVALID_CODE: &str = "code_invalid";

/// The answer to a code that is unknown, expired, used or forged.
fn invalid_code() -> ApiError {
    ApiError::Refused { code: INVALID_CODE, message: "this counter code is unknown, expired or already used" }
}

/// The numeric code in what the counter typed or scanned.
fn code_of(key: &IdKey, shown: &str) -> Result<String, ApiError> {
    let shown = shown.trim();
    if let Some(rest) = shown.strip_prefix(QR_PREFIX) {
        let (code, sig) = rest.split_once('.').ok_or_else(invalid_code)?;
        if !secret::same(sig, &signature(key, code)) {
            return Err(invalid_code());
        }
        return Ok(code.to_owned());
    }
    let digits: String = shown.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit()) { Ok(digits) } else { Err(invalid_code()) }
}

/// What the counter was shown, resolved to a card: a live code (returned
/// too, to be spent on redemption) or a card number with its second factor.
pub async fn resolve(
    db: &impl ConnectionTrait,
    key: &IdKey,
    proof: &CardProof,
    now: DateTime<Utc>,
) -> Result<(card::Model, Option<counter_code::Model>), ApiError> {
    match proof.parse()? {
        Shown::Code(shown) => {
            let code = code_of(key, &shown)?;
            let row = counter_code::Entity::find()
                .filter(counter_code::Column::Code.eq(code))
                .filter(counter_code::Column::UsedAt.is_null())
                .filter(counter_code::Column::ExpiresAt.gt(now))
                .one(db)
                .await?
                .ok_or_else(invalid_code)?;
            let c = card::Entity::find_by_id(row.card_id).one(db).await?.ok_or_else(invalid_code)?;
            Ok((c, Some(row)))
        }
        Shown::Card(number, factor) => {
            let c = card_auth::check(db, key, &number, &factor).await?.ok_or(ApiError::WrongCardFactor)?;
            Ok((c, None))
        }
    }
}

/// Spends code `id`; a code spent by another request meanwhile is refused.
pub async fn spend(db: &impl ConnectionTrait, id: i64, now: DateTime<Utc>) -> Result<(), ApiError> {
    let done = counter_code::Entity::update_many()
        .col_expr(counter_code::Column::UsedAt, Expr::value(now))
        .filter(counter_code::Column::Id.eq(id))
        .filter(counter_code::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    if done.rows_affected == 1 { Ok(()) } else { Err(invalid_code()) }
}
