//! The embed-site registry's contract: the district sites that embed the
//! widget, their origins (normalised by [`site_origin`]), their default
//! widget attributes, and their per-day usage figures.

use crate::{CategoryCode, Date, DistrictCode, FieldError, Lang, SchemeCode, TierCode};

/// Most origins one site may list.
pub const MAX_SITE_ORIGINS: usize = 10;
/// Longest site name or contact, in characters.
pub const MAX_SITE_TEXT_CHARS: usize = 120;
/// Longest origin, in bytes.
const MAX_ORIGIN_BYTES: usize = 255;

/// Normalises an origin as a browser sends it in `Origin`: `scheme://host[:port]`,
/// scheme `http` or `https`, host lower-cased, the scheme's default port
/// dropped, one trailing `/` tolerated; no user, path, query or fragment.
///
/// ```
/// use linan_shared::site_origin;
/// assert_eq!(site_origin("HTTPS://WWW.Nanhai.gov.cn:443/").unwrap(), "https://www.nanhai.gov.cn");
/// assert_eq!(site_origin("http://127.0.0.1:8080").unwrap(), "http://127.0.0.1:8080");
/// assert!(site_origin("https://a.cn/path").is_err());
/// ```
pub fn site_origin(s: &str) -> Result<String, &'static str> {
    const SHAPE: &str = "must be an origin: http(s)://host[:port], nothing after it";
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    let (scheme, rest) = if let Some(rest) = lower.strip_prefix("https://") {
        ("https", rest)
    } else if let Some(rest) = lower.strip_prefix("http://") {
        ("http", rest)
    } else {
        return Err(SHAPE);
    };
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    if rest.is_empty() || rest.len() > MAX_ORIGIN_BYTES {
        return Err(SHAPE);
    }
    let (host, port) = if rest.starts_with('[') {
        match rest.split_once(']') {
            Some((h, "")) => (&rest[..=h.len()], None),
            Some((h, p)) => match p.strip_prefix(':') {
                Some(p) => (&rest[..=h.len()], Some(p)),
                None => return Err(SHAPE),
            },
            None => return Err(SHAPE),
        }
    } else {
        match rest.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (rest, None),
        }
    };
    let host_ok = if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
    } else {
        !host.is_empty()
            && !host.starts_with('.')
            && !host.ends_with('.')
            && !host.contains("..")
            && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
    };
    if !host_ok {
        return Err(SHAPE);
    }
    let port = match port {
        None => None,
        Some(p) => match p.parse::<u16>() {
            Ok(n) if n > 0 && p.bytes().all(|b| b.is_ascii_digit()) => Some(n),
            _ => return Err("has an invalid port (1-65535)"),
        },
    };
    let default = if scheme == "https" { 443 } else { 80 };
    Ok(match port {
        Some(p) if p != default => format!("{scheme}://{host}:{p}"),
        _ => format!("{scheme}://{host}"),
    })
}

/// The widget's `theme` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Light (the widget's default).
    #[default]
    Light,
    /// Dark.
    Dark,
}

impl Theme {
    /// The attribute value.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// A site's default widget attributes: those of the snippet (the district
/// is the site's own). Absent means the widget's default.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct WidgetAttrs {
    /// `category`: preset category filter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<CategoryCode>,
    /// `scheme` (with `tier`): show what that card reaches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<SchemeCode>,
    /// `tier` (with `scheme`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<TierCode>,
    /// `lang`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    /// `theme`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<Theme>,
    /// `limit`: page size, 1–100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100))]
    pub limit: Option<u32>,
    /// `my-card`: `false` hides the "My card" tab.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub my_card: Option<bool>,
    /// `events`: `false` hides the events tab.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<bool>,
}

impl WidgetAttrs {
    /// The attributes as (name, value) pairs in snippet order, after `district`.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(c) = &self.category {
            out.push(("category", c.to_string()));
        }
        if let (Some(s), Some(t)) = (&self.scheme, &self.tier) {
            out.push(("scheme", s.to_string()));
            out.push(("tier", t.to_string()));
        }
        if let Some(l) = self.lang {
            out.push(("lang", l.tag().to_owned()));
        }
        if let Some(t) = self.theme {
            out.push(("theme", t.as_str().to_owned()));
        }
        if let Some(n) = self.limit {
            out.push(("limit", n.to_string()));
        }
        if self.my_card == Some(false) {
            out.push(("my-card", "off".to_owned()));
        }
        if self.events == Some(false) {
            out.push(("events", "off".to_owned()));
        }
        out
    }
}

/// `POST /api/v1/admin/embed-sites` (and the `site` of a [`EmbedSiteWrite`]).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmbedSiteInput {
    /// The site's name, e.g. 南海区人才网.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120))]
    pub name: String,
    /// The district it belongs to (a district admin: their own).
    pub district: DistrictCode,
    /// Its origins (`https://host[:port]`), 1–10, each registered to one site only.
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 10))]
    pub origins: Vec<String>,
    /// Default widget attributes for its snippet.
    #[serde(default)]
    pub attrs: WidgetAttrs,
    /// Who runs the site (a name, an email or a phone number).
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120))]
    pub contact: String,
    /// Whether the site may frame the widget and call the cardholder API.
    pub active: bool,
}

fn bad(field: impl Into<String>, message: impl Into<String>) -> FieldError {
    FieldError { field: field.into(), message: message.into() }
}

fn text(field: &str, s: &str) -> Result<String, FieldError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(bad(field, "is required"));
    }
    if t.chars().count() > MAX_SITE_TEXT_CHARS {
        return Err(bad(field, format!("is longer than {MAX_SITE_TEXT_CHARS} characters")));
    }
    if t.chars().any(char::is_control) {
        return Err(bad(field, "must not contain control characters"));
    }
    Ok(t.to_owned())
}

impl EmbedSiteInput {
    /// The input with its texts trimmed and its origins normalised, sorted
    /// and without repeats; the first field that is not valid otherwise.
    pub fn normalised(&self) -> Result<EmbedSiteInput, FieldError> {
        let name = text("name", &self.name)?;
        let contact = text("contact", &self.contact)?;
        if self.origins.is_empty() {
            return Err(bad("origins", "list at least one origin"));
        }
        if self.origins.len() > MAX_SITE_ORIGINS {
            return Err(bad("origins", format!("at most {MAX_SITE_ORIGINS} origins")));
        }
        let mut origins = Vec::with_capacity(self.origins.len());
        for (i, o) in self.origins.iter().enumerate() {
            origins.push(site_origin(o).map_err(|m| bad(format!("origins.{i}"), m))?);
        }
        origins.sort();
        origins.dedup();
        if self.attrs.scheme.is_some() != self.attrs.tier.is_some() {
            return Err(bad("attrs.tier", "scheme and tier go together"));
        }
        if let Some(n) = self.attrs.limit
            && !(1..=100).contains(&n)
        {
            return Err(bad("attrs.limit", "must be from 1 to 100"));
        }
        Ok(EmbedSiteInput { name, contact, origins, ..self.clone() })
    }
}

/// `PUT /api/v1/admin/embed-sites/{id}`: the site's new content for the version read.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmbedSiteWrite {
    /// The version this edit is based on.
    pub version: i32,
    /// The new content.
    pub site: EmbedSiteInput,
}

/// A registered embed site.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmbedSiteDto {
    /// Site id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Its district.
    pub district: DistrictCode,
    /// Its origins, normalised and sorted.
    pub origins: Vec<String>,
    /// Its default widget attributes.
    pub attrs: WidgetAttrs,
    /// Its contact.
    pub contact: String,
    /// Whether it is active.
    pub active: bool,
    /// Optimistic-concurrency version.
    pub version: i32,
    /// Last change (RFC 3339, UTC).
    pub updated_at: String,
}

/// `GET /api/v1/admin/embed-sites`: the sites the admin may see, by name.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmbedSiteList {
    /// The sites.
    pub sites: Vec<EmbedSiteDto>,
}

/// One site's usage on one day (China Standard Time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmbedDay {
    /// The day.
    pub day: Date,
    /// Widget loads (the widget's first reference request; the widgets of
    /// one page view share it, and count once).
    pub loads: i64,
    /// Searches (a first page with a search text).
    pub searches: i64,
    /// Benefit detail views.
    pub details: i64,
    /// "My card" sign-ins that succeeded.
    pub sign_ins: i64,
}

/// `GET /api/v1/admin/embed-sites/{id}/figures`: one row per day with any count, oldest first.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmbedFigures {
    /// The site.
    pub site_id: i64,
    /// First day covered.
    pub from: Date,
    /// Last day covered.
    pub to: Date,
    /// Days with counts.
    pub days: Vec<EmbedDay>,
}

#[cfg(test)]
mod tests {
    use super::site_origin;

    #[test]
    fn origins_are_normalised() {
        assert_eq!(site_origin("https://A.cn").unwrap(), "https://a.cn");
        assert_eq!(site_origin("https://a.cn:443").unwrap(), "https://a.cn");
        assert_eq!(site_origin("http://a.cn:80/").unwrap(), "http://a.cn");
        assert_eq!(site_origin("https://a.cn:8443").unwrap(), "https://a.cn:8443");
        assert_eq!(site_origin("http://[::1]:8080").unwrap(), "http://[::1]:8080");
        for bad in [
            "",
            "a.cn",
            "https://",
            "ftp://a.cn",
            "https://a.cn/x",
            "https://a.cn?x",
            "https://u@a.cn",
            "https://a.cn:0",
            "https://a.cn:99999",
            "https://a..cn",
            "https://a.cn\"><script>",
            "javascript:alert(1)",
        ] {
            assert!(site_origin(bad).is_err(), "{bad}");
        }
    }
}
