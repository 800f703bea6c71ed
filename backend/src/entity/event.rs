//! `event`: an event of the alliance (see the migration `m20261204_000011_events`).

use sea_orm::entity::prelude::*;

/// An event. Texts per language; `search_text` holds the lower-cased texts
/// of all languages (plus the address) that the list's `q` scans, kept by
/// the service that writes them.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The organising district (a partner's event: its partner's district).
    pub district_id: i64,
    /// The partner running it; `None` for a district's own event.
    pub partner_id: Option<i64>,
    pub event_type: linan_shared::EventType,
    pub status: linan_shared::EventStatus,
    pub title_zh_cn: String,
    pub title_zh_hk: Option<String>,
    pub title_en: Option<String>,
    pub summary_zh_cn: String,
    pub summary_zh_hk: Option<String>,
    pub summary_en: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub description_zh_cn: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub description_zh_hk: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub description_en: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub agenda_zh_cn: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub agenda_zh_hk: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub agenda_en: Option<String>,
    /// `None` for an online-only event.
    pub address_zh_cn: Option<String>,
    pub address_zh_hk: Option<String>,
    pub address_en: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub online_url: Option<String>,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    pub registration_opens_at: DateTimeUtc,
    pub registration_closes_at: DateTimeUtc,
    pub capacity: i32,
    /// Seats taken; only a conditional update (`seats_taken < capacity`) adds one.
    pub seats_taken: i32,
    pub waitlist: bool,
    /// Waitlist positions handed out so far; the next one is this plus one.
    pub waitlist_issued: i32,
    pub per_person_yearly: Option<i32>,
    pub cancel_reason: Option<String>,
    /// Why the last submission was rejected (shown to the partner).
    pub review_reason: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub search_text: String,
    /// Optimistic-concurrency version; every accepted organiser write adds one.
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
