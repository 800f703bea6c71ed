//! The catalogue query (`GET /api/v1/benefits`) and its page of results.
//!
//! [`BenefitQuery::from_pairs`] is the one parser of the query string: the
//! backend uses it to answer 400s that name the parameter, and the widget
//! builds its URLs with [`BenefitQuery::to_query_string`], so both sides agree
//! on every name, default and limit.

use std::fmt;

use crate::{
    BenefitSummary, CategoryCode, Date, DistrictCode, GeoPoint, Lang, SchemeCode, TierCode, decimal, percent_encode,
};

/// Default page size.
pub const DEFAULT_LIMIT: u32 = 20;
/// Largest page size.
pub const MAX_LIMIT: u32 = 100;
/// Largest search radius in kilometres.
pub const MAX_RADIUS_KM: f64 = 500.0;
/// Longest search query in characters.
pub const MAX_QUERY_CHARS: usize = 100;

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    /// Most recently published first (the default without `q`).
    Newest,
    /// Closest to `near` first (needs `near`).
    Nearest,
    /// Validity ending soonest first.
    EndingSoon,
    /// Best search match first: title matches above description matches (the default with `q`).
    Relevance,
}

impl SortOrder {
    /// The code used in the query string.
    pub fn as_str(self) -> &'static str {
        match self {
            SortOrder::Newest => "newest",
            SortOrder::Nearest => "nearest",
            SortOrder::EndingSoon => "ending_soon",
            SortOrder::Relevance => "relevance",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [SortOrder::Newest, SortOrder::Nearest, SortOrder::EndingSoon, SortOrder::Relevance]
            .into_iter()
            .find(|o| o.as_str() == s)
    }
}

/// A bad query parameter: which one and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    /// The parameter's name as written in the query string.
    pub param: &'static str,
    /// Why it was refused.
    pub message: String,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "parameter `{}`: {}", self.param, self.message)
    }
}

impl std::error::Error for QueryError {}

/// A parsed, valid catalogue query. Absent fields mean "no filter" or the default.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BenefitQuery {
    /// Only benefits of partners in this district.
    pub district: Option<DistrictCode>,
    /// Only this category.
    pub category: Option<CategoryCode>,
    /// Only this partner.
    pub partner: Option<i64>,
    /// Only benefits a card of this scheme and `tier` reaches (with recognition). Set together with `tier`.
    pub scheme: Option<SchemeCode>,
    /// The card's tier; set together with `scheme`.
    pub tier: Option<TierCode>,
    /// Valid on this day instead of today.
    pub valid_on: Option<Date>,
    /// Search terms (whitespace-separated, all must match).
    pub q: Option<String>,
    /// Centre point for distances, `radius_km` and `sort=nearest`.
    pub near: Option<GeoPoint>,
    /// Only within this many kilometres of `near`.
    pub radius_km: Option<f64>,
    /// Order; defaults to relevance with `q`, newest without.
    pub sort: Option<SortOrder>,
    /// Opaque cursor from a previous page's `next_cursor`.
    pub cursor: Option<String>,
    /// Page size, 1–100 (default 20).
    pub limit: Option<u32>,
    /// Language of the texts (otherwise `Accept-Language`, then zh-CN).
    pub lang: Option<Lang>,
}

fn bad(param: &'static str, message: impl Into<String>) -> QueryError {
    QueryError { param, message: message.into() }
}

impl BenefitQuery {
    /// The effective sort order.
    pub fn effective_sort(&self) -> SortOrder {
        self.sort.unwrap_or(if self.q.is_some() { SortOrder::Relevance } else { SortOrder::Newest })
    }

    /// The effective page size.
    pub fn effective_limit(&self) -> u32 {
        self.limit.unwrap_or(DEFAULT_LIMIT)
    }

    /// The search terms: `q` split on whitespace (ASCII or ideographic).
    pub fn terms(&self) -> Vec<&str> {
        self.q.as_deref().map(|q| q.split_whitespace().collect()).unwrap_or_default()
    }

    /// Parses decoded `(name, value)` pairs of a query string.
    ///
    /// Unknown names are ignored (hosts add cache-busters); a name given twice,
    /// a malformed value or an inconsistent combination is refused, naming the
    /// parameter.
    ///
    /// ```
    /// use linan_shared::{BenefitQuery, SortOrder};
    /// let q = BenefitQuery::from_pairs([("q", "西樵"), ("limit", "5")]).unwrap();
    /// assert_eq!(q.effective_sort(), SortOrder::Relevance);
    /// assert_eq!(BenefitQuery::from_pairs([("limit", "abc")]).unwrap_err().param, "limit");
    /// ```
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, QueryError> {
        let mut q = BenefitQuery::default();
        let mut seen: Vec<&'static str> = Vec::new();
        for (name, value) in pairs {
            let Some(param) = KNOWN.iter().copied().find(|k| *k == name) else {
                continue;
            };
            if seen.contains(&param) {
                return Err(bad(param, "given more than once"));
            }
            seen.push(param);
            q.set(param, value)?;
        }
        q.check_combinations()?;
        Ok(q)
    }

    fn set(&mut self, param: &'static str, v: &str) -> Result<(), QueryError> {
        let msg = |e: &dyn fmt::Display| bad(param, e.to_string());
        match param {
            "district" => self.district = Some(DistrictCode::parse(v).map_err(|e| msg(&e))?),
            "category" => self.category = Some(CategoryCode::parse(v).map_err(|e| msg(&e))?),
            "partner" => {
                let id = v.parse::<i64>().ok().filter(|id| *id > 0);
                self.partner = Some(id.ok_or_else(|| bad(param, "must be a positive integer id"))?);
            }
            "scheme" => self.scheme = Some(SchemeCode::parse(v).map_err(|e| msg(&e))?),
            "tier" => self.tier = Some(TierCode::parse(v).map_err(|e| msg(&e))?),
            "valid_on" => self.valid_on = Some(Date::parse(v).map_err(|e| msg(&e))?),
            "q" => {
                let trimmed = v.trim();
                if trimmed.chars().any(|c| c.is_control() && !c.is_whitespace()) {
                    return Err(bad(param, "must not contain control characters"));
                }
                if trimmed.chars().count() > MAX_QUERY_CHARS {
                    return Err(bad(param, format!("at most {MAX_QUERY_CHARS} characters")));
                }
                self.q = (!trimmed.is_empty()).then(|| trimmed.to_owned());
            }
            "near" => self.near = Some(GeoPoint::parse(v).map_err(|e| msg(&e))?),
            "radius_km" => {
                let r = v.parse::<f64>().ok().filter(|r| r.is_finite() && *r > 0.0 && *r <= MAX_RADIUS_KM);
                self.radius_km = Some(r.ok_or_else(|| {
                    bad(param, format!("must be a number of kilometres above 0 and at most {MAX_RADIUS_KM}"))
                })?);
            }
            "sort" => {
                self.sort = Some(
                    SortOrder::parse(v)
                        .ok_or_else(|| bad(param, "must be one of newest, nearest, ending_soon, relevance"))?,
                );
            }
            "cursor" => {
                if v.is_empty() || v.len() > 512 {
                    return Err(bad(param, "malformed cursor"));
                }
                self.cursor = Some(v.to_owned());
            }
            "limit" => {
                let n = v.parse::<u32>().ok().filter(|n| (1..=MAX_LIMIT).contains(n));
                self.limit = Some(n.ok_or_else(|| bad(param, format!("must be an integer from 1 to {MAX_LIMIT}")))?);
            }
            "lang" => self.lang = Some(Lang::parse(v).map_err(|e| msg(&e))?),
            _ => {}
        }
        Ok(())
    }

    fn check_combinations(&self) -> Result<(), QueryError> {
        match (&self.scheme, &self.tier) {
            (Some(_), None) => return Err(bad("tier", "is required with `scheme`")),
            (None, Some(_)) => return Err(bad("scheme", "is required with `tier`")),
            _ => {}
        }
        if self.radius_km.is_some() && self.near.is_none() {
            return Err(bad("near", "is required with `radius_km`"));
        }
        match self.sort {
            Some(SortOrder::Nearest) if self.near.is_none() => Err(bad("near", "is required with `sort=nearest`")),
            Some(SortOrder::Relevance) if self.q.is_none() => Err(bad("q", "is required with `sort=relevance`")),
            _ => Ok(()),
        }
    }

    /// The query as a URL query string (without `?`), percent-encoded, in a
    /// fixed parameter order. The inverse of [`BenefitQuery::from_pairs`]
    /// (numbers are written with six decimals at most: 0.1 m).
    ///
    /// ```
    /// use linan_shared::{BenefitQuery, DistrictCode};
    /// let q = BenefitQuery { district: Some(DistrictCode::parse("nanhai").unwrap()), q: Some("西樵 山".into()), ..Default::default() };
    /// assert_eq!(q.to_query_string(), "district=nanhai&q=%E8%A5%BF%E6%A8%B5%20%E5%B1%B1");
    /// ```
    pub fn to_query_string(&self) -> String {
        // One string written in place: a list of pairs joined afterwards cost
        // the widget's bundle about 1 KB of generic joining code.
        let mut out = String::new();
        let mut push = |key: &str, value: Option<&str>| {
            if let Some(value) = value {
                if !out.is_empty() {
                    out.push('&');
                }
                out.push_str(key);
                out.push('=');
                out.push_str(&percent_encode(value));
            }
        };
        push("district", self.district.as_ref().map(|d| d.as_str()));
        push("category", self.category.as_ref().map(|c| c.as_str()));
        push("partner", self.partner.map(|p| p.to_string()).as_deref());
        push("scheme", self.scheme.as_ref().map(|s| s.as_str()));
        push("tier", self.tier.as_ref().map(|t| t.as_str()));
        push("valid_on", self.valid_on.map(|d| d.to_string()).as_deref());
        push("q", self.q.as_deref());
        push("near", self.near.map(|p| p.to_string()).as_deref());
        push("radius_km", self.radius_km.map(decimal).as_deref());
        push("sort", self.sort.map(SortOrder::as_str));
        push("cursor", self.cursor.as_deref());
        push("limit", self.limit.map(|l| l.to_string()).as_deref());
        push("lang", self.lang.map(Lang::tag));
        out
    }
}

const KNOWN: [&str; 13] = [
    "district",
    "category",
    "partner",
    "scheme",
    "tier",
    "valid_on",
    "q",
    "near",
    "radius_km",
    "sort",
    "cursor",
    "limit",
    "lang",
];

/// One page of benefits.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BenefitPage {
    /// The benefits on this page.
    pub items: Vec<BenefitSummary>,
    /// Pass as `cursor` to get the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(pairs: &[(&str, &str)]) -> &'static str {
        BenefitQuery::from_pairs(pairs.iter().copied()).unwrap_err().param
    }

    #[test]
    fn each_bad_value_names_its_parameter() {
        assert_eq!(err(&[("limit", "abc")]), "limit");
        assert_eq!(err(&[("limit", "100000")]), "limit");
        assert_eq!(err(&[("limit", "0")]), "limit");
        assert_eq!(err(&[("near", "91,200")]), "near");
        assert_eq!(err(&[("category", "Bad Cat")]), "category");
        assert_eq!(err(&[("valid_on", "2026-02-30")]), "valid_on");
        assert_eq!(err(&[("sort", "random")]), "sort");
        assert_eq!(err(&[("lang", "fr")]), "lang");
        assert_eq!(err(&[("partner", "-3")]), "partner");
        assert_eq!(err(&[("radius_km", "0")]), "radius_km");
        assert_eq!(err(&[("q", "a\u{0}b")]), "q");
    }

    #[test]
    fn inconsistent_combinations_are_refused() {
        assert_eq!(err(&[("scheme", "liwan_talent")]), "tier");
        assert_eq!(err(&[("tier", "A")]), "scheme");
        assert_eq!(err(&[("radius_km", "5")]), "near");
        assert_eq!(err(&[("sort", "nearest")]), "near");
        assert_eq!(err(&[("sort", "relevance")]), "q");
        assert_eq!(err(&[("limit", "5"), ("limit", "6")]), "limit");
    }

    #[test]
    fn round_trips_through_the_query_string() {
        let q = BenefitQuery::from_pairs([
            ("district", "liwan"),
            ("scheme", "youyue_foshan"),
            ("tier", "B"),
            ("near", "23.1,113.2"),
            ("radius_km", "5.5"),
            ("sort", "nearest"),
            ("limit", "7"),
            ("lang", "en"),
            ("utm_source", "ignored"),
        ])
        .unwrap();
        let s = q.to_query_string();
        let pairs: Vec<(String, String)> = s
            .split('&')
            .map(|kv| kv.split_once('=').map(|(k, v)| (k.to_owned(), crate::percent_decode(v).unwrap())).unwrap())
            .collect();
        let back = BenefitQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).unwrap();
        assert_eq!(back, q);
    }

    #[test]
    fn blank_search_is_no_search() {
        let q = BenefitQuery::from_pairs([("q", "   ")]).unwrap();
        assert_eq!(q.q, None);
        assert_eq!(q.effective_sort(), SortOrder::Newest);
    }
}
