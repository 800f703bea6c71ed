//! From what the visitor chose on the events tab to the events API's URLs —
//! the events' counterpart of [`crate::query`].

use linan_shared::{DistrictCode, EventType, percent_encode};

use crate::attrs::WidgetConfig;

/// What the visitor chose.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilters {
    /// One type, or all.
    pub event_type: Option<EventType>,
    /// One district, or all (the widget's `district` attribute at first).
    pub district: Option<DistrictCode>,
    /// Search terms, normalised.
    pub q: Option<String>,
}

/// `events?lang=…&district=…&type=…&q=…&limit=…&cursor=…`, the list's URL.
pub fn events_url(config: &WidgetConfig, filters: &EventFilters, cursor: Option<&str>) -> String {
    let mut path = format!("events?lang={}&limit={}", config.lang.tag(), config.limit);
    let mut param = |name: &str, value: Option<&str>| {
        if let Some(value) = value {
            path.push('&');
            path.push_str(name);
            path.push('=');
            path.push_str(&percent_encode(value));
        }
    };
    param("district", filters.district.as_ref().map(|d| d.as_str()));
    param("type", filters.event_type.map(EventType::as_str));
    param("q", filters.q.as_deref());
    param("cursor", cursor);
    config.endpoint(&path)
}

/// One event, in the widget's language.
pub fn event_url(config: &WidgetConfig, id: i64) -> String {
    config.endpoint(&format!("events/{id}?lang={}", config.lang.tag()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attrs::RawAttrs;

    #[test]
    fn the_url_carries_language_district_type_search_and_cursor() {
        let config = WidgetConfig::from_raw(&RawAttrs {
            lang: Some("en".into()),
            api: Some("https://t.example.cn".into()),
            ..RawAttrs::default()
        });
        let nanhai = EventFilters { district: DistrictCode::parse("nanhai").ok(), ..EventFilters::default() };
        assert_eq!(
            events_url(&config, &nanhai, None),
            "https://t.example.cn/api/v1/events?lang=en&limit=20&district=nanhai"
        );
        let filters =
            EventFilters { event_type: Some(EventType::JobFair), district: None, q: Some("西樵 & co".into()) };
        assert_eq!(
            events_url(&config, &filters, Some("abc=")),
            "https://t.example.cn/api/v1/events?lang=en&limit=20&type=job_fair&q=%E8%A5%BF%E6%A8%B5%20%26%20co&cursor=abc%3D"
        );
        assert_eq!(event_url(&config, 7), "https://t.example.cn/api/v1/events/7?lang=en");
    }
}
