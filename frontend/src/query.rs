//! From what the visitor chose to the catalogue query the API understands.
//!
//! The query is a [`BenefitQuery`], the type the backend parses into, and
//! its string is the shared [`BenefitQuery::to_query_string`]: one contract.

use std::rc::Rc;

use linan_shared::{BenefitQuery, CategoryCode, DistrictCode, GeoPoint, SortOrder};
use yew::Reducible;

use crate::attrs::WidgetConfig;

/// The filters the visitor can change in the widget.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filters {
    /// Search terms, already normalised (see [`crate::debounce::normalize`]).
    pub q: Option<String>,
    /// Chosen category; `None` for all.
    pub category: Option<CategoryCode>,
    /// Chosen district; `None` for all.
    pub district: Option<DistrictCode>,
    /// The visitor's position, once they pressed "near me".
    pub near: Option<GeoPoint>,
}

impl Filters {
    /// The filters a fresh widget starts with: the presets of its attributes.
    pub fn from_config(config: &WidgetConfig) -> Self {
        Self { q: None, category: config.category.clone(), district: config.district.clone(), near: None }
    }
}

/// The visitor changed one filter. (The position is not among them: it
/// lives with the geolocation state and is laid over the filters when the
/// query is built.)
#[derive(Debug, Clone, PartialEq)]
pub enum FilterAction {
    /// New search terms (normalised), or none.
    Search(Option<String>),
    /// Another category, or all.
    Category(Option<CategoryCode>),
    /// Another district, or all.
    District(Option<DistrictCode>),
}

impl Reducible for Filters {
    type Action = FilterAction;

    fn reduce(self: Rc<Self>, action: FilterAction) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        match action {
            FilterAction::Search(q) => next.q = q,
            FilterAction::Category(c) => next.category = c,
            FilterAction::District(d) => next.district = d,
        }
        Rc::new(next)
    }
}

/// The query for one page: the first when `cursor` is `None`.
///
/// "Near me" sorts by distance (and makes the API return `distance_km`);
/// the card attributes restrict the list to what that card reaches.
pub fn build_query(config: &WidgetConfig, filters: &Filters, cursor: Option<&str>) -> BenefitQuery {
    BenefitQuery {
        district: filters.district.clone(),
        category: filters.category.clone(),
        scheme: config.card.as_ref().map(|c| c.scheme.clone()),
        tier: config.card.as_ref().map(|c| c.tier.clone()),
        q: filters.q.clone(),
        near: filters.near,
        sort: filters.near.map(|_| SortOrder::Nearest),
        cursor: cursor.map(str::to_owned),
        limit: Some(config.limit),
        lang: Some(config.lang),
        ..BenefitQuery::default()
    }
}

/// The URL of a page of benefits.
pub fn benefits_url(config: &WidgetConfig, query: &BenefitQuery) -> String {
    config.endpoint(&format!("benefits?{}", query.to_query_string()))
}

/// The URL of one benefit's detail, in the widget's language.
pub fn benefit_url(config: &WidgetConfig, id: i64) -> String {
    config.endpoint(&format!("benefits/{id}?lang={}", config.lang.tag()))
}

#[cfg(test)]
mod tests {
    use linan_shared::Lang;

    use super::*;
    use crate::attrs::RawAttrs;

    fn config() -> WidgetConfig {
        WidgetConfig::from_raw(&RawAttrs {
            api: Some("http://127.0.0.1:8080".into()),
            district: Some("nanhai".into()),
            scheme: Some("liwan_talent".into()),
            tier: Some("B".into()),
            lang: Some("en".into()),
            limit: Some("10".into()),
            ..RawAttrs::default()
        })
    }

    #[test]
    fn the_first_page_carries_presets_card_language_and_limit() {
        let c = config();
        let url = benefits_url(&c, &build_query(&c, &Filters::from_config(&c), None));
        assert_eq!(
            url,
            "http://127.0.0.1:8080/api/v1/benefits?district=nanhai&scheme=liwan_talent&tier=B&limit=10&lang=en"
        );
    }

    #[test]
    fn search_near_me_and_cursor_are_encoded() {
        let c = WidgetConfig::default();
        let filters = Filters {
            q: Some("西樵 山".into()),
            near: Some(GeoPoint::new(23.1, 113.2).unwrap()),
            category: Some(CategoryCode::parse("scenic_discount").unwrap()),
            district: None,
        };
        let q = build_query(&c, &filters, Some("abc=="));
        assert_eq!(
            q.to_query_string(),
            "category=scenic_discount&q=%E8%A5%BF%E6%A8%B5%20%E5%B1%B1&near=23.1%2C113.2&sort=nearest&cursor=abc%3D%3D&limit=20&lang=zh-CN"
        );
    }

    #[test]
    fn every_built_query_parses_back_as_the_api_parses_it() {
        let c = config();
        let filters =
            Filters { q: Some("医院".into()), near: Some(GeoPoint::new(23.0, 113.0).unwrap()), ..Filters::default() };
        let built = build_query(&c, &filters, Some("cur"));
        let s = built.to_query_string();
        let pairs: Vec<(String, String)> = s
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_owned(), linan_shared::percent_decode(v).unwrap()))
            .collect();
        let parsed = BenefitQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).unwrap();
        assert_eq!(parsed, built);
    }

    #[test]
    fn each_action_changes_one_filter() {
        let start = Rc::new(Filters::from_config(&config()));
        let f = start
            .reduce(FilterAction::Search(Some("医院".into())))
            .reduce(FilterAction::Category(CategoryCode::parse("merchant_offer").ok()))
            .reduce(FilterAction::District(None));
        assert_eq!(f.q.as_deref(), Some("医院"));
        assert_eq!(f.category.as_ref().map(|c| c.as_str()), Some("merchant_offer"));
        assert_eq!((f.district.clone(), f.near), (None, None));
    }

    #[test]
    fn the_detail_url_carries_the_language() {
        let c = WidgetConfig { lang: Lang::ZhHk, ..WidgetConfig::default() };
        assert_eq!(benefit_url(&c, 42), "/api/v1/benefits/42?lang=zh-HK");
    }
}
