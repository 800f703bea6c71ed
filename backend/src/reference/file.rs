//! A reference file: the districts, categories, card schemes with their
//! tiers and the recognition rows of an alliance, as JSON, applied to a
//! database by code.
//!
//! Production never loads the demo, yet a catalogue cannot hold a partner
//! without a district, an offer without a category, or a card without a
//! scheme. `linan reference load` applies [`ReferenceFile::alliance`] (the
//! Liwan–Nanhai alliance's own data, `alliance.json`) or an operator's file;
//! the demo applies the same data through the same function. Categories are
//! data: a new one is a line in the file, with no code change.
//!
//! Applying is idempotent and additive: a row is found by its code, new rows
//! are inserted, names, order and tier ranks are updated, and nothing is
//! deleted (recognition rows are withdrawn through the admin API). What would
//! break issued cards — moving a scheme to another district or changing its
//! card number format — is refused. All in one transaction: a refused file
//! writes nothing.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use linan_shared::{CardNumberFormat, CategoryCode, CheckDigit, DistrictCode, LocalizedText, SchemeCode, TierCode};
use sea_orm::{ActiveModelTrait, ActiveValue::NotSet, ConnectionTrait, DbErr, Set};
use serde::Deserialize;

use super::Reference;
use crate::{
    catalogue::bump_version,
    entity::{card_scheme, card_tier, category, district, recognition},
};

/// The Liwan–Nanhai alliance's reference data.
const ALLIANCE_JSON: &str = include_str!("alliance.json");

/// The reference data of an alliance, as the file holds it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceFile {
    /// Member districts, in display order.
    pub districts: Vec<NamedEntry<DistrictCode>>,
    /// Benefit categories, in display order.
    pub categories: Vec<NamedEntry<CategoryCode>>,
    /// Card schemes with their tiers.
    pub schemes: Vec<SchemeEntry>,
    /// `(scheme, tier)` of one card counts as `(scheme, tier)` of another.
    #[serde(default)]
    pub recognition: Vec<RecognitionEntry>,
}

/// A district or a category: a code and its names.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedEntry<C> {
    /// The stable code.
    pub code: C,
    /// Names; zh-CN is required.
    pub name: LocalizedText,
}

/// A card scheme.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchemeEntry {
    /// The scheme's code, e.g. `youyue_foshan`.
    pub code: SchemeCode,
    /// The issuing district.
    pub district: DistrictCode,
    /// Names.
    pub name: LocalizedText,
    /// How its card numbers are written.
    pub card_numbers: CardNumbers,
    /// Its tiers; a higher rank is more senior.
    pub tiers: Vec<TierEntry>,
}

/// A scheme's card number format.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardNumbers {
    /// Upper-case letters every number starts with.
    pub prefix: String,
    /// Digits after the prefix.
    pub digits: u8,
    /// The check digit rule.
    pub check_digit: CheckDigit,
}

/// A tier of a scheme.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierEntry {
    /// The tier's code, e.g. `A`.
    pub code: TierCode,
    /// Its rank; unique within the scheme.
    pub rank: i32,
    /// Names.
    pub name: LocalizedText,
}

/// One recognition row.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecognitionEntry {
    /// The card's `[scheme, tier]`.
    pub from: (SchemeCode, TierCode),
    /// What it counts as.
    pub to: (SchemeCode, TierCode),
}

/// Why a reference file was refused.
#[derive(Debug, thiserror::Error)]
pub enum ReferenceFileError {
    /// Not JSON of the expected shape.
    #[error("the reference file is invalid: {0}")]
    Parse(#[from] serde_json::Error),
    /// It contradicts itself or the stored data.
    #[error("the reference file is refused: {0}")]
    Refused(String),
    /// The database failed.
    #[error("database error: {0}")]
    Database(#[from] DbErr),
}

/// What applying a file changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Applied {
    /// Rows inserted (districts, categories, schemes, tiers, recognition).
    pub added: usize,
    /// Rows whose names, order or rank changed.
    pub updated: usize,
}

impl ReferenceFile {
    /// The Liwan–Nanhai alliance's reference data, built in.
    pub fn alliance() -> Self {
        // A test pins that the built-in file parses and is consistent.
        Self::parse(ALLIANCE_JSON).unwrap_or_else(|e| unreachable!("built-in alliance.json: {e}"))
    }

    /// Parses and checks a file's text.
    pub fn parse(text: &str) -> Result<Self, ReferenceFileError> {
        let file: ReferenceFile = serde_json::from_str(text)?;
        file.check()?;
        Ok(file)
    }

    /// The rules that need no database: names, unique codes, formats, ranks.
    fn check(&self) -> Result<(), ReferenceFileError> {
        unique("district", self.districts.iter().map(|d| d.code.as_str()))?;
        unique("category", self.categories.iter().map(|c| c.code.as_str()))?;
        unique("scheme", self.schemes.iter().map(|s| s.code.as_str()))?;
        unique("card number prefix", self.schemes.iter().map(|s| s.card_numbers.prefix.as_str()))?;
        let names = self.districts.iter().map(|d| (d.code.as_str(), &d.name));
        let names = names.chain(self.categories.iter().map(|c| (c.code.as_str(), &c.name)));
        let names = names.chain(self.schemes.iter().map(|s| (s.code.as_str(), &s.name)));
        for (code, name) in names {
            if name.zh_cn.trim().is_empty() {
                return Err(refused(format!("`{code}` has no zh-CN name")));
            }
        }
        for s in &self.schemes {
            s.format()?;
            if s.tiers.is_empty() {
                return Err(refused(format!("scheme `{}` has no tiers", s.code)));
            }
            unique(&format!("tier of `{}`", s.code), s.tiers.iter().map(|t| t.code.as_str()))?;
            unique(&format!("tier rank of `{}`", s.code), s.tiers.iter().map(|t| t.rank.to_string()))?;
        }
        Ok(())
    }
}

impl SchemeEntry {
    fn format(&self) -> Result<CardNumberFormat, ReferenceFileError> {
        let n = &self.card_numbers;
        CardNumberFormat::new(&n.prefix, usize::from(n.digits), n.check_digit)
            .map_err(|e| refused(format!("scheme `{}`: {e}", self.code)))
    }
}

fn refused(why: String) -> ReferenceFileError {
    ReferenceFileError::Refused(why)
}

fn unique<S: AsRef<str>>(what: &str, codes: impl Iterator<Item = S>) -> Result<(), ReferenceFileError> {
    let mut seen = BTreeSet::new();
    for code in codes {
        if !seen.insert(code.as_ref().to_owned()) {
            return Err(refused(format!("{what} `{}` appears twice", code.as_ref())));
        }
    }
    Ok(())
}

/// Applies `file` inside the caller's transaction `txn` and moves the
/// catalogue version when anything changed, so every replica reloads.
pub async fn apply(
    txn: &impl ConnectionTrait,
    file: &ReferenceFile,
    now: DateTime<Utc>,
) -> Result<Applied, ReferenceFileError> {
    let mut applied = Applied::default();
    let before = Reference::load(txn).await?;
    for (position, d) in (0_i32..).zip(&file.districts) {
        let row = before.district_by_code(d.code.as_str());
        let changed = row.is_none_or(|r| r.name() != d.name || r.position != position);
        if let Some(r) = row.filter(|_| changed) {
            let mut m: district::ActiveModel = r.clone().into();
            (m.name_zh_cn, m.name_zh_hk, m.name_en) = columns(&d.name);
            m.position = Set(position);
            m.update(txn).await?;
            applied.updated += 1;
        } else if row.is_none() {
            let (name_zh_cn, name_zh_hk, name_en) = columns(&d.name);
            let code = Set(d.code.to_string());
            district::ActiveModel { id: NotSet, code, name_zh_cn, name_zh_hk, name_en, position: Set(position) }
                .insert(txn)
                .await?;
            applied.added += 1;
        }
    }
    for (position, c) in (0_i32..).zip(&file.categories) {
        let row = before.category_by_code(c.code.as_str());
        let changed = row.is_none_or(|r| r.name() != c.name || r.position != position);
        if let Some(r) = row.filter(|_| changed) {
            let mut m: category::ActiveModel = r.clone().into();
            (m.name_zh_cn, m.name_zh_hk, m.name_en) = columns(&c.name);
            m.position = Set(position);
            m.update(txn).await?;
            applied.updated += 1;
        } else if row.is_none() {
            let (name_zh_cn, name_zh_hk, name_en) = columns(&c.name);
            let code = Set(c.code.to_string());
            category::ActiveModel { id: NotSet, code, name_zh_cn, name_zh_hk, name_en, position: Set(position) }
                .insert(txn)
                .await?;
            applied.added += 1;
        }
    }
    let with_districts = Reference::load(txn).await?;
    for s in &file.schemes {
        let scheme_id = apply_scheme(txn, &with_districts, s, &mut applied).await?;
        for t in &s.tiers {
            let row = with_districts.tier_by_code(scheme_id, t.code.as_str());
            if let Some(r) = row.filter(|r| r.name() != t.name || r.rank != t.rank) {
                let mut m: card_tier::ActiveModel = r.clone().into();
                (m.name_zh_cn, m.name_zh_hk, m.name_en) = columns(&t.name);
                m.rank = Set(t.rank);
                m.update(txn).await?;
                applied.updated += 1;
            } else if row.is_none() {
                let (name_zh_cn, name_zh_hk, name_en) = columns(&t.name);
                card_tier::ActiveModel {
                    id: NotSet,
                    scheme_id: Set(scheme_id),
                    code: Set(t.code.to_string()),
                    rank: Set(t.rank),
                    name_zh_cn,
                    name_zh_hk,
                    name_en,
                }
                .insert(txn)
                .await?;
                applied.added += 1;
            }
        }
    }
    let after = Reference::load(txn).await?;
    stored_rules_hold(&after)?;
    let tier_id = |(scheme, tier): &(SchemeCode, TierCode)| {
        after
            .scheme_by_code(scheme.as_str())
            .and_then(|s| after.tier_by_code(s.id, tier.as_str()))
            .map(|t| t.id)
            .ok_or_else(|| refused(format!("recognition names the unknown tier `{scheme}`/`{tier}`")))
    };
    for r in &file.recognition {
        if r.from.0 == r.to.0 {
            return Err(refused(format!("recognition within the one scheme `{}`", r.from.0)));
        }
        let (from, to) = (tier_id(&r.from)?, tier_id(&r.to)?);
        let open_ended = |x: &recognition::Model| x.valid_from.is_none() && x.valid_until.is_none();
        if after.recognition.iter().any(|x| x.from_tier_id == from && x.to_tier_id == to && open_ended(x)) {
            continue;
        }
        recognition::ActiveModel {
            id: NotSet,
            from_tier_id: Set(from),
            to_tier_id: Set(to),
            valid_from: Set(None),
            valid_until: Set(None),
            created_at: Set(now),
        }
        .insert(txn)
        .await?;
        applied.added += 1;
    }
    if applied != Applied::default() {
        bump_version(txn).await?;
    }
    Ok(applied)
}

/// Inserts the scheme or updates its names; returns its id.
async fn apply_scheme(
    txn: &impl ConnectionTrait,
    reference: &Reference,
    s: &SchemeEntry,
    applied: &mut Applied,
) -> Result<i64, ReferenceFileError> {
    let district = reference
        .district_by_code(s.district.as_str())
        .ok_or_else(|| refused(format!("scheme `{}` names the unknown district `{}`", s.code, s.district)))?;
    let format = s.format()?;
    let Some(row) = reference.scheme_by_code(s.code.as_str()) else {
        let (name_zh_cn, name_zh_hk, name_en) = columns(&s.name);
        let inserted = card_scheme::ActiveModel {
            id: NotSet,
            code: Set(s.code.to_string()),
            district_id: Set(district.id),
            name_zh_cn,
            name_zh_hk,
            name_en,
            number_prefix: Set(Some(format.prefix().to_owned())),
            number_digits: Set(i32::try_from(format.digits()).ok()),
            check_digit: Set(format.check_digit().as_str().to_owned()),
        }
        .insert(txn)
        .await?;
        applied.added += 1;
        return Ok(inserted.id);
    };
    if row.district_id != district.id {
        return Err(refused(format!("scheme `{}` belongs to another district; moving it is refused", s.code)));
    }
    let stored = (row.number_prefix.as_deref(), row.number_digits, row.check_digit.as_str());
    let wanted = (Some(format.prefix()), i32::try_from(format.digits()).ok(), format.check_digit().as_str());
    if stored != wanted {
        return Err(refused(format!(
            "scheme `{}`: its card number format cannot change (its cards were issued under it)",
            s.code
        )));
    }
    if row.name() != s.name {
        let mut m: card_scheme::ActiveModel = row.clone().into();
        (m.name_zh_cn, m.name_zh_hk, m.name_en) = columns(&s.name);
        m.update(txn).await?;
        applied.updated += 1;
    }
    Ok(row.id)
}

/// What must hold over the stored rows and the file together: one scheme
/// per prefix, one rank per tier of a scheme.
fn stored_rules_hold(reference: &Reference) -> Result<(), ReferenceFileError> {
    unique("card number prefix", reference.schemes.iter().filter_map(|s| s.number_prefix.clone()))?;
    for s in &reference.schemes {
        unique(&format!("tier rank of `{}`", s.code), reference.tiers_of(s.id).map(|t| t.rank.to_string()))?;
    }
    Ok(())
}

type TextColumns =
    (sea_orm::ActiveValue<String>, sea_orm::ActiveValue<Option<String>>, sea_orm::ActiveValue<Option<String>>);

fn columns(t: &LocalizedText) -> TextColumns {
    (Set(t.zh_cn.clone()), Set(t.zh_hk.clone()), Set(t.en.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_alliance_file_parses_and_holds_four_categories() {
        let file = ReferenceFile::alliance();
        let codes: Vec<&str> = file.categories.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes, ["medical_green_channel", "scenic_discount", "merchant_offer", "government_service"]);
        assert_eq!(file.districts.len(), 2);
        assert_eq!(file.schemes.len(), 2);
    }

    #[test]
    fn a_file_that_contradicts_itself_is_refused_with_the_reason() {
        let alliance: serde_json::Value = serde_json::from_str(ALLIANCE_JSON).unwrap();
        let refused_for = |edit: &dyn Fn(&mut serde_json::Value)| {
            let mut v = alliance.clone();
            edit(&mut v);
            ReferenceFile::parse(&v.to_string()).unwrap_err().to_string()
        };
        assert!(refused_for(&|v| v["categories"][1]["code"] = "medical_green_channel".into()).contains("twice"));
        assert!(refused_for(&|v| v["districts"][0]["name"]["zh-CN"] = " ".into()).contains("no zh-CN name"));
        assert!(refused_for(&|v| v["schemes"][1]["card_numbers"]["prefix"] = "LW".into()).contains("prefix"));
        assert!(refused_for(&|v| v["schemes"][0]["tiers"][1]["rank"] = 3.into()).contains("rank"));
        assert!(refused_for(&|v| v["schemes"][0]["card_numbers"]["digits"] = 2.into()).contains("4-24 digits"));
        assert!(refused_for(&|v| v["categories"][0]["code"] = "Not A Code".into()).contains("invalid"));
        assert!(refused_for(&|v| v["colour"] = "red".into()).contains("unknown field"));
    }
}
