//! The embed-site page's plain logic, tested natively: the snippets a site
//! pastes (the two lines, or the iframe) and the geometry of its figures'
//! chart. Every value is escaped for an HTML attribute, since a site's
//! attributes end up in the host page's markup.

use linan_shared::{DistrictCode, EmbedDay, WidgetAttrs, percent_encode};

/// Escapes text for an HTML attribute value.
fn attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The widget's attributes in snippet order: the district first.
fn pairs(district: &DistrictCode, attrs: &WidgetAttrs) -> Vec<(&'static str, String)> {
    let mut all = vec![("district", district.to_string())];
    all.extend(attrs.pairs());
    all
}

/// The two lines a site pastes: the loader from `base` (our origin) and the element.
pub fn script_snippet(base: &str, district: &DistrictCode, attrs: &WidgetAttrs) -> String {
    let attributes: String = pairs(district, attrs).iter().map(|(k, v)| format!(" {k}=\"{}\"", attr(v))).collect();
    format!(
        "<script type=\"module\" src=\"{}/widget/linan-benefits.js\"></script>\n<linan-benefits{attributes}></linan-benefits>",
        attr(base)
    )
}

/// The `/embed` address for these attributes (the iframe form and the preview).
pub fn embed_url(base: &str, district: &DistrictCode, attrs: &WidgetAttrs) -> String {
    let query: Vec<String> = pairs(district, attrs).iter().map(|(k, v)| format!("{k}={}", percent_encode(v))).collect();
    format!("{base}/embed?{}", query.join("&"))
}

/// The iframe form, for hosts whose Content-Security-Policy forbids WebAssembly.
pub fn iframe_snippet(base: &str, district: &DistrictCode, attrs: &WidgetAttrs) -> String {
    format!(
        "<iframe src=\"{}\" title=\"荔南人才之家\" style=\"width:100%;height:640px;border:0\" loading=\"lazy\"></iframe>",
        attr(&embed_url(base, district, attrs))
    )
}

/// The chart's size in SVG units (it scales to its box).
pub const CHART_W: f64 = 640.0;
/// The chart's height.
pub const CHART_H: f64 = 200.0;
/// Room for the axis labels.
const PAD: f64 = 28.0;

/// One series of the chart: a kind's counts as an SVG `points` list.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// 0 loads, 1 searches, 2 details, 3 sign-ins.
    pub kind: usize,
    /// `x,y x,y …`.
    pub points: String,
}

/// The chart: the largest count (the top of the axis) and one polyline per kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// The top of the y axis.
    pub max: i64,
    /// The four series.
    pub series: Vec<Series>,
}

/// The day's counts in kind order.
pub fn counts(d: &EmbedDay) -> [i64; 4] {
    [d.loads, d.searches, d.details, d.sign_ins]
}

/// Lays out `days` (oldest first) left to right, counts bottom to top.
pub fn chart(days: &[EmbedDay]) -> Chart {
    let max = days.iter().flat_map(counts).max().unwrap_or(0).max(1);
    let step = if days.len() > 1 { (CHART_W - 2.0 * PAD) / (days.len() - 1) as f64 } else { 0.0 };
    let series = (0..4)
        .map(|kind| {
            let points = days
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    let x = PAD + step * i as f64;
                    let y = CHART_H - PAD - (CHART_H - 2.0 * PAD) * counts(d)[kind] as f64 / max as f64;
                    format!("{x:.1},{y:.1}")
                })
                .collect::<Vec<_>>()
                .join(" ");
            Series { kind, points }
        })
        .collect();
    Chart { max, series }
}

#[cfg(test)]
mod tests {
    use super::*;
    use linan_shared::{Date, Lang, Theme};

    fn nanhai() -> DistrictCode {
        DistrictCode::parse("nanhai").unwrap()
    }

    #[test]
    fn snippets_carry_the_site_attributes() {
        let attrs = WidgetAttrs {
            lang: Some(Lang::En),
            theme: Some(Theme::Dark),
            my_card: Some(false),
            events: Some(false),
            ..WidgetAttrs::default()
        };
        assert_eq!(
            script_snippet("https://t.cn", &nanhai(), &attrs),
            "<script type=\"module\" src=\"https://t.cn/widget/linan-benefits.js\"></script>\n\
             <linan-benefits district=\"nanhai\" lang=\"en\" theme=\"dark\" my-card=\"off\" events=\"off\"></linan-benefits>"
        );
        assert_eq!(
            iframe_snippet("https://t.cn", &nanhai(), &attrs),
            "<iframe src=\"https://t.cn/embed?district=nanhai&amp;lang=en&amp;theme=dark&amp;my-card=off&amp;events=off\" \
             title=\"荔南人才之家\" style=\"width:100%;height:640px;border:0\" loading=\"lazy\"></iframe>"
        );
    }

    #[test]
    fn the_chart_scales_to_the_largest_count() {
        let day =
            |d: &str, loads| EmbedDay { day: Date::parse(d).unwrap(), loads, searches: 0, details: 1, sign_ins: 0 };
        let c = chart(&[day("2026-12-01", 4), day("2026-12-02", 2)]);
        assert_eq!(c.max, 4);
        assert_eq!(c.series[0].points, "28.0,28.0 612.0,100.0");
        assert_eq!(c.series[3].points, "28.0,172.0 612.0,172.0");
        assert_eq!(chart(&[]).max, 1);
    }
}
