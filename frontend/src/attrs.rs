//! The element's attributes, parsed once at the edge.
//!
//! The loader hands over whatever the host page wrote, as strings or
//! `undefined`. Everything past this module works with [`WidgetConfig`], which
//! is valid by construction: an unknown language, a malformed code or a limit
//! of `"lots"` falls back to the default instead of reaching the API (where it
//! would be a 400) or panicking.

use linan_shared::{CategoryCode, DEFAULT_LIMIT, DistrictCode, Lang, MAX_LIMIT, SchemeCode, TierCode};

/// The colour theme (`theme` attribute).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Dark text on a light background (the default).
    #[default]
    Light,
    /// Light text on a dark background.
    Dark,
}

impl Theme {
    /// Parses `light` or `dark` (case-insensitive).
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// The value of the root's `data-theme` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The attributes as the loader passes them: each a string or absent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawAttrs {
    /// Preset district filter, e.g. `nanhai`.
    pub district: Option<String>,
    /// Preset category filter, e.g. `scenic_discount`.
    pub category: Option<String>,
    /// Card scheme of the visitor (only together with `tier`).
    pub scheme: Option<String>,
    /// Card tier of the visitor (only together with `scheme`).
    pub tier: Option<String>,
    /// `zh-CN` (default), `zh-HK` or `en`.
    pub lang: Option<String>,
    /// `light` (default) or `dark`.
    pub theme: Option<String>,
    /// Base URL of the API, e.g. `https://talent.example.cn`.
    pub api: Option<String>,
    /// Page size, 1–100 (default 20).
    pub limit: Option<String>,
    /// `off` hides the cardholder's "My card" view (default: shown).
    pub my_card: Option<String>,
    /// `off` hides the events tab (default: shown).
    pub events: Option<String>,
}

/// A card the host page says its visitor holds: the list then shows what
/// that card reaches, directly or through mutual recognition.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CardFilter {
    /// The card scheme.
    pub scheme: SchemeCode,
    /// The card's tier within the scheme.
    pub tier: TierCode,
}

/// The widget's configuration, valid by construction.
#[derive(Debug, Clone, PartialEq)]
pub struct WidgetConfig {
    /// API base URL without a trailing slash; empty means the page's own origin.
    pub api: String,
    /// Language of the UI and of the API's texts.
    pub lang: Lang,
    /// Colour theme.
    pub theme: Theme,
    /// Preset district filter.
    pub district: Option<DistrictCode>,
    /// Preset category filter.
    pub category: Option<CategoryCode>,
    /// The visitor's card, when both `scheme` and `tier` are valid.
    pub card: Option<CardFilter>,
    /// Page size, 1–100.
    pub limit: u32,
    /// Whether the "My card" view is offered.
    pub my_card: bool,
    /// Whether the events tab is offered.
    pub events: bool,
}

impl Default for WidgetConfig {
    fn default() -> Self {
        Self {
            api: String::new(),
            lang: Lang::ZhCn,
            theme: Theme::Light,
            district: None,
            category: None,
            card: None,
            limit: DEFAULT_LIMIT,
            my_card: true,
            events: true,
        }
    }
}

impl WidgetConfig {
    /// Parses the raw attributes; every invalid value becomes its default.
    pub fn from_raw(raw: &RawAttrs) -> Self {
        // Codes are lower-case slugs; hosts write `Nanhai` too, so be lenient here.
        let slug = |v: &Option<String>| text(v).map(str::to_ascii_lowercase);
        let scheme = slug(&raw.scheme).and_then(|s| SchemeCode::parse(&s).ok());
        let tier = text(&raw.tier).and_then(|t| TierCode::parse(t).ok());
        Self {
            api: text(&raw.api).map(parse_api).unwrap_or_default(),
            lang: text(&raw.lang).and_then(parse_lang).unwrap_or_default(),
            theme: text(&raw.theme).and_then(Theme::parse).unwrap_or_default(),
            district: slug(&raw.district).and_then(|d| DistrictCode::parse(&d).ok()),
            category: slug(&raw.category).and_then(|c| CategoryCode::parse(&c).ok()),
            card: scheme.zip(tier).map(|(scheme, tier)| CardFilter { scheme, tier }),
            limit: text(&raw.limit).map(parse_limit).unwrap_or(DEFAULT_LIMIT),
            my_card: text(&raw.my_card).is_none_or(|v| !is_off(v)),
            events: text(&raw.events).is_none_or(|v| !is_off(v)),
        }
    }

    /// The URL of an API path such as `benefits?lang=en` (no leading slash).
    pub fn endpoint(&self, path: &str) -> String {
        let mut url = String::with_capacity(self.api.len() + 8 + path.len());
        url.push_str(&self.api);
        url.push_str("/api/v1/");
        url.push_str(path);
        url
    }
}

/// The trimmed value, if any is left.
fn text(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// `zh-CN`, `zh-HK`, `en`, and the tags a page author might write for them
/// (`zh-TW`, `zh-Hant`, `zh`, `en-GB`). The same mapping as
/// [`Lang::negotiate`], for one tag: that parser's `q=` weights would pull
/// float parsing into the wasm for nothing.
fn parse_lang(s: &str) -> Option<Lang> {
    let tag = s.to_ascii_lowercase();
    let is = |prefix: &str| tag == prefix || tag.strip_prefix(prefix).is_some_and(|rest| rest.starts_with('-'));
    if is("en") {
        Some(Lang::En)
    } else if is("zh-hk") || is("zh-tw") || is("zh-mo") || is("zh-hant") {
        Some(Lang::ZhHk)
    } else if is("zh") {
        Some(Lang::ZhCn)
    } else {
        None
    }
}

/// An absolute http(s) URL or a root-relative path; anything else means "same origin".
fn parse_api(s: &str) -> String {
    let ok_scheme = s.starts_with("https://") || s.starts_with("http://") || s.starts_with('/');
    let clean = !s.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '?' | '#' | '"' | '<' | '>'));
    if ok_scheme && clean { s.trim_end_matches('/').to_owned() } else { String::new() }
}

/// `off` and the other ways of writing it: `false`, `no`, `0`.
fn is_off(s: &str) -> bool {
    matches!(s.to_ascii_lowercase().as_str(), "off" | "false" | "no" | "0")
}

/// An integer clamped to 1–100; not a number means the default.
fn parse_limit(s: &str) -> u32 {
    s.parse::<i64>().ok().and_then(|n| u32::try_from(n.clamp(1, i64::from(MAX_LIMIT))).ok()).unwrap_or(DEFAULT_LIMIT)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(pairs: &[(&str, &str)]) -> RawAttrs {
        let mut r = RawAttrs::default();
        for (k, v) in pairs {
            let v = Some((*v).to_owned());
            match *k {
                "district" => r.district = v,
                "category" => r.category = v,
                "scheme" => r.scheme = v,
                "tier" => r.tier = v,
                "lang" => r.lang = v,
                "theme" => r.theme = v,
                "api" => r.api = v,
                "limit" => r.limit = v,
                "my-card" => r.my_card = v,
                "events" => r.events = v,
                _ => unreachable!(),
            }
        }
        r
    }

    #[test]
    fn no_attributes_give_the_defaults() {
        assert_eq!(WidgetConfig::from_raw(&RawAttrs::default()), WidgetConfig::default());
    }

    #[test]
    fn garbage_falls_back_to_defaults() {
        let c = WidgetConfig::from_raw(&raw(&[
            ("district", "<script>"),
            ("category", "no such thing!"),
            ("scheme", "liwan_talent"),
            ("tier", "B B"),
            ("lang", "fr"),
            ("theme", "neon"),
            ("api", "javascript:alert(1)"),
            ("limit", "lots"),
        ]));
        assert_eq!(c, WidgetConfig::default());
    }

    #[test]
    fn valid_attributes_are_taken() {
        let c = WidgetConfig::from_raw(&raw(&[
            ("district", " Nanhai "),
            ("category", "scenic_discount"),
            ("scheme", "liwan_talent"),
            ("tier", "B"),
            ("lang", "zh-HK"),
            ("theme", "DARK"),
            ("api", "http://127.0.0.1:8080/"),
            ("limit", "5"),
        ]));
        assert_eq!(c.district.as_ref().map(|d| d.as_str()), Some("nanhai"));
        assert_eq!(c.category.as_ref().map(|d| d.as_str()), Some("scenic_discount"));
        let card = c.card.as_ref().unwrap();
        assert_eq!((card.scheme.as_str(), card.tier.as_str()), ("liwan_talent", "B"));
        assert_eq!((c.lang, c.theme, c.limit), (Lang::ZhHk, Theme::Dark, 5));
        assert_eq!(c.endpoint("districts"), "http://127.0.0.1:8080/api/v1/districts");
    }

    #[test]
    fn limit_is_clamped_and_browser_language_tags_are_understood() {
        assert_eq!(WidgetConfig::from_raw(&raw(&[("limit", "0")])).limit, 1);
        assert_eq!(WidgetConfig::from_raw(&raw(&[("limit", "-7")])).limit, 1);
        assert_eq!(WidgetConfig::from_raw(&raw(&[("limit", "5000")])).limit, 100);
        assert_eq!(WidgetConfig::from_raw(&raw(&[("limit", "2.5")])).limit, DEFAULT_LIMIT);
        assert_eq!(WidgetConfig::from_raw(&raw(&[("lang", "zh-TW")])).lang, Lang::ZhHk);
        assert_eq!(WidgetConfig::from_raw(&raw(&[("lang", "EN")])).lang, Lang::En);
        assert_eq!(WidgetConfig::from_raw(&raw(&[("lang", "zh-Hant-HK")])).lang, Lang::ZhHk);
        assert_eq!(WidgetConfig::from_raw(&raw(&[("lang", "zh-Hans")])).lang, Lang::ZhCn);
        assert_eq!(WidgetConfig::from_raw(&raw(&[("lang", "english")])).lang, Lang::ZhCn);
        for tag in ["zh-CN", "zh-HK", "en", "zh-TW", "en-GB", "zh", "fr", "zh-hant"] {
            assert_eq!(parse_lang(tag), Lang::negotiate(tag), "{tag}");
        }
    }

    #[test]
    fn a_scheme_without_a_tier_is_no_card() {
        assert_eq!(WidgetConfig::from_raw(&raw(&[("scheme", "liwan_talent")])).card, None);
        assert_eq!(WidgetConfig::from_raw(&raw(&[("tier", "A")])).card, None);
    }

    #[test]
    fn same_origin_and_relative_api_bases_work() {
        assert_eq!(WidgetConfig::default().endpoint("categories"), "/api/v1/categories");
        assert_eq!(WidgetConfig::from_raw(&raw(&[("api", "/linan/")])).api, "/linan");
    }

    #[test]
    fn my_card_is_shown_unless_switched_off() {
        assert!(WidgetConfig::from_raw(&raw(&[("my-card", "on")])).my_card);
        assert!(WidgetConfig::from_raw(&raw(&[("my-card", "whatever")])).my_card);
        for off in ["off", "OFF", " false ", "no", "0"] {
            assert!(!WidgetConfig::from_raw(&raw(&[("my-card", off)])).my_card, "{off}");
        }
    }

    #[test]
    fn the_events_tab_is_shown_unless_switched_off() {
        assert!(WidgetConfig::from_raw(&raw(&[("events", "on")])).events);
        assert!(WidgetConfig::default().events);
        for off in ["off", "False", "0"] {
            let config = WidgetConfig::from_raw(&raw(&[("events", off)]));
            assert!(!config.events && config.my_card, "{off}");
        }
    }
}
