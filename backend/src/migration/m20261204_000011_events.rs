//! Events of the alliance:
//!
//! - `event`: organiser (a district, and the partner when a partner runs
//!   it), type, texts per language (as benefits store them), venue address,
//!   map point and/or online link, start and end, registration window,
//!   capacity with the `seats_taken` counter that registration takes with a
//!   conditional update (as quota uses do), the waitlist switch and the
//!   counter that hands out waitlist positions, the per-person yearly rule,
//!   status, cancel reason, search text and a version.
//! - `event_eligibility`: the same shape as `benefit_eligibility`, so the one
//!   `eligibility::admits` judges both. No row: open to every valid card.
//! - `event_registration`: one row per (event, person) — the person the
//!   quotas count across a holder's cards — with the card used, status,
//!   waitlist position and check-in time.
//! - `catalogue_state.events_version`: bumped by every registration and
//!   cancellation (seats left change), so the public event pages' ETags and
//!   cached answers follow the seats without moving the catalogue version
//!   (which would clear every benefit page and rebuild the read model).

use sea_orm_migration::{prelude::*, schema::*};

use super::{fk, index};

#[derive(DeriveMigrationName)]
pub(super) struct Migration;

#[derive(DeriveIden)]
enum Event {
    Table,
    Id,
    DistrictId,
    PartnerId,
    #[sea_orm(iden = "event_type")]
    Kind,
    Status,
    TitleZhCn,
    TitleZhHk,
    TitleEn,
    SummaryZhCn,
    SummaryZhHk,
    SummaryEn,
    DescriptionZhCn,
    DescriptionZhHk,
    DescriptionEn,
    AgendaZhCn,
    AgendaZhHk,
    AgendaEn,
    AddressZhCn,
    AddressZhHk,
    AddressEn,
    Lat,
    Lon,
    OnlineUrl,
    StartsAt,
    EndsAt,
    RegistrationOpensAt,
    RegistrationClosesAt,
    Capacity,
    SeatsTaken,
    Waitlist,
    WaitlistIssued,
    PerPersonYearly,
    CancelReason,
    ReviewReason,
    SearchText,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum EventEligibility {
    Table,
    Id,
    EventId,
    SchemeId,
    MinTierId,
}

#[derive(DeriveIden)]
enum EventRegistration {
    Table,
    Id,
    EventId,
    PersonId,
    CardId,
    Status,
    WaitlistPosition,
    RegisteredAt,
    CancelledAt,
    CheckedInAt,
}

#[derive(DeriveIden)]
enum CatalogueState {
    Table,
    EventsVersion,
}

#[derive(DeriveIden)]
enum District {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Partner {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum CardScheme {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum CardTier {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Card {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(CatalogueState::Table)
                .add_column(big_integer(CatalogueState::EventsVersion).default(0))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Event::Table)
                .col(big_pk_auto(Event::Id))
                .col(big_integer(Event::DistrictId))
                .col(big_integer_null(Event::PartnerId))
                .col(string(Event::Kind))
                .col(string(Event::Status))
                .col(string(Event::TitleZhCn))
                .col(string_null(Event::TitleZhHk))
                .col(string_null(Event::TitleEn))
                .col(string(Event::SummaryZhCn))
                .col(string_null(Event::SummaryZhHk))
                .col(string_null(Event::SummaryEn))
                .col(text(Event::DescriptionZhCn))
                .col(text_null(Event::DescriptionZhHk))
                .col(text_null(Event::DescriptionEn))
                .col(text(Event::AgendaZhCn))
                .col(text_null(Event::AgendaZhHk))
                .col(text_null(Event::AgendaEn))
                .col(string_null(Event::AddressZhCn))
                .col(string_null(Event::AddressZhHk))
                .col(string_null(Event::AddressEn))
                .col(double_null(Event::Lat))
                .col(double_null(Event::Lon))
                .col(string_null(Event::OnlineUrl))
                .col(timestamp_with_time_zone(Event::StartsAt))
                .col(timestamp_with_time_zone(Event::EndsAt))
                .col(timestamp_with_time_zone(Event::RegistrationOpensAt))
                .col(timestamp_with_time_zone(Event::RegistrationClosesAt))
                .col(integer(Event::Capacity))
                .col(integer(Event::SeatsTaken).default(0))
                .col(boolean(Event::Waitlist))
                .col(integer(Event::WaitlistIssued).default(0))
                .col(integer_null(Event::PerPersonYearly))
                .col(string_null(Event::CancelReason))
                .col(string_null(Event::ReviewReason))
                .col(text(Event::SearchText))
                .col(integer(Event::Version).default(1))
                .col(timestamp_with_time_zone(Event::CreatedAt))
                .col(timestamp_with_time_zone(Event::UpdatedAt))
                .foreign_key(&mut fk(Event::Table, Event::DistrictId, District::Table, District::Id))
                .foreign_key(&mut fk(Event::Table, Event::PartnerId, Partner::Table, Partner::Id))
                .to_owned(),
        )
        .await?;
        // The public list walks published events by start time.
        m.create_index(index(
            Event::Table,
            "ix_event_status_starts",
            vec![Event::Status, Event::StartsAt, Event::Id],
            false,
        ))
        .await?;
        m.create_index(index(Event::Table, "ix_event_partner", vec![Event::PartnerId, Event::Status], false)).await?;

        m.create_table(
            Table::create()
                .table(EventEligibility::Table)
                .col(big_pk_auto(EventEligibility::Id))
                .col(big_integer(EventEligibility::EventId))
                .col(big_integer(EventEligibility::SchemeId))
                .col(big_integer(EventEligibility::MinTierId))
                .foreign_key(
                    ForeignKey::create()
                        .from(EventEligibility::Table, EventEligibility::EventId)
                        .to(Event::Table, Event::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(&mut fk(
                    EventEligibility::Table,
                    EventEligibility::SchemeId,
                    CardScheme::Table,
                    CardScheme::Id,
                ))
                .foreign_key(&mut fk(
                    EventEligibility::Table,
                    EventEligibility::MinTierId,
                    CardTier::Table,
                    CardTier::Id,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            EventEligibility::Table,
            "ux_event_eligibility_scheme",
            vec![EventEligibility::EventId, EventEligibility::SchemeId],
            true,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(EventRegistration::Table)
                .col(big_pk_auto(EventRegistration::Id))
                .col(big_integer(EventRegistration::EventId))
                .col(big_integer(EventRegistration::PersonId))
                .col(big_integer(EventRegistration::CardId))
                .col(string(EventRegistration::Status))
                .col(integer_null(EventRegistration::WaitlistPosition))
                .col(timestamp_with_time_zone(EventRegistration::RegisteredAt))
                .col(timestamp_with_time_zone_null(EventRegistration::CancelledAt))
                .col(timestamp_with_time_zone_null(EventRegistration::CheckedInAt))
                .foreign_key(&mut fk(EventRegistration::Table, EventRegistration::EventId, Event::Table, Event::Id))
                .foreign_key(&mut fk(EventRegistration::Table, EventRegistration::PersonId, Person::Table, Person::Id))
                .foreign_key(&mut fk(EventRegistration::Table, EventRegistration::CardId, Card::Table, Card::Id))
                .to_owned(),
        )
        .await?;
        // One registration per person per event, whichever of their cards they use.
        m.create_index(index(
            EventRegistration::Table,
            "ux_event_registration_person",
            vec![EventRegistration::EventId, EventRegistration::PersonId],
            true,
        ))
        .await?;
        // The first in line: waitlisted rows of an event by position.
        m.create_index(index(
            EventRegistration::Table,
            "ix_event_registration_line",
            vec![EventRegistration::EventId, EventRegistration::Status, EventRegistration::WaitlistPosition],
            false,
        ))
        .await?;
        m.create_index(index(
            EventRegistration::Table,
            "ix_event_registration_holder",
            vec![EventRegistration::PersonId, EventRegistration::Status],
            false,
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in
            [EventRegistration::Table.into_iden(), EventEligibility::Table.into_iden(), Event::Table.into_iden()]
        {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        m.alter_table(
            Table::alter().table(CatalogueState::Table).drop_column(CatalogueState::EventsVersion).to_owned(),
        )
        .await?;
        Ok(())
    }
}
