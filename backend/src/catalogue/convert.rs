//! Language columns of stored rows as the shared model's texts.

use linan_shared::{Lang, LocalizedText};

/// The three language columns of one text as a [`LocalizedText`].
pub fn text(zh_cn: &str, zh_hk: Option<&str>, en: Option<&str>) -> LocalizedText {
    LocalizedText::new(zh_cn, zh_hk, en)
}

/// Picks one language of three columns, falling back to zh-CN: the rule of
/// [`LocalizedText::get`], over borrowed columns.
pub(crate) fn pick<'a>(lang: Lang, zh_cn: &'a str, zh_hk: Option<&'a str>, en: Option<&'a str>) -> &'a str {
    LocalizedText::pick(lang, zh_cn, zh_hk, en)
}
