//! Generating one synthetic benefit: texts from the word lists, an offer
//! that fits the partner's kind, a quota, 1–2 eligibility rules, a validity
//! window around today, a lifecycle state and a publication time.
//!
//! The result is a [`BenefitInput`] — the same thing a partner submits — so
//! it passes the same validation as real data.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use linan_backend::calendar::from_naive;
use linan_shared::{
    BenefitInput, BenefitStatus, CategoryCode, EligibilityRule, Gives, LocalizedText, Quota, QuotaPeriod, SchemeCode,
    TierCode, Validity,
};

use crate::{
    rng::Rng,
    words::{CONDITIONS, GIFTS, MEDICAL_VENUES, MERCHANT_VENUES, PLACES, PRIORITY_OFFERS, SCENIC_VENUES, Word},
};

/// What kind of partner offers the benefit; decides category, venue and offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Medical,
    Scenic,
    Merchant,
}

impl Kind {
    /// The kind of a stored partner kind code (unknown codes count as merchants).
    pub(crate) fn of_partner(code: &str) -> Self {
        match code {
            "hospital" => Kind::Medical,
            "scenic_spot" => Kind::Scenic,
            _ => Kind::Merchant,
        }
    }

    /// The category code benefits of this kind get.
    pub(crate) fn category(self) -> &'static str {
        match self {
            Kind::Medical => "medical_green_channel",
            Kind::Scenic => "scenic_discount",
            Kind::Merchant => "merchant_offer",
        }
    }

    fn venues(self) -> &'static [Word] {
        match self {
            Kind::Medical => MEDICAL_VENUES,
            Kind::Scenic => SCENIC_VENUES,
            Kind::Merchant => MERCHANT_VENUES,
        }
    }
}

/// A card scheme with its tiers, as codes.
pub(crate) struct Scheme {
    pub(crate) code: SchemeCode,
    pub(crate) district_id: i64,
    pub(crate) tiers: Vec<TierCode>,
}

/// A generated benefit, ready to be stored.
pub(crate) struct Synthetic {
    pub(crate) input: BenefitInput,
    pub(crate) status: BenefitStatus,
    pub(crate) published_at: Option<DateTime<Utc>>,
}

/// An owned phrase in the three languages.
struct Text {
    zh_cn: String,
    zh_hk: String,
    en: String,
}

impl Text {
    fn of(w: Word) -> Self {
        Text { zh_cn: w.0.to_owned(), zh_hk: w.1.to_owned(), en: w.2.to_owned() }
    }

    fn localized(&self) -> LocalizedText {
        LocalizedText::new(&self.zh_cn, Some(&self.zh_hk), Some(&self.en))
    }
}

/// The Chinese way of writing `percent` off: 20 % off is 八折 ("pay eight tenths").
fn zhe(percent: u8) -> &'static str {
    match percent {
        10 => "九折",
        20 => "八折",
        30 => "七折",
        _ => "五折",
    }
}

/// What the benefit gives, and how the title says it.
fn offer(rng: &mut Rng, kind: Kind) -> (Gives, Text) {
    let roll = rng.below(100);
    let percent = *rng.pick(&[10u8, 20, 30, 50]);
    let yuan = rng.between(2, 12) * 5;
    let t = |zh_cn: String, zh_hk: String, en: String| Text { zh_cn, zh_hk, en };
    match kind {
        Kind::Medical => (Gives::PriorityService, Text::of(*rng.pick(PRIORITY_OFFERS))),
        Kind::Scenic if roll < 35 => (Gives::FreeEntry, Text::of(("免费入园", "免費入園", "free entry"))),
        Kind::Scenic if roll < 80 => (
            Gives::PercentOff { percent },
            t(format!("门票{}", zhe(percent)), format!("門票{}", zhe(percent)), format!("{percent}% off tickets")),
        ),
        Kind::Scenic => (
            Gives::FixedPrice { price_fen: u32::try_from(yuan * 100).unwrap_or(1000) },
            t(format!("特价门票{yuan}元"), format!("特價門票{yuan}元"), format!("tickets for ¥{yuan}")),
        ),
        Kind::Merchant if roll < 35 => (
            Gives::PercentOff { percent },
            t(format!("{}优惠", zhe(percent)), format!("{}優惠", zhe(percent)), format!("{percent}% off")),
        ),
        Kind::Merchant if roll < 60 => (
            Gives::AmountOff { amount_fen: u32::try_from(yuan * 100).unwrap_or(1000) },
            t(
                format!("满{}减{yuan}", yuan * 5),
                format!("滿{}減{yuan}", yuan * 5),
                format!("¥{yuan} off orders over ¥{}", yuan * 5),
            ),
        ),
        Kind::Merchant if roll < 75 => (
            Gives::FixedPrice { price_fen: u32::try_from(yuan * 100).unwrap_or(1000) },
            t(format!("人才专享价{yuan}元"), format!("人才專享價{yuan}元"), format!("talent price ¥{yuan}")),
        ),
        Kind::Merchant => {
            let (zh_cn, zh_hk, en) = *rng.pick(GIFTS);
            (Gives::Gift, t(format!("赠{zh_cn}"), format!("贈{zh_hk}"), format!("free {en}")))
        }
    }
}

fn quota(rng: &mut Rng) -> Quota {
    let limited = rng.chance(60);
    Quota {
        per_person_limit: limited.then(|| u32::try_from(rng.between(1, 4)).unwrap_or(1)),
        per_person_period: limited
            .then(|| *rng.pick(&[QuotaPeriod::Day, QuotaPeriod::Month, QuotaPeriod::Year, QuotaPeriod::Lifetime])),
        daily_stock: rng.chance(40).then(|| u32::try_from(rng.between(5, 200)).unwrap_or(10)),
    }
}

/// The quota in words, for the terms.
fn quota_text(q: &Quota) -> Text {
    match (q.per_person_limit, q.per_person_period) {
        (Some(n), Some(QuotaPeriod::Lifetime)) => Text {
            zh_cn: format!("每人限用{n}次"),
            zh_hk: format!("每人限用{n}次"),
            en: format!("{n} use(s) per person"),
        },
        (Some(n), Some(p)) => {
            let (zh, en) = match p {
                QuotaPeriod::Day => ("日", "day"),
                QuotaPeriod::Month => ("月", "month"),
                _ => ("年", "year"),
            };
            Text {
                zh_cn: format!("每人每{zh}限用{n}次"),
                zh_hk: format!("每人每{zh}限用{n}次"),
                en: format!("{n} use(s) per person per {en}"),
            }
        }
        _ => Text::of(("不限次数", "不限次數", "No usage limit")),
    }
}

/// The card rules: usually the partner's own district's scheme, often both.
fn eligibility(rng: &mut Rng, schemes: &[Scheme], district_id: i64) -> Vec<EligibilityRule> {
    let own = rng.chance(85);
    let both = rng.chance(40);
    let mut rules = Vec::with_capacity(2);
    for s in schemes {
        let is_own = s.district_id == district_id;
        if (is_own && own) || (!is_own && (both || !own)) {
            rules.push(EligibilityRule { scheme: s.code.clone(), min_tier: rng.pick(&s.tiers).clone() });
        }
    }
    rules
}

fn status(rng: &mut Rng) -> BenefitStatus {
    match rng.below(100) {
        0..88 => BenefitStatus::Published,
        88..92 => BenefitStatus::Paused,
        92..95 => BenefitStatus::Draft,
        95..97 => BenefitStatus::PendingReview,
        97..99 => BenefitStatus::Withdrawn,
        _ => BenefitStatus::Expired,
    }
}

/// Generates one benefit of a partner of `kind` in `district_id`.
pub(crate) fn benefit(
    rng: &mut Rng,
    kind: Kind,
    district_id: i64,
    schemes: &[Scheme],
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Synthetic, linan_shared::CodeError> {
    let place = Text::of(*rng.pick(PLACES));
    let venue = Text::of(*rng.pick(kind.venues()));
    let (gives, what) = offer(rng, kind);
    let (c1, c2) = (Text::of(*rng.pick(CONDITIONS)), Text::of(*rng.pick(CONDITIONS)));
    let quota = quota(rng);
    let q = quota_text(&quota);
    let title = Text {
        zh_cn: format!("{}{}{}", place.zh_cn, venue.zh_cn, what.zh_cn),
        zh_hk: format!("{}{}{}", place.zh_hk, venue.zh_hk, what.zh_hk),
        en: format!("{} {}: {}", place.en, venue.en, what.en),
    };
    let summary = Text {
        zh_cn: format!("凭人才码享{}，{}", what.zh_cn, c1.zh_cn),
        zh_hk: format!("憑人才碼享{}，{}", what.zh_hk, c1.zh_hk),
        en: format!("Show your talent code for {}; {}", what.en, c1.en),
    };
    let description = Text {
        zh_cn: format!(
            "{}{}面向荔湾区英才卡和优粤佛山卡持卡人推出专属礼遇：{}。{}，{}。",
            place.zh_cn, venue.zh_cn, what.zh_cn, c1.zh_cn, c2.zh_cn
        ),
        zh_hk: format!(
            "{}{}面向荔灣區英才卡和優粵佛山卡持卡人推出專屬禮遇：{}。{}，{}。",
            place.zh_hk, venue.zh_hk, what.zh_hk, c1.zh_hk, c2.zh_hk
        ),
        en: format!(
            "{} {} welcomes Liwan Talent Card and Youyue Foshan Card holders with {}. Conditions: {}; {}.",
            place.en, venue.en, what.en, c1.en, c2.en
        ),
    };
    let terms = Text {
        zh_cn: format!("{}；{}；请出示有效人才码及身份证件。", q.zh_cn, c2.zh_cn),
        zh_hk: format!("{}；{}；請出示有效人才碼及身份證件。", q.zh_hk, c2.zh_hk),
        en: format!("{}; {}. Bring a valid talent code and ID.", q.en, c2.en),
    };
    let from = if rng.chance(5) {
        today + Duration::days(rng.between(1, 60))
    } else {
        today - Duration::days(rng.between(0, 400))
    };
    let until = from + Duration::days(rng.between(30, 730));
    let status = status(rng);
    let published_at =
        (status == BenefitStatus::Published).then(|| now - Duration::milliseconds(rng.between(0, 365 * 86_400_000)));
    Ok(Synthetic {
        input: BenefitInput {
            category: CategoryCode::parse(kind.category())?,
            title: title.localized(),
            summary: summary.localized(),
            description: description.localized(),
            terms: terms.localized(),
            gives,
            quota,
            eligibility: eligibility(rng, schemes, district_id),
            validity: Validity { from: from_naive(from), until: from_naive(until) },
        },
        status,
        published_at,
    })
}
