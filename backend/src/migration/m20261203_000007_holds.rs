//! Integrity holds, apart from the registry's status.
//!
//! - `hold`: one decision of the integrity list — on a card (`target =
//!   'card'`) or on its holder (`'holder'`, every card of the person) — by a
//!   deciding district (`district_id`; `NULL`: the alliance), with its reason,
//!   who and when, and once lifted, who and when. The registry import never
//!   touches it, so a hold survives any import. At most one live hold per
//!   card and per holder (two partial unique indexes).
//! - `audit_district`: the districts an audit event concerns besides its own
//!   `district_id` — a holder hold concerns every district holding one of the
//!   person's cards, and shows in each of their audit views.
//!
//! Until now the integrity list wrote the registry's `card.status` (with a
//! `reason`) and `person.status`. The import never writes a reason, so a
//! suspended card with a reason was put on the list by an admin: it becomes
//! a card hold, and its status goes back to what the registry said before the
//! suspension (the `before` of its latest `card.suspend` audit event; `active`
//! if there is none — the list only ever suspended cards that were not
//! suspended). A suspended person becomes a holder hold. Who decided, when,
//! and for which district come from the latest audit event, if any; otherwise
//! the district of the card's scheme (of the person's first card), no actor,
//! and the time of the card's last change (the person's creation). Past
//! holder events are made visible to every district of the holder's cards.
//! `person.status`, `person.reason` and `card.reason` are no longer written or
//! read after this migration.

use sea_orm_migration::{prelude::*, schema::*};

use super::{fk, index};

#[derive(DeriveMigrationName)]
pub(super) struct Migration;

#[derive(DeriveIden)]
enum Hold {
    Table,
    Id,
    Target,
    CardId,
    PersonId,
    DistrictId,
    Reason,
    PlacedBy,
    PlacedByEmail,
    PlacedAt,
    LiftedAt,
    LiftedBy,
    LiftedByEmail,
}

#[derive(DeriveIden)]
enum AuditDistrict {
    Table,
    EventId,
    DistrictId,
}

#[derive(DeriveIden)]
enum Card {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum District {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum AuditEvent {
    Table,
    Id,
}

/// The latest audit event `action` about `entity` `{alias}.id`.
fn latest(action: &str, entity: &str, alias: &str) -> String {
    format!(
        "(SELECT MAX(e.id) FROM audit_event e WHERE e.action = '{action}' AND e.entity = '{entity}' \
         AND e.entity_id = {alias}.id)"
    )
}

/// Old integrity suspensions of cards become card holds.
fn card_holds() -> String {
    format!(
        "INSERT INTO hold (target, card_id, person_id, district_id, reason, placed_by, placed_by_email, placed_at) \
         SELECT 'card', c.id, c.person_id, \
         CASE WHEN ev.actor_role = 'alliance_admin' THEN NULL ELSE s.district_id END, \
         c.reason, ev.actor_id, ev.actor_email, COALESCE(ev.at, c.updated_at) \
         FROM card c JOIN card_scheme s ON s.id = c.scheme_id \
         LEFT JOIN audit_event ev ON ev.id = {} \
         WHERE c.status = 'suspended' AND c.reason IS NOT NULL",
        latest("card.suspend", "card", "c")
    )
}

/// Their registry status as it was before the suspension.
fn card_status_back() -> String {
    format!(
        "UPDATE card SET status = CASE WHEN (SELECT ev.\"before\" FROM audit_event ev WHERE ev.id = {}) \
         LIKE '%\"status\":\"expired\"%' THEN 'expired' ELSE 'active' END, reason = NULL \
         WHERE status = 'suspended' AND reason IS NOT NULL",
        latest("card.suspend", "card", "card")
    )
}

/// Suspended persons become holder holds.
fn holder_holds() -> String {
    let first_card = "(SELECT MIN(c.id) FROM card c WHERE c.person_id = p.id)";
    format!(
        "INSERT INTO hold (target, card_id, person_id, district_id, reason, placed_by, placed_by_email, placed_at) \
         SELECT 'holder', {first_card}, p.id, \
         CASE WHEN ev.actor_role = 'alliance_admin' THEN NULL ELSE COALESCE(ev.district_id, \
         (SELECT s.district_id FROM card c JOIN card_scheme s ON s.id = c.scheme_id WHERE c.id = {first_card})) END, \
         COALESCE(p.reason, 'integrity list'), ev.actor_id, ev.actor_email, COALESCE(ev.at, p.created_at) \
         FROM person p LEFT JOIN audit_event ev ON ev.id = {} \
         WHERE p.status = 'suspended' AND EXISTS (SELECT 1 FROM card c WHERE c.person_id = p.id)",
        latest("person.suspend", "person", "p")
    )
}

/// Past holder events concern every district of the holder's cards.
const HOLDER_EVENTS_SEEN: &str = "INSERT INTO audit_district (event_id, district_id) \
    SELECT DISTINCT e.id, s.district_id FROM audit_event e \
    JOIN card c ON c.person_id = e.entity_id JOIN card_scheme s ON s.id = c.scheme_id \
    WHERE e.entity = 'person'";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Hold::Table)
                .col(big_pk_auto(Hold::Id))
                .col(string(Hold::Target))
                .col(big_integer(Hold::CardId))
                .col(big_integer(Hold::PersonId))
                .col(big_integer_null(Hold::DistrictId))
                .col(text(Hold::Reason))
                .col(big_integer_null(Hold::PlacedBy))
                .col(string_null(Hold::PlacedByEmail))
                .col(timestamp_with_time_zone(Hold::PlacedAt))
                .col(timestamp_with_time_zone_null(Hold::LiftedAt))
                .col(big_integer_null(Hold::LiftedBy))
                .col(string_null(Hold::LiftedByEmail))
                .foreign_key(&mut fk(Hold::Table, Hold::CardId, Card::Table, Card::Id))
                .foreign_key(&mut fk(Hold::Table, Hold::PersonId, Person::Table, Person::Id))
                .foreign_key(&mut fk(Hold::Table, Hold::DistrictId, District::Table, District::Id))
                .to_owned(),
        )
        .await?;
        m.create_index(index(Hold::Table, "ix_hold_person", vec![Hold::PersonId], false)).await?;
        m.create_index(index(Hold::Table, "ix_hold_card", vec![Hold::CardId], false)).await?;
        let db = m.get_connection();
        // One live hold per card and per holder: a second (also a concurrent one) is a unique violation.
        db.execute_unprepared(
            "CREATE UNIQUE INDEX ux_hold_live_card ON hold (card_id) WHERE target = 'card' AND lifted_at IS NULL",
        )
        .await?;
        db.execute_unprepared(
            "CREATE UNIQUE INDEX ux_hold_live_holder ON hold (person_id) WHERE target = 'holder' AND lifted_at IS NULL",
        )
        .await?;
        m.create_table(
            Table::create()
                .table(AuditDistrict::Table)
                .col(big_integer(AuditDistrict::EventId))
                .col(big_integer(AuditDistrict::DistrictId))
                .primary_key(Index::create().col(AuditDistrict::EventId).col(AuditDistrict::DistrictId))
                .foreign_key(&mut fk(AuditDistrict::Table, AuditDistrict::EventId, AuditEvent::Table, AuditEvent::Id))
                .foreign_key(&mut fk(AuditDistrict::Table, AuditDistrict::DistrictId, District::Table, District::Id))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            AuditDistrict::Table,
            "ix_audit_district_district",
            vec![AuditDistrict::DistrictId, AuditDistrict::EventId],
            false,
        ))
        .await?;
        db.execute_unprepared(&card_holds()).await?;
        db.execute_unprepared(&card_status_back()).await?;
        db.execute_unprepared(&holder_holds()).await?;
        db.execute_unprepared("UPDATE person SET status = 'active', reason = NULL WHERE status = 'suspended'").await?;
        db.execute_unprepared(HOLDER_EVENTS_SEEN).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // Live holds go back into the statuses they came from.
        let db = m.get_connection();
        db.execute_unprepared(
            "UPDATE card SET status = 'suspended', reason = (SELECT h.reason FROM hold h WHERE h.card_id = card.id \
             AND h.target = 'card' AND h.lifted_at IS NULL) WHERE EXISTS (SELECT 1 FROM hold h \
             WHERE h.card_id = card.id AND h.target = 'card' AND h.lifted_at IS NULL)",
        )
        .await?;
        db.execute_unprepared(
            "UPDATE person SET status = 'suspended', reason = (SELECT h.reason FROM hold h WHERE h.person_id = person.id \
             AND h.target = 'holder' AND h.lifted_at IS NULL) WHERE EXISTS (SELECT 1 FROM hold h \
             WHERE h.person_id = person.id AND h.target = 'holder' AND h.lifted_at IS NULL)",
        )
        .await?;
        m.drop_table(Table::drop().table(AuditDistrict::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Hold::Table).to_owned()).await
    }
}
