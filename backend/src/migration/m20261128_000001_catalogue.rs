//! The catalogue: districts, categories, card schemes and tiers, the
//! recognition table, partners, benefits with their eligibility rules, and
//! the catalogue version row.

use sea_orm_migration::{prelude::*, schema::*};

use super::{fk, index};

#[derive(DeriveMigrationName)]
pub(super) struct Migration;

#[derive(DeriveIden)]
enum District {
    Table,
    Id,
    Code,
    NameZhCn,
    NameZhHk,
    NameEn,
    Position,
}

#[derive(DeriveIden)]
enum Category {
    Table,
    Id,
    Code,
    NameZhCn,
    NameZhHk,
    NameEn,
    Position,
}

#[derive(DeriveIden)]
enum CardScheme {
    Table,
    Id,
    Code,
    DistrictId,
    NameZhCn,
    NameZhHk,
    NameEn,
}

#[derive(DeriveIden)]
enum CardTier {
    Table,
    Id,
    SchemeId,
    Code,
    Rank,
    NameZhCn,
    NameZhHk,
    NameEn,
}

#[derive(DeriveIden)]
enum Recognition {
    Table,
    Id,
    FromTierId,
    ToTierId,
    ValidFrom,
    ValidUntil,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Partner {
    Table,
    Id,
    DistrictId,
    Kind,
    Status,
    NameZhCn,
    NameZhHk,
    NameEn,
    AddressZhCn,
    AddressZhHk,
    AddressEn,
    Lat,
    Lon,
    Phone,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Benefit {
    Table,
    Id,
    PartnerId,
    DistrictId,
    CategoryId,
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
    TermsZhCn,
    TermsZhHk,
    TermsEn,
    Gives,
    PerPersonLimit,
    PerPersonPeriod,
    DailyStock,
    ValidFrom,
    ValidUntil,
    PublishedAt,
    SearchTitle,
    SearchBody,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum BenefitEligibility {
    Table,
    Id,
    BenefitId,
    SchemeId,
    MinTierId,
}

#[derive(DeriveIden)]
enum CatalogueState {
    Table,
    Id,
    Version,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(District::Table)
                .col(big_pk_auto(District::Id))
                .col(string_uniq(District::Code))
                .col(string(District::NameZhCn))
                .col(string_null(District::NameZhHk))
                .col(string_null(District::NameEn))
                .col(integer(District::Position).default(0))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Category::Table)
                .col(big_pk_auto(Category::Id))
                .col(string_uniq(Category::Code))
                .col(string(Category::NameZhCn))
                .col(string_null(Category::NameZhHk))
                .col(string_null(Category::NameEn))
                .col(integer(Category::Position).default(0))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(CardScheme::Table)
                .col(big_pk_auto(CardScheme::Id))
                .col(string_uniq(CardScheme::Code))
                .col(big_integer(CardScheme::DistrictId))
                .col(string(CardScheme::NameZhCn))
                .col(string_null(CardScheme::NameZhHk))
                .col(string_null(CardScheme::NameEn))
                .foreign_key(&mut fk(CardScheme::Table, CardScheme::DistrictId, District::Table, District::Id))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(CardTier::Table)
                .col(big_pk_auto(CardTier::Id))
                .col(big_integer(CardTier::SchemeId))
                .col(string(CardTier::Code))
                .col(integer(CardTier::Rank))
                .col(string(CardTier::NameZhCn))
                .col(string_null(CardTier::NameZhHk))
                .col(string_null(CardTier::NameEn))
                .foreign_key(&mut fk(CardTier::Table, CardTier::SchemeId, CardScheme::Table, CardScheme::Id))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            CardTier::Table,
            "ux_card_tier_scheme_code",
            vec![CardTier::SchemeId, CardTier::Code],
            true,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(Recognition::Table)
                .col(big_pk_auto(Recognition::Id))
                .col(big_integer(Recognition::FromTierId))
                .col(big_integer(Recognition::ToTierId))
                .col(date_null(Recognition::ValidFrom))
                .col(date_null(Recognition::ValidUntil))
                .col(timestamp_with_time_zone(Recognition::CreatedAt))
                .foreign_key(&mut fk(Recognition::Table, Recognition::FromTierId, CardTier::Table, CardTier::Id))
                .foreign_key(&mut fk(Recognition::Table, Recognition::ToTierId, CardTier::Table, CardTier::Id))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            Recognition::Table,
            "ux_recognition_from_to",
            vec![Recognition::FromTierId, Recognition::ToTierId],
            true,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(Partner::Table)
                .col(big_pk_auto(Partner::Id))
                .col(big_integer(Partner::DistrictId))
                .col(string(Partner::Kind))
                .col(string(Partner::Status))
                .col(string(Partner::NameZhCn))
                .col(string_null(Partner::NameZhHk))
                .col(string_null(Partner::NameEn))
                .col(string(Partner::AddressZhCn))
                .col(string_null(Partner::AddressZhHk))
                .col(string_null(Partner::AddressEn))
                .col(double(Partner::Lat))
                .col(double(Partner::Lon))
                .col(string_null(Partner::Phone))
                .col(timestamp_with_time_zone(Partner::CreatedAt))
                .col(timestamp_with_time_zone(Partner::UpdatedAt))
                .foreign_key(&mut fk(Partner::Table, Partner::DistrictId, District::Table, District::Id))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            Partner::Table,
            "ix_partner_district_status",
            vec![Partner::DistrictId, Partner::Status],
            false,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(Benefit::Table)
                .col(big_pk_auto(Benefit::Id))
                .col(big_integer(Benefit::PartnerId))
                .col(big_integer(Benefit::DistrictId))
                .col(big_integer(Benefit::CategoryId))
                .col(string(Benefit::Status))
                .col(string(Benefit::TitleZhCn))
                .col(string_null(Benefit::TitleZhHk))
                .col(string_null(Benefit::TitleEn))
                .col(string(Benefit::SummaryZhCn))
                .col(string_null(Benefit::SummaryZhHk))
                .col(string_null(Benefit::SummaryEn))
                .col(text(Benefit::DescriptionZhCn))
                .col(text_null(Benefit::DescriptionZhHk))
                .col(text_null(Benefit::DescriptionEn))
                .col(text(Benefit::TermsZhCn))
                .col(text_null(Benefit::TermsZhHk))
                .col(text_null(Benefit::TermsEn))
                .col(text(Benefit::Gives))
                .col(integer_null(Benefit::PerPersonLimit))
                .col(string_null(Benefit::PerPersonPeriod))
                .col(integer_null(Benefit::DailyStock))
                .col(date(Benefit::ValidFrom))
                .col(date(Benefit::ValidUntil))
                .col(big_integer_null(Benefit::PublishedAt))
                .col(text(Benefit::SearchTitle))
                .col(text(Benefit::SearchBody))
                .col(integer(Benefit::Version).default(1))
                .col(timestamp_with_time_zone(Benefit::CreatedAt))
                .col(timestamp_with_time_zone(Benefit::UpdatedAt))
                .foreign_key(&mut fk(Benefit::Table, Benefit::PartnerId, Partner::Table, Partner::Id))
                .foreign_key(&mut fk(Benefit::Table, Benefit::DistrictId, District::Table, District::Id))
                .foreign_key(&mut fk(Benefit::Table, Benefit::CategoryId, Category::Table, Category::Id))
                .to_owned(),
        )
        .await?;
        // One index per filter, each ending in the `newest` sort key so a
        // filtered first page is an index range walk.
        for (name, cols) in [
            ("ix_benefit_status_published", vec![Benefit::Status, Benefit::PublishedAt, Benefit::Id]),
            ("ix_benefit_status_until", vec![Benefit::Status, Benefit::ValidUntil, Benefit::Id]),
            ("ix_benefit_district", vec![Benefit::DistrictId, Benefit::Status, Benefit::PublishedAt]),
            ("ix_benefit_category", vec![Benefit::CategoryId, Benefit::Status, Benefit::PublishedAt]),
            ("ix_benefit_partner", vec![Benefit::PartnerId, Benefit::Status, Benefit::PublishedAt]),
        ] {
            m.create_index(index(Benefit::Table, name, cols, false)).await?;
        }

        m.create_table(
            Table::create()
                .table(BenefitEligibility::Table)
                .col(big_pk_auto(BenefitEligibility::Id))
                .col(big_integer(BenefitEligibility::BenefitId))
                .col(big_integer(BenefitEligibility::SchemeId))
                .col(big_integer(BenefitEligibility::MinTierId))
                .foreign_key(
                    ForeignKey::create()
                        .from(BenefitEligibility::Table, BenefitEligibility::BenefitId)
                        .to(Benefit::Table, Benefit::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(&mut fk(
                    BenefitEligibility::Table,
                    BenefitEligibility::SchemeId,
                    CardScheme::Table,
                    CardScheme::Id,
                ))
                .foreign_key(&mut fk(
                    BenefitEligibility::Table,
                    BenefitEligibility::MinTierId,
                    CardTier::Table,
                    CardTier::Id,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            BenefitEligibility::Table,
            "ux_benefit_eligibility_scheme",
            vec![BenefitEligibility::BenefitId, BenefitEligibility::SchemeId],
            true,
        ))
        .await?;
        m.create_index(index(
            BenefitEligibility::Table,
            "ix_benefit_eligibility_tier",
            vec![BenefitEligibility::MinTierId, BenefitEligibility::BenefitId],
            false,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(CatalogueState::Table)
                .col(integer(CatalogueState::Id).primary_key())
                .col(big_integer(CatalogueState::Version))
                .to_owned(),
        )
        .await?;
        m.exec_stmt(
            Query::insert()
                .into_table(CatalogueState::Table)
                .columns([CatalogueState::Id, CatalogueState::Version])
                .values_panic([1.into(), 1.into()])
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            CatalogueState::Table.into_iden(),
            BenefitEligibility::Table.into_iden(),
            Benefit::Table.into_iden(),
            Partner::Table.into_iden(),
            Recognition::Table.into_iden(),
            CardTier::Table.into_iden(),
            CardScheme::Table.into_iden(),
            Category::Table.into_iden(),
            District::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
