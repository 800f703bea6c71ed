//! Every UI string, in zh-CN, zh-HK and English, keyed by [`Key`].
//!
//! One table (`table.rs`, with the audit log's rows in `audit.rs` and the events' in `events.rs`) so that a missing translation is a compile error
//! (each row has exactly three strings) and a reviewer reads all languages
//! side by side. Placeholders in braces (`{n}`) are filled by [`fill`].
//! Texts that come from the API (names, titles, reasons) never pass through
//! here: they are rendered as they are, as text.

use linan_shared::Lang;

/// Defines [`Key`] and its translations from the rows of `table.rs`.
macro_rules! texts {
    ($($key:ident => [$zh_cn:literal, $zh_hk:literal, $en:literal],)*) => {
        /// A UI string; its documentation is its English text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Key {
            $(#[doc = $en] $key,)*
        }

        impl Key {
            /// Every key, in table order.
            pub const ALL: &'static [Key] = &[$(Key::$key,)*];

            /// The three translations: zh-CN, zh-HK, en.
            pub fn translations(self) -> [&'static str; 3] {
                match self {
                    $(Key::$key => [$zh_cn, $zh_hk, $en],)*
                }
            }
        }
    };
}

#[macro_use]
mod events;
#[macro_use]
mod audit;
mod table;

pub use table::Key;

impl Key {
    /// The string in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        let [zh_cn, zh_hk, en] = self.translations();
        match lang {
            Lang::ZhCn => zh_cn,
            Lang::ZhHk => zh_hk,
            Lang::En => en,
        }
    }
}

/// The string for `key` in `lang` with each `{name}` replaced by its value
/// ([`linan_shared::fill`], as in the widget).
pub fn fill(lang: Lang, key: Key, values: &[(&str, &str)]) -> String {
    linan_shared::fill(key.get(lang), values)
}

/// A language's own name, for the language menu (the same in every UI
/// language, so a reader finds their language whatever is shown now).
pub fn endonym(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhCn => "简体中文",
        Lang::ZhHk => "繁體中文（香港）",
        Lang::En => "English",
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    /// The text without `{placeholders}`.
    fn without_placeholders(s: &str) -> String {
        let mut out = String::new();
        let mut depth = 0;
        for c in s.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ if depth == 0 => out.push(c),
                _ => {}
            }
        }
        out
    }

    fn placeholders(s: &str) -> Vec<&str> {
        let mut v: Vec<&str> = s.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(n, _)| n)).collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn every_key_has_three_non_empty_strings() {
        for key in Key::ALL {
            for (lang, text) in Lang::ALL.into_iter().zip(key.translations()) {
                assert!(!text.trim().is_empty(), "{key:?} is empty in {lang}");
            }
        }
    }

    #[test]
    fn chinese_strings_contain_no_latin_letters() {
        for key in Key::ALL {
            for lang in [Lang::ZhCn, Lang::ZhHk] {
                let text = without_placeholders(key.get(lang));
                assert!(!text.chars().any(|c| c.is_ascii_alphabetic()), "{key:?} in {lang}: {text}");
            }
        }
    }

    #[test]
    fn placeholders_are_the_same_in_every_language() {
        for key in Key::ALL {
            let [zh_cn, zh_hk, en] = key.translations();
            assert_eq!(placeholders(zh_cn), placeholders(zh_hk), "{key:?}");
            assert_eq!(placeholders(zh_cn), placeholders(en), "{key:?}");
        }
    }

    #[test]
    fn the_table_lists_every_key_once_and_the_languages_differ() {
        let mut seen = HashSet::new();
        assert!(Key::ALL.iter().all(|k| seen.insert(*k)));
        let differ = Key::ALL.iter().filter(|k| k.get(Lang::ZhCn) != k.get(Lang::En)).count();
        assert_eq!(differ, Key::ALL.len(), "every English string is a translation");
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            fill(Lang::En, Key::ValidRange, &[("from", "2026-01-01"), ("until", "2026-12-31")]),
            "2026-01-01 to 2026-12-31"
        );
        assert_eq!(endonym(Lang::ZhHk), "繁體中文（香港）");
    }
}
