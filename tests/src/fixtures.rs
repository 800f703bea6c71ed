use chrono::{Duration, NaiveDate};
use linan_backend::{
    calendar::from_naive,
    catalogue::{create_benefit, create_partner},
    entity::{benefit, partner},
};
use linan_shared::{
    BenefitInput, BenefitStatus, CategoryCode, DistrictCode, EligibilityRule, GeoPoint, Gives, LocalizedText,
    PartnerInput, PartnerKind, Quota, SchemeCode, TierCode, Validity,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::{TestApp, today};

/// A plain text with only zh-CN.
pub fn zh(s: &str) -> LocalizedText {
    LocalizedText::new(s, None, None)
}

/// A valid merchant offer open to Youyue Foshan Card tier C and above,
/// valid from yesterday for 30 days.
pub fn benefit_input(title: LocalizedText) -> BenefitInput {
    let day = today();
    BenefitInput {
        category: CategoryCode::parse("merchant_offer").unwrap_or_else(|e| panic!("{e}")),
        title,
        summary: zh("测试摘要"),
        description: zh("测试说明"),
        terms: zh("测试条款"),
        gives: Gives::PercentOff { percent: 10 },
        quota: Quota::default(),
        eligibility: vec![rule("youyue_foshan", "C")],
        validity: Validity { from: from_naive(day - Duration::days(1)), until: from_naive(day + Duration::days(30)) },
    }
}

/// An eligibility rule.
pub fn rule(scheme: &str, min_tier: &str) -> EligibilityRule {
    EligibilityRule {
        scheme: SchemeCode::parse(scheme).unwrap_or_else(|e| panic!("{e}")),
        min_tier: TierCode::parse(min_tier).unwrap_or_else(|e| panic!("{e}")),
    }
}

impl TestApp {
    /// Registers an approved merchant in `district` at `lat,lon`.
    pub async fn add_partner(&self, district: &str, name: &str, lat: f64, lon: f64) -> i64 {
        let input = PartnerInput {
            name: zh(name),
            kind: PartnerKind::Merchant,
            district: DistrictCode::parse(district).unwrap_or_else(|e| panic!("{e}")),
            address: zh("测试地址"),
            location: GeoPoint::new(lat, lon).unwrap_or_else(|e| panic!("{e}")),
            phone: None,
        };
        let reference = self.reference().await;
        let now = self.state.clock.now();
        let id = create_partner(&self.state.db, &reference, &input, linan_shared::PartnerStatus::Approved, now)
            .await
            .unwrap_or_else(|e| panic!("add partner: {e}"));
        self.refresh().await;
        id
    }

    /// Creates a published benefit of `partner`.
    pub async fn add_benefit(&self, partner: i64, input: &BenefitInput) -> i64 {
        self.add_benefit_in(partner, input, BenefitStatus::Published).await
    }

    /// Creates a benefit of `partner` in `status`.
    pub async fn add_benefit_in(&self, partner: i64, input: &BenefitInput, status: BenefitStatus) -> i64 {
        let reference = self.reference().await;
        let id = create_benefit(&self.state.db, &reference, partner, input, status, None, self.state.clock.now())
            .await
            .unwrap_or_else(|e| panic!("add benefit: {e}"));
        self.refresh().await;
        id
    }

    /// The oracle: every benefit that should be public on `day`, read
    /// straight from the tables and filtered in Rust.
    pub async fn public_in_db(&self, day: NaiveDate) -> Vec<(benefit::Model, partner::Model)> {
        let rows = benefit::Entity::find()
            .find_also_related(partner::Entity)
            .filter(benefit::Column::Status.eq("published"))
            .all(&self.state.db)
            .await
            .unwrap_or_else(|e| panic!("oracle: {e}"));
        rows.into_iter()
            .filter_map(|(b, p)| p.map(|p| (b, p)))
            .filter(|(b, p)| p.status.as_str() == "approved" && b.valid_from <= day && day <= b.valid_until)
            .collect()
    }
}
