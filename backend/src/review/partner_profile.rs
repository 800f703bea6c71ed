//! A partner's profile as its staff and reviewers see it: the registered
//! details of a row, with its pending or refused revision beside them, and
//! the reviewed details written back into a row. Shared by the profile's
//! review ([`super::partner`]) and its revisions ([`super::partner_revision`]).

use std::collections::HashMap;

use chrono::SecondsFormat;
use linan_shared::{PartnerInput, PartnerProfileDto, PartnerRevisionDto};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::{
    catalogue::assemble,
    entity::{partner, partner_revision},
    error::ApiError,
    reference::Reference,
};

/// The registered details of a partner row.
pub fn profile(reference: &Reference, p: &partner::Model) -> Result<PartnerInput, ApiError> {
    Ok(PartnerInput {
        name: p.name(),
        kind: assemble::partner_kind(p),
        district: reference
            .district_code(p.district_id)
            .ok_or_else(|| ApiError::Internal(format!("partner {} has an unknown district", p.id)))?,
        address: p.address(),
        location: assemble::partner_location(p),
        phone: p.phone.clone(),
    })
}

/// A partner row as its staff and reviewers see it.
pub fn dto(reference: &Reference, p: &partner::Model) -> Result<PartnerProfileDto, ApiError> {
    Ok(PartnerProfileDto {
        id: p.id,
        status: p.status,
        version: p.version,
        profile: profile(reference, p)?,
        reason: p.reason.clone(),
        revision: None,
        updated_at: p.updated_at.to_rfc3339_opts(SecondsFormat::Secs, true),
    })
}

/// A profile as the audit log records it.
pub(super) fn audit_json(dto: &PartnerProfileDto) -> Option<serde_json::Value> {
    serde_json::to_value(dto).ok()
}

/// Partner `id`, or 404.
pub(super) async fn load(db: &impl ConnectionTrait, id: i64) -> Result<partner::Model, ApiError> {
    partner::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound("partner"))
}

/// [`dto`] with the partner's pending or refused revision.
pub async fn with_revision(
    db: &impl ConnectionTrait,
    reference: &Reference,
    p: &partner::Model,
) -> Result<PartnerProfileDto, ApiError> {
    let revision = partner_revision::Entity::find_by_id(p.id).one(db).await?;
    Ok(PartnerProfileDto { revision: revision.map(|r| revision_dto(p, &r)).transpose()?, ..dto(reference, p)? })
}

/// A revision row as its partner's staff and reviewers see it; `p` is the live partner.
pub fn revision_dto(p: &partner::Model, r: &partner_revision::Model) -> Result<PartnerRevisionDto, ApiError> {
    let proposed: PartnerInput = serde_json::from_str(&r.content)
        .map_err(|e| ApiError::Internal(format!("revision of partner {}: {e}", p.id)))?;
    Ok(PartnerRevisionDto {
        status: r.status,
        profile: PartnerInput { phone: p.phone.clone(), ..proposed },
        reason: r.reason.clone(),
        updated_at: r.updated_at.to_rfc3339_opts(SecondsFormat::Secs, true),
    })
}

/// Partners as DTOs with their revisions, loaded in one query.
pub async fn dtos(
    db: &impl ConnectionTrait,
    reference: &Reference,
    rows: &[partner::Model],
) -> Result<Vec<PartnerProfileDto>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|p| p.id).collect();
    let revisions: HashMap<i64, partner_revision::Model> = partner_revision::Entity::find()
        .filter(partner_revision::Column::PartnerId.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.partner_id, r))
        .collect();
    rows.iter()
        .map(|p| {
            let revision = revisions.get(&p.id).map(|r| revision_dto(p, r)).transpose()?;
            Ok(PartnerProfileDto { revision, ..dto(reference, p)? })
        })
        .collect()
}

/// Writes the reviewed details of `input` (all but the phone and the district) into `row`.
pub(super) fn set_reviewed(row: &mut partner::ActiveModel, input: &PartnerInput) {
    row.kind = Set(input.kind.as_str().to_owned());
    row.name_zh_cn = Set(input.name.zh_cn.clone());
    row.name_zh_hk = Set(input.name.zh_hk.clone());
    row.name_en = Set(input.name.en.clone());
    row.address_zh_cn = Set(input.address.zh_cn.clone());
    row.address_zh_hk = Set(input.address.zh_hk.clone());
    row.address_en = Set(input.address.en.clone());
    row.lat = Set(input.location.lat());
    row.lon = Set(input.location.lon());
}
