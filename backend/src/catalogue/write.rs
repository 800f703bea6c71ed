//! Writing the catalogue: partners and benefits.
//!
//! Each function validates its input, writes all its rows in one transaction
//! and bumps the catalogue version in that same transaction, so caches never
//! see half a change. The demo seed, the merchant and admin workflows
//! ([`crate::review`]) and the tests use these functions.

use chrono::{DateTime, Utc};
use linan_shared::{BenefitInput, BenefitStatus, FieldError, LocalizedText, PartnerInput, PartnerStatus};
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    Set, TransactionSession, TransactionTrait,
};

use super::{bump_version, search::search_text};
use crate::{
    calendar::to_naive,
    entity::{benefit, benefit_eligibility, partner},
    error::ApiError,
    reference::Reference,
};

fn field(field: &str, message: &str) -> ApiError {
    ApiError::InvalidField(FieldError { field: field.to_owned(), message: message.to_owned() })
}

/// Registers a partner with the given status at `now`; returns its id.
pub async fn create_partner<C>(
    db: &C,
    reference: &Reference,
    input: &PartnerInput,
    status: PartnerStatus,
    now: DateTime<Utc>,
) -> Result<i64, ApiError>
where
    C: ConnectionTrait + TransactionTrait,
{
    input.validate()?;
    let district =
        reference.district_by_code(input.district.as_str()).ok_or_else(|| field("district", "unknown district"))?;
    let txn = crate::db::begin_write(db).await?;
    let row = partner::ActiveModel {
        id: NotSet,
        district_id: Set(district.id),
        kind: Set(input.kind.as_str().to_owned()),
        status: Set(status),
        name_zh_cn: Set(input.name.zh_cn.clone()),
        name_zh_hk: Set(input.name.zh_hk.clone()),
        name_en: Set(input.name.en.clone()),
        address_zh_cn: Set(input.address.zh_cn.clone()),
        address_zh_hk: Set(input.address.zh_hk.clone()),
        address_en: Set(input.address.en.clone()),
        lat: Set(input.location.lat()),
        lon: Set(input.location.lon()),
        phone: Set(input.phone.clone()),
        version: Set(1),
        reason: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    bump_version(&txn).await?;
    txn.commit().await?;
    Ok(row.id)
}

/// Validates `input` and resolves its codes: the category id and the
/// (scheme id, minimum tier id) of each eligibility rule.
pub fn resolve(reference: &Reference, input: &BenefitInput) -> Result<(i64, Vec<(i64, i64)>), ApiError> {
    input.validate()?;
    let category =
        reference.category_by_code(input.category.as_str()).ok_or_else(|| field("category", "unknown category"))?;
    Ok((category.id, resolve_rules(reference, &input.eligibility)?))
}

/// The (scheme id, minimum tier id) of each eligibility rule — of a benefit
/// or an event — or a 422 naming the rule with an unknown code.
pub fn resolve_rules(
    reference: &Reference,
    eligibility: &[linan_shared::EligibilityRule],
) -> Result<Vec<(i64, i64)>, ApiError> {
    let mut rules = Vec::with_capacity(eligibility.len());
    for (i, rule) in eligibility.iter().enumerate() {
        let scheme = reference
            .scheme_by_code(rule.scheme.as_str())
            .ok_or_else(|| field(&format!("eligibility[{i}].scheme"), "unknown card scheme"))?;
        let tier = reference
            .tier_by_code(scheme.id, rule.min_tier.as_str())
            .ok_or_else(|| field(&format!("eligibility[{i}].min_tier"), "unknown tier of that scheme"))?;
        rules.push((scheme.id, tier.id));
    }
    Ok(rules)
}

async fn insert_rules(db: &impl ConnectionTrait, benefit_id: i64, rules: Vec<(i64, i64)>) -> Result<(), ApiError> {
    for (scheme_id, min_tier_id) in rules {
        benefit_eligibility::ActiveModel {
            id: NotSet,
            benefit_id: Set(benefit_id),
            scheme_id: Set(scheme_id),
            min_tier_id: Set(min_tier_id),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// Replaces the content of benefit `row` (of partner `p`) with `input`:
/// every text, search, quota and validity column and the eligibility rules.
/// Status, version and timestamps other than `updated_at` are kept; the
/// caller runs this inside its transaction (at `now`) and bumps versions.
pub async fn replace_content(
    db: &impl ConnectionTrait,
    reference: &Reference,
    p: &partner::Model,
    row: benefit::Model,
    input: &BenefitInput,
    now: DateTime<Utc>,
) -> Result<benefit::Model, ApiError> {
    let (category_id, rules) = resolve(reference, input)?;
    let status = row.status;
    let mut active = benefit_row(p, category_id, input, status, row.published_at, now)
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    active.id = Set(row.id);
    active.version = Set(row.version);
    active.created_at = Set(row.created_at);
    active.review_reason = Set(row.review_reason);
    let updated = active.update(db).await?;
    benefit_eligibility::Entity::delete_many()
        .filter(benefit_eligibility::Column::BenefitId.eq(row.id))
        .exec(db)
        .await?;
    insert_rules(db, row.id, rules).await?;
    Ok(updated)
}

/// Creates a benefit of `partner_id` in `status` at `now`; a published
/// benefit gets `published_at` (default: `now`). Returns its id.
pub async fn create_benefit<C>(
    db: &C,
    reference: &Reference,
    partner_id: i64,
    input: &BenefitInput,
    status: BenefitStatus,
    published_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<i64, ApiError>
where
    C: ConnectionTrait + TransactionTrait,
{
    let (category_id, rules) = resolve(reference, input)?;
    let published_at = (status == BenefitStatus::Published).then(|| published_at.unwrap_or(now).timestamp_millis());

    let txn = crate::db::begin_write(db).await?;
    let p = partner::Entity::find_by_id(partner_id).one(&txn).await?.ok_or(ApiError::NotFound("partner"))?;
    let row = benefit_row(&p, category_id, input, status, published_at, now)
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .insert(&txn)
        .await?;
    insert_rules(&txn, row.id, rules).await?;
    bump_version(&txn).await?;
    txn.commit().await?;
    Ok(row.id)
}

/// The `benefit` row for `input` of partner `p`: every column, including the
/// search texts (titles and the partner's name; summaries, descriptions,
/// terms and the address — every language, lower-cased). Bulk loaders build
/// their rows here too, so a row is the same however it is written.
pub fn benefit_row(
    p: &partner::Model,
    category_id: i64,
    input: &BenefitInput,
    status: BenefitStatus,
    published_at_ms: Option<i64>,
    now: DateTime<Utc>,
) -> Result<benefit::ActiveModel, serde_json::Error> {
    let (t, s, d, terms) = (&input.title, &input.summary, &input.description, &input.terms);
    let (name, address) = (p.name(), p.address());
    let search_title = search_text([t, &name].into_iter().flat_map(LocalizedText::variants));
    let search_body = search_text([s, d, terms, &address].into_iter().flat_map(LocalizedText::variants));
    Ok(benefit::ActiveModel {
        id: NotSet,
        partner_id: Set(p.id),
        district_id: Set(p.district_id),
        category_id: Set(category_id),
        status: Set(status),
        title_zh_cn: Set(t.zh_cn.clone()),
        title_zh_hk: Set(t.zh_hk.clone()),
        title_en: Set(t.en.clone()),
        summary_zh_cn: Set(s.zh_cn.clone()),
        summary_zh_hk: Set(s.zh_hk.clone()),
        summary_en: Set(s.en.clone()),
        description_zh_cn: Set(d.zh_cn.clone()),
        description_zh_hk: Set(d.zh_hk.clone()),
        description_en: Set(d.en.clone()),
        terms_zh_cn: Set(terms.zh_cn.clone()),
        terms_zh_hk: Set(terms.zh_hk.clone()),
        terms_en: Set(terms.en.clone()),
        gives: Set(serde_json::to_string(&input.gives)?),
        per_person_limit: Set(input.quota.per_person_limit.map(|n| i32::try_from(n).unwrap_or(i32::MAX))),
        per_person_period: Set(input.quota.per_person_period.map(|p| p.as_str().to_owned())),
        daily_stock: Set(input.quota.daily_stock.map(|n| i32::try_from(n).unwrap_or(i32::MAX))),
        valid_from: Set(to_naive(input.validity.from)),
        valid_until: Set(to_naive(input.validity.until)),
        published_at: Set(published_at_ms),
        search_title: Set(search_title),
        search_body: Set(search_body),
        version: Set(1),
        review_reason: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    })
}

/// Moves a benefit to `status` (publishing stamps `published_at`), bumping
/// its version and the catalogue's, at `now`.
pub async fn set_benefit_status<C>(db: &C, id: i64, status: BenefitStatus, now: DateTime<Utc>) -> Result<(), ApiError>
where
    C: ConnectionTrait + TransactionTrait,
{
    let txn = crate::db::begin_write(db).await?;
    let row = benefit::Entity::find_by_id(id).one(&txn).await?.ok_or(ApiError::NotFound("benefit"))?;
    // The version column is an i32; running out of it must not wrap around.
    let version =
        row.version.checked_add(1).ok_or_else(|| ApiError::Conflict("this benefit's version cannot grow".into()))?;
    let mut active = row.into_active_model();
    if status == BenefitStatus::Published {
        active.published_at = Set(Some(now.timestamp_millis()));
    }
    active.status = Set(status);
    active.version = Set(version);
    active.updated_at = Set(now);
    active.update(&txn).await?;
    bump_version(&txn).await?;
    txn.commit().await?;
    Ok(())
}
