//! The offer form: [`OfferDraft`] holds what was typed, [`OfferField`] names
//! each input (and its path in [`BenefitInput`], for error placement).

use linan_shared::{BenefitInput, CategoryCode, Date, Gives, Lang, Quota, QuotaPeriod, Validity, yuan};

use super::money::parse_yuan;
use super::{FormError, Texts, lang_index, localized, rules, texts_of};
use crate::i18n::Key;

/// The four texts of an offer, each in three languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextPart {
    /// Title.
    Title,
    /// One-line summary.
    Summary,
    /// Longer description.
    Description,
    /// Terms and conditions.
    Terms,
}

impl TextPart {
    /// All four, in form order.
    pub const ALL: [TextPart; 4] = [TextPart::Title, TextPart::Summary, TextPart::Description, TextPart::Terms];

    /// The field name in [`BenefitInput`].
    pub fn name(self) -> &'static str {
        match self {
            TextPart::Title => "title",
            TextPart::Summary => "summary",
            TextPart::Description => "description",
            TextPart::Terms => "terms",
        }
    }

    /// The label of its group of inputs.
    pub fn label(self) -> Key {
        match self {
            TextPart::Title => Key::FieldTitle,
            TextPart::Summary => Key::FieldSummary,
            TextPart::Description => Key::FieldDescription,
            TextPart::Terms => Key::FieldTerms,
        }
    }

    /// Its position in [`TextPart::ALL`] (and in [`OfferDraft::texts`]).
    pub fn index(self) -> usize {
        match self {
            TextPart::Title => 0,
            TextPart::Summary => 1,
            TextPart::Description => 2,
            TextPart::Terms => 3,
        }
    }

    /// Whether it is long enough for a multi-line input.
    pub fn multiline(self) -> bool {
        matches!(self, TextPart::Description | TextPart::Terms)
    }
}

/// What an offer gives, without its amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GivesKind {
    /// A percentage off.
    PercentOff,
    /// An amount off.
    AmountOff,
    /// A special price.
    FixedPrice,
    /// Free entry.
    FreeEntry,
    /// Priority service.
    PriorityService,
    /// A gift.
    Gift,
}

impl GivesKind {
    /// All kinds, in menu order.
    pub const ALL: [GivesKind; 6] = [
        GivesKind::PercentOff,
        GivesKind::AmountOff,
        GivesKind::FixedPrice,
        GivesKind::FreeEntry,
        GivesKind::PriorityService,
        GivesKind::Gift,
    ];

    /// The `kind` tag of [`Gives`].
    pub fn code(self) -> &'static str {
        match self {
            GivesKind::PercentOff => "percent_off",
            GivesKind::AmountOff => "amount_off",
            GivesKind::FixedPrice => "fixed_price",
            GivesKind::FreeEntry => "free_entry",
            GivesKind::PriorityService => "priority_service",
            GivesKind::Gift => "gift",
        }
    }

    /// The kind of a code.
    pub fn from_code(code: &str) -> Option<GivesKind> {
        GivesKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The kind of what an offer gives, and its amount as typed.
    pub fn of(gives: &Gives) -> (GivesKind, String) {
        match gives {
            Gives::PercentOff { percent } => (GivesKind::PercentOff, percent.to_string()),
            Gives::AmountOff { amount_fen } => (GivesKind::AmountOff, yuan(*amount_fen)),
            Gives::FixedPrice { price_fen } => (GivesKind::FixedPrice, yuan(*price_fen)),
            Gives::FreeEntry => (GivesKind::FreeEntry, String::new()),
            Gives::PriorityService => (GivesKind::PriorityService, String::new()),
            Gives::Gift => (GivesKind::Gift, String::new()),
        }
    }

    /// Its menu label.
    pub fn label(self) -> Key {
        match self {
            GivesKind::PercentOff => Key::GivesPercentOff,
            GivesKind::AmountOff => Key::GivesAmountOff,
            GivesKind::FixedPrice => Key::GivesFixedPrice,
            GivesKind::FreeEntry => Key::GivesFreeEntry,
            GivesKind::PriorityService => Key::GivesPriority,
            GivesKind::Gift => Key::GivesGift,
        }
    }

    /// The label of its amount input, when it has one.
    pub fn value_label(self) -> Option<Key> {
        match self {
            GivesKind::PercentOff => Some(Key::FieldPercent),
            GivesKind::AmountOff => Some(Key::FieldAmountYuan),
            GivesKind::FixedPrice => Some(Key::FieldPriceYuan),
            _ => None,
        }
    }

    /// The path of its amount in [`BenefitInput`].
    pub fn value_path(self) -> &'static str {
        match self {
            GivesKind::PercentOff => "gives.percent",
            GivesKind::AmountOff => "gives.amount_fen",
            GivesKind::FixedPrice => "gives.price_fen",
            _ => "gives",
        }
    }
}

/// One input of the offer form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OfferField {
    /// The category menu.
    Category,
    /// One language of one text.
    Text(TextPart, Lang),
    /// What it gives.
    GivesKind,
    /// The percentage or amount.
    GivesValue,
    /// Uses per person.
    QuotaLimit,
    /// The period of the per-person limit.
    QuotaPeriod,
    /// Places a day.
    DailyStock,
    /// The lowest tier of a card scheme that qualifies (empty: the scheme does not).
    Tier(String),
    /// First day.
    ValidFrom,
    /// Last day.
    ValidUntil,
}

impl OfferField {
    /// The field's path in [`BenefitInput`], as the API names it in errors.
    pub fn path(&self, gives: GivesKind) -> String {
        match self {
            OfferField::Category => "category".to_owned(),
            OfferField::Text(part, lang) => format!("{}.{}", part.name(), lang.tag()),
            OfferField::GivesKind => "gives".to_owned(),
            OfferField::GivesValue => gives.value_path().to_owned(),
            OfferField::QuotaLimit => "quota.per_person_limit".to_owned(),
            OfferField::QuotaPeriod => "quota.per_person_period".to_owned(),
            OfferField::DailyStock => "quota.daily_stock".to_owned(),
            OfferField::Tier(_) => "eligibility".to_owned(),
            OfferField::ValidFrom => "validity.from".to_owned(),
            OfferField::ValidUntil => "validity.until".to_owned(),
        }
    }
}

/// The offer form's values, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferDraft {
    /// Category code.
    pub category: String,
    /// Title, summary, description and terms, in [`TextPart::ALL`] order.
    pub texts: [Texts; 4],
    /// What it gives.
    pub gives: GivesKind,
    /// Its percentage or amount in yuan.
    pub gives_value: String,
    /// Uses per person, or empty.
    pub quota_limit: String,
    /// `day`, `month`, `year`, `lifetime`, or empty.
    pub quota_period: String,
    /// Places a day, or empty.
    pub daily_stock: String,
    /// Scheme code → lowest qualifying tier code (empty: not open to it).
    pub tiers: Vec<(String, String)>,
    /// `YYYY-MM-DD`.
    pub valid_from: String,
    /// `YYYY-MM-DD`.
    pub valid_until: String,
}

impl OfferDraft {
    /// An empty form valid from `from` until `until`.
    pub fn new(from: &str, until: &str) -> Self {
        OfferDraft {
            category: String::new(),
            texts: Default::default(),
            gives: GivesKind::PercentOff,
            gives_value: String::new(),
            quota_limit: String::new(),
            quota_period: String::new(),
            daily_stock: String::new(),
            tiers: Vec::new(),
            valid_from: from.to_owned(),
            valid_until: until.to_owned(),
        }
    }

    /// The form filled with an existing offer.
    pub fn from_input(input: &BenefitInput) -> Self {
        let (gives, gives_value) = GivesKind::of(&input.gives);
        let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
        OfferDraft {
            category: input.category.to_string(),
            texts: [&input.title, &input.summary, &input.description, &input.terms].map(texts_of),
            gives,
            gives_value,
            quota_limit: number(input.quota.per_person_limit),
            quota_period: input.quota.per_person_period.map(|p| p.as_str().to_owned()).unwrap_or_default(),
            daily_stock: number(input.quota.daily_stock),
            tiers: input.eligibility.iter().map(|r| (r.scheme.to_string(), r.min_tier.to_string())).collect(),
            valid_from: input.validity.from.to_string(),
            valid_until: input.validity.until.to_string(),
        }
    }

    /// The value of one input.
    pub fn get(&self, field: &OfferField) -> &str {
        match field {
            OfferField::Category => &self.category,
            OfferField::Text(part, lang) => &self.texts[part.index()][lang_index(*lang)],
            OfferField::GivesKind => self.gives.code(),
            OfferField::GivesValue => &self.gives_value,
            OfferField::QuotaLimit => &self.quota_limit,
            OfferField::QuotaPeriod => &self.quota_period,
            OfferField::DailyStock => &self.daily_stock,
            OfferField::Tier(scheme) => {
                self.tiers.iter().find(|(s, _)| s == scheme).map(|(_, t)| t.as_str()).unwrap_or_default()
            }
            OfferField::ValidFrom => &self.valid_from,
            OfferField::ValidUntil => &self.valid_until,
        }
    }

    /// Sets one input's value.
    pub fn set(&mut self, field: &OfferField, value: String) {
        match field {
            OfferField::Category => self.category = value,
            OfferField::Text(part, lang) => self.texts[part.index()][lang_index(*lang)] = value,
            OfferField::GivesKind => {
                if let Some(kind) = GivesKind::from_code(&value) {
                    self.gives = kind;
                }
            }
            OfferField::GivesValue => self.gives_value = value,
            OfferField::QuotaLimit => self.quota_limit = value,
            OfferField::QuotaPeriod => self.quota_period = value,
            OfferField::DailyStock => self.daily_stock = value,
            OfferField::Tier(scheme) => match self.tiers.iter_mut().find(|(s, _)| s == scheme) {
                Some((_, tier)) => *tier = value,
                None => self.tiers.push((scheme.clone(), value)),
            },
            OfferField::ValidFrom => self.valid_from = value,
            OfferField::ValidUntil => self.valid_until = value,
        }
    }

    /// The offer to send, or the first field that cannot be one.
    pub fn to_input(&self) -> Result<BenefitInput, FormError> {
        let category =
            CategoryCode::parse(&self.category).map_err(|_| FormError::local("category", Key::HintChoose))?;
        let [title, summary, description, terms] = self.texts.each_ref().map(localized);
        let gives = self.gives()?;
        let quota = Quota {
            per_person_limit: count(&self.quota_limit, "quota.per_person_limit")?,
            per_person_period: match self.quota_period.as_str() {
                "" => None,
                code => Some(
                    QuotaPeriod::from_code(code)
                        .ok_or_else(|| FormError::local("quota.per_person_period", Key::HintChoose))?,
                ),
            },
            daily_stock: count(&self.daily_stock, "quota.daily_stock")?,
        };
        let eligibility = rules(&self.tiers)?;
        if eligibility.is_empty() {
            return Err(FormError::local("eligibility", Key::HintEligibility));
        }
        let date = |text: &str, path| Date::parse(text.trim()).map_err(|_| FormError::local(path, Key::HintDate));
        let validity = Validity {
            from: date(&self.valid_from, "validity.from")?,
            until: date(&self.valid_until, "validity.until")?,
        };
        let input = BenefitInput { category, title, summary, description, terms, gives, quota, eligibility, validity };
        input.validate().map_err(|e| FormError::from_field(&e))?;
        Ok(input)
    }

    fn gives(&self) -> Result<Gives, FormError> {
        let path = self.gives.value_path();
        Ok(match self.gives {
            GivesKind::PercentOff => Gives::PercentOff {
                percent: self.gives_value.trim().parse().map_err(|_| FormError::local(path, Key::HintPercent))?,
            },
            GivesKind::AmountOff => Gives::AmountOff {
                amount_fen: parse_yuan(&self.gives_value).ok_or_else(|| FormError::local(path, Key::HintYuan))?,
            },
            GivesKind::FixedPrice => Gives::FixedPrice {
                price_fen: parse_yuan(&self.gives_value).ok_or_else(|| FormError::local(path, Key::HintYuan))?,
            },
            GivesKind::FreeEntry => Gives::FreeEntry,
            GivesKind::PriorityService => Gives::PriorityService,
            GivesKind::Gift => Gives::Gift,
        })
    }
}

/// An optional whole number of at least 1.
fn count(text: &str, path: &str) -> Result<Option<u32>, FormError> {
    match text.trim() {
        "" => Ok(None),
        n => n.parse().ok().filter(|n| *n > 0).map(Some).ok_or_else(|| FormError::local(path, Key::HintCount)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> OfferDraft {
        let mut draft = OfferDraft::new("2026-01-01", "2026-12-31");
        draft.set(&OfferField::Category, "merchant_offer".into());
        for part in TextPart::ALL {
            draft.set(&OfferField::Text(part, Lang::ZhCn), format!("<b>{}</b><script>alert(1)</script>", part.name()));
        }
        draft.set(&OfferField::Text(TextPart::Title, Lang::En), "Tea".into());
        draft.set(&OfferField::GivesValue, "20".into());
        draft.set(&OfferField::Tier("liwan_talent".into()), "C".into());
        draft
    }

    #[test]
    fn a_filled_form_becomes_the_offer_with_texts_verbatim() {
        let input = filled().to_input().unwrap();
        assert_eq!(input.title.zh_cn, "<b>title</b><script>alert(1)</script>");
        assert_eq!(input.title.en.as_deref(), Some("Tea"));
        assert_eq!(input.title.zh_hk, None);
        assert_eq!(input.gives, Gives::PercentOff { percent: 20 });
        assert_eq!(input.eligibility.len(), 1);
        assert_eq!(OfferDraft::from_input(&input).to_input().unwrap(), input, "the form round-trips");
    }

    #[test]
    fn each_problem_names_the_field_it_belongs_to() {
        let mut draft = filled();
        draft.set(&OfferField::GivesValue, "abc".into());
        assert!(draft.to_input().unwrap_err().is_for("gives.percent"));
        draft.set(&OfferField::GivesKind, "amount_off".into());
        draft.set(&OfferField::GivesValue, "12.345".into());
        assert!(draft.to_input().unwrap_err().is_for("gives.amount_fen"));
        draft.set(&OfferField::GivesValue, "12.5".into());
        assert_eq!(draft.to_input().unwrap().gives, Gives::AmountOff { amount_fen: 1250 });
        draft.set(&OfferField::Tier("liwan_talent".into()), String::new());
        assert!(draft.to_input().unwrap_err().is_for("eligibility"));
        let mut draft = filled();
        draft.set(&OfferField::ValidUntil, "2025-12-31".into());
        let error = draft.to_input().unwrap_err();
        assert!(error.is_for("validity.until"), "{error:?}");
        let mut draft = filled();
        draft.set(&OfferField::Text(TextPart::Summary, Lang::ZhCn), " ".into());
        assert!(draft.to_input().unwrap_err().is_for("summary.zh-CN"));
        let mut draft = filled();
        draft.set(&OfferField::QuotaLimit, "0".into());
        assert!(draft.to_input().unwrap_err().is_for("quota.per_person_limit"));
    }

    #[test]
    fn every_field_reads_back_what_was_set() {
        let mut draft = OfferDraft::new("", "");
        let fields = [
            OfferField::Category,
            OfferField::Text(TextPart::Terms, Lang::ZhHk),
            OfferField::GivesValue,
            OfferField::QuotaLimit,
            OfferField::QuotaPeriod,
            OfferField::DailyStock,
            OfferField::Tier("youyue_foshan".into()),
            OfferField::ValidFrom,
            OfferField::ValidUntil,
        ];
        for (i, field) in fields.iter().enumerate() {
            draft.set(field, format!("v{i}"));
            assert_eq!(draft.get(field), format!("v{i}"), "{field:?}");
        }
        draft.set(&OfferField::GivesKind, "gift".into());
        assert_eq!(draft.get(&OfferField::GivesKind), "gift");
        draft.set(&OfferField::GivesKind, "bogus".into());
        assert_eq!(draft.gives, GivesKind::Gift, "unknown kinds are ignored");
    }
}
