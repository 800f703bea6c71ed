//! Forms as plain data: what a person has typed (strings, as typed), turned
//! into the shared model's input DTOs on submit, and the errors to show next
//! to each field.
//!
//! Keeping drafts free of the browser means their conversions and error
//! placement are tested natively, and the components only wire inputs to
//! [`OfferDraft::set`]-style calls.

mod error;
mod event;
pub mod money;
mod offer;
mod partner;

pub use error::{FormError, same_field};
pub use event::{EventDraft, EventField, EventText};
use linan_shared::{EligibilityRule, Lang, LocalizedText, SchemeCode, TierCode};
pub use offer::{GivesKind, OfferDraft, OfferField, TextPart};
pub use partner::{PartnerDraft, PartnerField};

/// Three texts, one per language, in [`Lang::ALL`] order.
pub type Texts = [String; 3];

/// The position of `lang` in [`Lang::ALL`] (and in [`Texts`]).
pub fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::ZhCn => 0,
        Lang::ZhHk => 1,
        Lang::En => 2,
    }
}

/// The typed texts as a [`LocalizedText`]: blank translations are left out
/// (the API then falls back to zh-CN); nothing else is changed.
pub fn localized(texts: &Texts) -> LocalizedText {
    let optional = |s: &String| if s.trim().is_empty() { None } else { Some(s.clone()) };
    LocalizedText { zh_cn: texts[0].clone(), zh_hk: optional(&texts[1]), en: optional(&texts[2]) }
}

/// The eligibility menus' values (scheme code → lowest tier code, empty:
/// not open to it) as rules, in menu order.
pub fn rules(tiers: &[(String, String)]) -> Result<Vec<EligibilityRule>, FormError> {
    let bad = |_| FormError::local("eligibility", crate::i18n::Key::HintChoose);
    tiers
        .iter()
        .filter(|(_, tier)| !tier.is_empty())
        .map(|(scheme, tier)| {
            Ok(EligibilityRule {
                scheme: SchemeCode::parse(scheme).map_err(bad)?,
                min_tier: TierCode::parse(tier).map_err(bad)?,
            })
        })
        .collect()
}

/// A [`LocalizedText`] as three input values.
pub fn texts_of(text: &LocalizedText) -> Texts {
    [text.zh_cn.clone(), text.zh_hk.clone().unwrap_or_default(), text.en.clone().unwrap_or_default()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_translations_are_left_out_and_markup_is_kept_verbatim() {
        let texts: Texts = ["<b>粗体</b>".into(), "  ".into(), "Bold".into()];
        let text = localized(&texts);
        assert_eq!(text, LocalizedText::new("<b>粗体</b>", None, Some("Bold")));
        assert_eq!(texts_of(&text), ["<b>粗体</b>".to_owned(), String::new(), "Bold".to_owned()]);
        assert_eq!(Lang::ALL.map(lang_index), [0, 1, 2]);
    }
}
