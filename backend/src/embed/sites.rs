//! Registering and editing embed sites. District admins manage their own
//! district's sites, alliance admins all; another district's site is
//! answered 404. Every write is versioned (a stale version is a 409),
//! audited, and bumps the catalogue version so every replica reloads its
//! [`super::Registry`]. Sites are deactivated, never deleted: their figures stay.

use chrono::SecondsFormat;
use linan_shared::{AuditAction, EmbedSiteDto, EmbedSiteInput, EmbedSiteList, EmbedSiteWrite, FieldError, WidgetAttrs};
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set, TransactionSession, TransactionTrait,
};

use crate::{
    audit::{self, By, Change},
    auth::{Actor, policy},
    catalogue::bump_version,
    entity::{embed_origin, embed_site},
    error::ApiError,
    reference::Reference,
};

fn invalid(e: FieldError) -> ApiError {
    ApiError::InvalidField(e)
}

/// The input, normalised, and its district's id (a district admin: their own).
fn checked(reference: &Reference, actor: &Actor, input: &EmbedSiteInput) -> Result<(EmbedSiteInput, i64), ApiError> {
    let scope = policy::admin_scope(actor)?;
    let input = input.normalised().map_err(invalid)?;
    let district = reference
        .district_by_code(input.district.as_str())
        .ok_or_else(|| invalid(FieldError { field: "district".into(), message: "unknown district".into() }))?;
    if scope.is_some_and(|own| own != district.id) {
        return Err(ApiError::Forbidden("district admins register sites of their own district only"));
    }
    let attrs = &input.attrs;
    if let Some(c) = &attrs.category
        && reference.category_by_code(c.as_str()).is_none()
    {
        return Err(invalid(FieldError { field: "attrs.category".into(), message: "unknown category".into() }));
    }
    if let (Some(s), Some(t)) = (&attrs.scheme, &attrs.tier) {
        let scheme = reference.scheme_by_code(s.as_str()).ok_or_else(|| {
            invalid(FieldError { field: "attrs.scheme".into(), message: "unknown card scheme".into() })
        })?;
        if reference.tier_by_code(scheme.id, t.as_str()).is_none() {
            return Err(invalid(FieldError {
                field: "attrs.tier".into(),
                message: "unknown tier of that scheme".into(),
            }));
        }
    }
    Ok((input, district.id))
}

fn origin_taken() -> ApiError {
    ApiError::Conflict("an origin of this site is registered to another site already".into())
}

/// Writes the site's origins (after removing its old ones); an origin of
/// another site is a 409 (the primary key decides a race).
async fn write_origins(db: &impl ConnectionTrait, site_id: i64, origins: &[String]) -> Result<(), ApiError> {
    embed_origin::Entity::delete_many().filter(embed_origin::Column::SiteId.eq(site_id)).exec(db).await?;
    let taken =
        embed_origin::Entity::find().filter(embed_origin::Column::Origin.is_in(origins.to_vec())).one(db).await?;
    if taken.is_some() {
        return Err(origin_taken());
    }
    let rows = origins
        .iter()
        .map(|o| embed_origin::ActiveModel { origin: Set(o.clone()), site_id: Set(site_id) })
        .collect::<Vec<_>>();
    crate::db::on_unique(embed_origin::Entity::insert_many(rows).exec_without_returning(db).await, origin_taken)?;
    Ok(())
}

async fn origins_of(db: &impl ConnectionTrait, site_id: i64) -> Result<Vec<String>, ApiError> {
    let mut origins: Vec<String> = embed_origin::Entity::find()
        .filter(embed_origin::Column::SiteId.eq(site_id))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.origin)
        .collect();
    origins.sort();
    Ok(origins)
}

fn dto(reference: &Reference, site: &embed_site::Model, origins: Vec<String>) -> Result<EmbedSiteDto, ApiError> {
    let district = reference
        .district(site.district_id)
        .and_then(|d| linan_shared::DistrictCode::parse(&d.code).ok())
        .ok_or_else(|| ApiError::Internal(format!("embed site {} names a missing district", site.id)))?;
    let attrs: WidgetAttrs = serde_json::from_str(&site.attrs)
        .map_err(|e| ApiError::Internal(format!("embed site {} attributes: {e}", site.id)))?;
    Ok(EmbedSiteDto {
        id: site.id,
        name: site.name.clone(),
        district,
        origins,
        attrs,
        contact: site.contact.clone(),
        active: site.active,
        version: site.version,
        updated_at: site.updated_at.to_rfc3339_opts(SecondsFormat::Secs, true),
    })
}

async fn audit_and_bump(
    txn: &impl ConnectionTrait,
    actor: &Actor,
    action: AuditAction,
    site: &embed_site::Model,
    before: Option<&EmbedSiteDto>,
    after: &EmbedSiteDto,
) -> Result<(), ApiError> {
    let json = |d: &EmbedSiteDto| serde_json::to_value(d).ok();
    let change = Change {
        action,
        entity: "embed_site",
        entity_id: site.id,
        district_id: Some(site.district_id),
        before: before.and_then(json),
        after: json(after),
    };
    audit::record(txn, actor.now, Some(By::from(actor)), change).await?;
    bump_version(txn).await?;
    Ok(())
}

fn attrs_json(attrs: &WidgetAttrs) -> Result<String, ApiError> {
    serde_json::to_string(attrs).map_err(|e| ApiError::Internal(format!("widget attributes: {e}")))
}

/// Registers a site.
pub async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    reference: &Reference,
    actor: &Actor,
    input: &EmbedSiteInput,
) -> Result<EmbedSiteDto, ApiError> {
    let (input, district_id) = checked(reference, actor, input)?;
    let txn = crate::db::begin_write(db).await?;
    let site = embed_site::ActiveModel {
        id: NotSet,
        name: Set(input.name.clone()),
        district_id: Set(district_id),
        attrs: Set(attrs_json(&input.attrs)?),
        contact: Set(input.contact.clone()),
        active: Set(input.active),
        version: Set(1),
        created_at: Set(actor.now),
        updated_at: Set(actor.now),
    }
    .insert(&txn)
    .await?;
    write_origins(&txn, site.id, &input.origins).await?;
    let after = dto(reference, &site, input.origins.clone())?;
    audit_and_bump(&txn, actor, AuditAction::EmbedSiteCreate, &site, None, &after).await?;
    txn.commit().await?;
    Ok(after)
}

/// Site `id` if the admin may see it (another district's: 404).
async fn visible(db: &impl ConnectionTrait, actor: &Actor, id: i64) -> Result<embed_site::Model, ApiError> {
    policy::admin_scope(actor)?;
    let site = embed_site::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound("embed site"))?;
    policy::admin_in(actor, site.district_id, "embed site")?;
    Ok(site)
}

/// Replaces site `id`'s content (a stale version is a 409).
pub async fn update<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    reference: &Reference,
    actor: &Actor,
    id: i64,
    write: &EmbedSiteWrite,
) -> Result<EmbedSiteDto, ApiError> {
    let txn = crate::db::begin_write(db).await?;
    let before = visible(&txn, actor, id).await?;
    let (input, district_id) = checked(reference, actor, &write.site)?;
    if before.version != write.version {
        return Err(ApiError::StaleVersion { current: before.version });
    }
    let before_dto = dto(reference, &before, origins_of(&txn, id).await?)?;
    let mut row = before.clone().into_active_model();
    row.name = Set(input.name.clone());
    row.district_id = Set(district_id);
    row.attrs = Set(attrs_json(&input.attrs)?);
    row.contact = Set(input.contact.clone());
    row.active = Set(input.active);
    row.version = Set(before.version + 1);
    row.updated_at = Set(actor.now);
    let site = row.update(&txn).await?;
    write_origins(&txn, id, &input.origins).await?;
    let after = dto(reference, &site, input.origins.clone())?;
    audit_and_bump(&txn, actor, AuditAction::EmbedSiteUpdate, &site, Some(&before_dto), &after).await?;
    txn.commit().await?;
    Ok(after)
}

/// Site `id`.
pub async fn get(
    db: &impl ConnectionTrait,
    reference: &Reference,
    actor: &Actor,
    id: i64,
) -> Result<EmbedSiteDto, ApiError> {
    let site = visible(db, actor, id).await?;
    dto(reference, &site, origins_of(db, id).await?)
}

/// The sites the admin may see, by name.
pub async fn list(db: &impl ConnectionTrait, reference: &Reference, actor: &Actor) -> Result<EmbedSiteList, ApiError> {
    let mut find =
        embed_site::Entity::find().order_by_asc(embed_site::Column::Name).order_by_asc(embed_site::Column::Id);
    if let Some(own) = policy::admin_scope(actor)? {
        find = find.filter(embed_site::Column::DistrictId.eq(own));
    }
    let sites = find.all(db).await?;
    let mut origins: std::collections::HashMap<i64, Vec<String>> = std::collections::HashMap::new();
    let ids: Vec<i64> = sites.iter().map(|s| s.id).collect();
    for o in embed_origin::Entity::find().filter(embed_origin::Column::SiteId.is_in(ids)).all(db).await? {
        origins.entry(o.site_id).or_default().push(o.origin);
    }
    let sites = sites
        .iter()
        .map(|s| {
            let mut mine = origins.remove(&s.id).unwrap_or_default();
            mine.sort();
            dto(reference, s, mine)
        })
        .collect::<Result<_, _>>()?;
    Ok(EmbedSiteList { sites })
}

/// Site `id` if `actor` may see it (for its figures).
pub async fn check_visible(db: &impl ConnectionTrait, actor: &Actor, id: i64) -> Result<(), ApiError> {
    visible(db, actor, id).await.map(|_| ())
}
