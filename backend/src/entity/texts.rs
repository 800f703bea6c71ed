//! The per-language columns of a table as one [`LocalizedText`].
//!
//! A text stored as `*_zh_cn`, `*_zh_hk` and `*_en` columns is read through
//! its accessor here (`benefit.title()`, `partner.name()`, …) and a language
//! is picked with [`LocalizedText::get`], so the fallback rule (the wanted
//! language unless missing or blank, else zh-CN) lives in one place.

use linan_shared::LocalizedText;

use super::{benefit, card_scheme, card_tier, category, district, event, partner};

/// Implements one accessor per text: `name: (zh_cn, zh_hk, en)` columns.
macro_rules! texts {
    ($($model:ty { $($name:ident: ($zh_cn:ident, $zh_hk:ident, $en:ident)),+ $(,)? })+) => {
        $(impl $model {
            $(
                #[doc = concat!("The `", stringify!($name), "` columns as one text.")]
                pub fn $name(&self) -> LocalizedText {
                    LocalizedText::new(&self.$zh_cn, self.$zh_hk.as_deref(), self.$en.as_deref())
                }
            )+
        })+
    };
}

texts! {
    benefit::Model {
        title: (title_zh_cn, title_zh_hk, title_en),
        summary: (summary_zh_cn, summary_zh_hk, summary_en),
        description: (description_zh_cn, description_zh_hk, description_en),
        terms: (terms_zh_cn, terms_zh_hk, terms_en),
    }
    partner::Model {
        name: (name_zh_cn, name_zh_hk, name_en),
        address: (address_zh_cn, address_zh_hk, address_en),
    }
    event::Model {
        title: (title_zh_cn, title_zh_hk, title_en),
        summary: (summary_zh_cn, summary_zh_hk, summary_en),
        description: (description_zh_cn, description_zh_hk, description_en),
        agenda: (agenda_zh_cn, agenda_zh_hk, agenda_en),
    }
    district::Model { name: (name_zh_cn, name_zh_hk, name_en) }
    category::Model { name: (name_zh_cn, name_zh_hk, name_en) }
    card_scheme::Model { name: (name_zh_cn, name_zh_hk, name_en) }
    card_tier::Model { name: (name_zh_cn, name_zh_hk, name_en) }
}

#[cfg(test)]
mod tests {
    use linan_shared::Lang;

    use super::*;

    fn district(zh_hk: Option<&str>, en: Option<&str>) -> district::Model {
        district::Model {
            id: 1,
            code: "liwan".into(),
            name_zh_cn: "荔湾".into(),
            name_zh_hk: zh_hk.map(Into::into),
            name_en: en.map(Into::into),
            position: 1,
        }
    }

    #[test]
    fn a_language_with_its_own_text_gets_it() {
        let d = district(Some("荔灣"), Some("Liwan"));
        assert_eq!(d.name().get(Lang::ZhCn), "荔湾");
        assert_eq!(d.name().get(Lang::ZhHk), "荔灣");
        assert_eq!(d.name().get(Lang::En), "Liwan");
    }

    #[test]
    fn a_missing_or_blank_text_falls_back_to_simplified_chinese() {
        let d = district(None, Some("  "));
        assert_eq!(d.name().get(Lang::ZhHk), "荔湾");
        assert_eq!(d.name().get(Lang::En), "荔湾");
        let d = district(Some(""), None);
        assert_eq!(d.name().get(Lang::ZhHk), "荔湾");
    }
}
