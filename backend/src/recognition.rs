//! Editing the mutual-recognition table (alliance admins only): add, change
//! the window of, or remove a row. Each change is audited and bumps the
//! catalogue version, so eligibility everywhere follows at once.

use linan_shared::{AuditAction, FieldError, RecognitionDto, RecognitionInput, Role};
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    Set, TransactionSession, TransactionTrait,
};

use crate::{
    audit::{self, By, Change},
    auth::Actor,
    calendar::to_naive,
    catalogue::bump_version,
    entity::recognition,
    error::ApiError,
    reference::Reference,
};

fn alliance_only(actor: &Actor) -> Result<(), ApiError> {
    if actor.role == Role::AllianceAdmin {
        Ok(())
    } else {
        Err(ApiError::Forbidden("only alliance admins edit the recognition table"))
    }
}

fn field(field: &str, message: &str) -> ApiError {
    ApiError::InvalidField(FieldError { field: field.into(), message: message.into() })
}

/// The (from tier id, to tier id) of `input`, each tier of its scheme.
fn tiers(reference: &Reference, input: &RecognitionInput) -> Result<(i64, i64), ApiError> {
    input.validate()?;
    let tier = |scheme: &str, tier: &str, side: &str| {
        let s =
            reference.scheme_by_code(scheme).ok_or_else(|| field(&format!("{side}_scheme"), "unknown card scheme"))?;
        reference
            .tier_by_code(s.id, tier)
            .map(|t| t.id)
            .ok_or_else(|| field(&format!("{side}_tier"), "unknown tier of that scheme"))
    };
    Ok((
        tier(input.from_scheme.as_str(), input.from_tier.as_str(), "from")?,
        tier(input.to_scheme.as_str(), input.to_tier.as_str(), "to")?,
    ))
}

fn json(reference: &Reference, row: &recognition::Model) -> Option<serde_json::Value> {
    reference.recognition_dto(row).and_then(|d| serde_json::to_value(d).ok())
}

async fn finish(
    txn: &impl ConnectionTrait,
    reference: &Reference,
    actor: &Actor,
    action: AuditAction,
    id: i64,
    before: Option<&recognition::Model>,
    after: Option<&recognition::Model>,
) -> Result<(), ApiError> {
    let change = Change {
        action,
        entity: "recognition",
        entity_id: id,
        district_id: None,
        before: before.and_then(|r| json(reference, r)),
        after: after.and_then(|r| json(reference, r)),
    };
    audit::record(txn, actor.now, Some(By::from(actor)), change).await?;
    bump_version(txn).await?;
    Ok(())
}

fn pair_taken() -> ApiError {
    ApiError::Conflict("this recognition row exists already".into())
}

async fn pair_free(db: &impl ConnectionTrait, from: i64, to: i64, except: Option<i64>) -> Result<(), ApiError> {
    let mut find = recognition::Entity::find()
        .filter(recognition::Column::FromTierId.eq(from))
        .filter(recognition::Column::ToTierId.eq(to));
    if let Some(id) = except {
        find = find.filter(recognition::Column::Id.ne(id));
    }
    if find.one(db).await?.is_some() {
        return Err(pair_taken());
    }
    Ok(())
}

/// Adds a row.
pub async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    reference: &Reference,
    actor: &Actor,
    input: &RecognitionInput,
) -> Result<RecognitionDto, ApiError> {
    alliance_only(actor)?;
    let (from, to) = tiers(reference, input)?;
    let txn = crate::db::begin_write(db).await?;
    pair_free(&txn, from, to, None).await?;
    let row = recognition::ActiveModel {
        id: NotSet,
        from_tier_id: Set(from),
        to_tier_id: Set(to),
        valid_from: Set(input.valid_from.map(to_naive)),
        valid_until: Set(input.valid_until.map(to_naive)),
        created_at: Set(actor.now),
    }
    .insert(&txn)
    .await;
    let row = crate::db::on_unique(row, pair_taken)?;
    finish(&txn, reference, actor, AuditAction::RecognitionCreate, row.id, None, Some(&row)).await?;
    txn.commit().await?;
    reference.recognition_dto(&row).ok_or_else(|| ApiError::Internal("new recognition row".into()))
}

/// Replaces row `id`.
pub async fn update<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    reference: &Reference,
    actor: &Actor,
    id: i64,
    input: &RecognitionInput,
) -> Result<RecognitionDto, ApiError> {
    alliance_only(actor)?;
    let (from, to) = tiers(reference, input)?;
    let txn = crate::db::begin_write(db).await?;
    let before = recognition::Entity::find_by_id(id).one(&txn).await?.ok_or(ApiError::NotFound("recognition row"))?;
    pair_free(&txn, from, to, Some(id)).await?;
    let mut row = before.clone().into_active_model();
    row.from_tier_id = Set(from);
    row.to_tier_id = Set(to);
    row.valid_from = Set(input.valid_from.map(to_naive));
    row.valid_until = Set(input.valid_until.map(to_naive));
    let after = crate::db::on_unique(row.update(&txn).await, pair_taken)?;
    finish(&txn, reference, actor, AuditAction::RecognitionUpdate, id, Some(&before), Some(&after)).await?;
    txn.commit().await?;
    reference.recognition_dto(&after).ok_or_else(|| ApiError::Internal("updated recognition row".into()))
}

/// Removes row `id`.
pub async fn delete<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    reference: &Reference,
    actor: &Actor,
    id: i64,
) -> Result<(), ApiError> {
    alliance_only(actor)?;
    let txn = crate::db::begin_write(db).await?;
    let before = recognition::Entity::find_by_id(id).one(&txn).await?.ok_or(ApiError::NotFound("recognition row"))?;
    recognition::Entity::delete_by_id(id).exec(&txn).await?;
    finish(&txn, reference, actor, AuditAction::RecognitionDelete, id, Some(&before), None).await?;
    txn.commit().await?;
    Ok(())
}
