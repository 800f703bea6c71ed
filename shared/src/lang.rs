//! Languages of the platform and per-language texts with fallback.

use std::fmt;

/// A language the platform speaks. zh-CN is the default and the fallback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Lang {
    /// Simplified Chinese (mainland), the default.
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    /// Traditional Chinese (Hong Kong).
    #[serde(rename = "zh-HK")]
    ZhHk,
    /// English.
    #[serde(rename = "en")]
    En,
}

/// Why a string is not a supported language tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LangError;

impl fmt::Display for LangError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("supported languages are zh-CN, zh-HK and en")
    }
}

impl std::error::Error for LangError {}

impl Lang {
    /// Every supported language, default first.
    pub const ALL: [Lang; 3] = [Lang::ZhCn, Lang::ZhHk, Lang::En];

    /// Parses a tag exactly as the API writes it (case-insensitive).
    pub fn parse(s: &str) -> Result<Self, LangError> {
        match s.to_ascii_lowercase().as_str() {
            "zh-cn" => Ok(Lang::ZhCn),
            "zh-hk" => Ok(Lang::ZhHk),
            "en" => Ok(Lang::En),
            _ => Err(LangError),
        }
    }

    /// The BCP 47 tag, e.g. `zh-CN`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::ZhHk => "zh-HK",
            Lang::En => "en",
        }
    }

    /// Picks the best supported language from an `Accept-Language` header.
    ///
    /// Ranges are weighed by `q`; `zh-TW`/`zh-MO`/`zh-Hant` map to zh-HK,
    /// other `zh` variants to zh-CN, any `en-*` to en. Nothing usable → `None`.
    ///
    /// ```
    /// use linan_shared::Lang;
    /// assert_eq!(Lang::negotiate("en-GB,en;q=0.9,zh;q=0.8"), Some(Lang::En));
    /// assert_eq!(Lang::negotiate("fr, zh-TW;q=0.5"), Some(Lang::ZhHk));
    /// assert_eq!(Lang::negotiate("fr"), None);
    /// ```
    pub fn negotiate(header: &str) -> Option<Lang> {
        let mut best: Option<(f32, Lang)> = None;
        for range in header.split(',') {
            let mut parts = range.split(';');
            let tag = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .filter_map(|q| q.parse::<f32>().ok())
                .next()
                .unwrap_or(1.0);
            let lang = if tag == "en" || tag.starts_with("en-") {
                Lang::En
            } else if ["zh-hk", "zh-tw", "zh-mo", "zh-hant"].iter().any(|t| tag.starts_with(t)) {
                Lang::ZhHk
            } else if tag == "zh" || tag.starts_with("zh-") {
                Lang::ZhCn
            } else {
                continue;
            };
            if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
                best = Some((q, lang));
            }
        }
        best.map(|(_, l)| l)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// A text in the three languages: zh-CN required, the others optional.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LocalizedText {
    /// Simplified Chinese, always present.
    #[serde(rename = "zh-CN")]
    pub zh_cn: String,
    /// Traditional Chinese; falls back to zh-CN when absent.
    #[serde(rename = "zh-HK", default, skip_serializing_if = "Option::is_none")]
    pub zh_hk: Option<String>,
    /// English; falls back to zh-CN when absent.
    #[serde(rename = "en", default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl LocalizedText {
    /// Builds a text from its three variants.
    pub fn new(zh_cn: &str, zh_hk: Option<&str>, en: Option<&str>) -> Self {
        Self { zh_cn: zh_cn.to_owned(), zh_hk: zh_hk.map(str::to_owned), en: en.map(str::to_owned) }
    }

    /// The text in `lang`, falling back to zh-CN when missing or blank: the
    /// one way a language is picked (the backend reads stored columns as a
    /// `LocalizedText` first, see its `entity::texts`).
    ///
    /// ```
    /// use linan_shared::{Lang, LocalizedText};
    /// let t = LocalizedText::new("西樵山", Some(" "), Some("Mount Xiqiao"));
    /// assert_eq!(t.get(Lang::En), "Mount Xiqiao");
    /// assert_eq!(t.get(Lang::ZhHk), "西樵山");
    /// ```
    pub fn get(&self, lang: Lang) -> &str {
        let wanted = match lang {
            Lang::ZhCn => None,
            Lang::ZhHk => self.zh_hk.as_deref(),
            Lang::En => self.en.as_deref(),
        };
        wanted.filter(|s| !s.trim().is_empty()).unwrap_or(&self.zh_cn)
    }

    /// Every variant that is present, zh-CN first (for search text, which
    /// matches any language).
    pub fn variants(&self) -> impl Iterator<Item = &str> {
        [Some(self.zh_cn.as_str()), self.zh_hk.as_deref(), self.en.as_deref()].into_iter().flatten()
    }

    /// Whether `lang` has its own text (rather than falling back).
    pub fn has(&self, lang: Lang) -> bool {
        self.get(lang) != self.zh_cn || lang == Lang::ZhCn
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_translations_fall_back_to_simplified_chinese() {
        let t = LocalizedText::new("医院", Some(" "), None);
        assert_eq!(t.get(Lang::ZhHk), "医院");
        assert_eq!(t.get(Lang::En), "医院");
    }

    #[test]
    fn negotiation_honours_weights_and_ignores_zero() {
        assert_eq!(Lang::negotiate("zh-CN;q=0.2, en;q=0.8"), Some(Lang::En));
        assert_eq!(Lang::negotiate("en;q=0, zh"), Some(Lang::ZhCn));
        assert_eq!(Lang::negotiate(""), None);
    }
}
