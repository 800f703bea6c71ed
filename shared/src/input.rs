//! What a partner writes: the input DTOs of partners and benefits.
//!
//! The demo seed and the test fixtures go through the same service functions
//! with these types that the merchant API will accept, so there is one
//! definition of "a valid offer".

use std::fmt;

use crate::{
    CategoryCode, DistrictCode, EligibilityRule, GeoPoint, Gives, LocalizedText, PartnerKind, Quota, Validity,
};

/// Longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 80;
/// Longest summary, in characters.
pub const MAX_SUMMARY_CHARS: usize = 200;
/// Longest description or terms, in characters.
pub const MAX_LONG_TEXT_CHARS: usize = 4000;
/// Most eligibility rules one offer may have (each names another scheme).
pub const MAX_ELIGIBILITY_RULES: usize = 20;

/// A field that does not hold a valid value, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// Dotted path of the field, e.g. `title.en`.
    pub field: String,
    /// Why it was refused.
    pub message: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for FieldError {}

pub(crate) fn field_error(field: impl Into<String>, message: impl Into<String>) -> FieldError {
    FieldError { field: field.into(), message: message.into() }
}

pub(crate) fn check_text(name: &str, text: &LocalizedText, max: usize) -> Result<(), FieldError> {
    if text.zh_cn.trim().is_empty() {
        return Err(field_error(format!("{name}.zh-CN"), "is required"));
    }
    for (tag, value) in [("zh-CN", Some(&text.zh_cn)), ("zh-HK", text.zh_hk.as_ref()), ("en", text.en.as_ref())] {
        if value.is_some_and(|v| v.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))) {
            return Err(field_error(format!("{name}.{tag}"), "must not contain control characters"));
        }
        if value.is_some_and(|v| v.chars().count() > max) {
            return Err(field_error(format!("{name}.{tag}"), format!("at most {max} characters")));
        }
    }
    Ok(())
}

/// A partner organisation as registered.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerInput {
    /// Name in the three languages (zh-CN required).
    pub name: LocalizedText,
    /// Hospital, scenic spot, merchant or government service centre.
    pub kind: PartnerKind,
    /// District the partner belongs to.
    pub district: DistrictCode,
    /// Address in the three languages (zh-CN required).
    pub address: LocalizedText,
    /// Location.
    pub location: GeoPoint,
    /// Public contact phone.
    #[serde(default)]
    pub phone: Option<String>,
}

impl PartnerInput {
    /// Checks what the types cannot: required and bounded texts.
    pub fn validate(&self) -> Result<(), FieldError> {
        check_text("name", &self.name, MAX_TITLE_CHARS)?;
        check_text("address", &self.address, MAX_SUMMARY_CHARS)?;
        if self.phone.as_ref().is_some_and(|p| p.chars().count() > 40) {
            return Err(field_error("phone", "at most 40 characters"));
        }
        Ok(())
    }
}

/// A benefit (offer) as a partner writes it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BenefitInput {
    /// Category code.
    pub category: CategoryCode,
    /// Title (zh-CN required).
    pub title: LocalizedText,
    /// One-line summary (zh-CN required).
    pub summary: LocalizedText,
    /// Longer description (zh-CN required).
    pub description: LocalizedText,
    /// Terms and conditions (zh-CN required).
    pub terms: LocalizedText,
    /// What it gives.
    pub gives: Gives,
    /// How often it may be used.
    #[serde(default)]
    pub quota: Quota,
    /// Cards it is open to; at least one rule.
    pub eligibility: Vec<EligibilityRule>,
    /// When it can be used.
    pub validity: Validity,
}

impl BenefitInput {
    /// Checks what the types cannot: texts, amounts, quota and window.
    ///
    /// ```
    /// # use linan_shared::*;
    /// # let text = LocalizedText::new("免费入园", None, None);
    /// let mut input = BenefitInput {
    ///     category: CategoryCode::parse("scenic_discount").unwrap(),
    ///     title: text.clone(), summary: text.clone(), description: text.clone(), terms: text,
    ///     gives: Gives::PercentOff { percent: 0 },
    ///     quota: Quota::default(),
    ///     eligibility: vec![EligibilityRule { scheme: SchemeCode::parse("liwan_talent").unwrap(), min_tier: TierCode::parse("C").unwrap() }],
    ///     validity: Validity { from: Date::parse("2026-01-01").unwrap(), until: Date::parse("2026-12-31").unwrap() },
    /// };
    /// assert_eq!(input.validate().unwrap_err().field, "gives.percent");
    /// input.gives = Gives::FreeEntry;
    /// assert!(input.validate().is_ok());
    /// ```
    pub fn validate(&self) -> Result<(), FieldError> {
        check_text("title", &self.title, MAX_TITLE_CHARS)?;
        check_text("summary", &self.summary, MAX_SUMMARY_CHARS)?;
        check_text("description", &self.description, MAX_LONG_TEXT_CHARS)?;
        check_text("terms", &self.terms, MAX_LONG_TEXT_CHARS)?;
        match self.gives {
            Gives::PercentOff { percent } if !(1..=100).contains(&percent) => {
                return Err(field_error("gives.percent", "must be from 1 to 100"));
            }
            Gives::AmountOff { amount_fen: 0 } => return Err(field_error("gives.amount_fen", "must be above 0")),
            _ => {}
        }
        match (self.quota.per_person_limit, self.quota.per_person_period) {
            (Some(0), _) => return Err(field_error("quota.per_person_limit", "must be above 0")),
            (Some(_), None) => {
                return Err(field_error("quota.per_person_period", "is required with a per-person limit"));
            }
            (None, Some(_)) => return Err(field_error("quota.per_person_limit", "is required with a period")),
            _ => {}
        }
        if self.quota.daily_stock == Some(0) {
            return Err(field_error("quota.daily_stock", "must be above 0"));
        }
        if self.eligibility.is_empty() {
            return Err(field_error("eligibility", "needs at least one card scheme"));
        }
        // Before the duplicate check below, whose work grows with the square of the count.
        if self.eligibility.len() > MAX_ELIGIBILITY_RULES {
            return Err(field_error(
                "eligibility",
                format!("at most {MAX_ELIGIBILITY_RULES} rules (one per card scheme)"),
            ));
        }
        for (i, rule) in self.eligibility.iter().enumerate() {
            if self.eligibility[..i].iter().any(|r| r.scheme == rule.scheme) {
                return Err(field_error(format!("eligibility[{i}].scheme"), "is listed twice"));
            }
        }
        if self.validity.until < self.validity.from {
            return Err(field_error("validity.until", "is before validity.from"));
        }
        Ok(())
    }
}
