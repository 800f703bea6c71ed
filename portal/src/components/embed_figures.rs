//! One site's figures over the last 30 days: a line chart drawn here as
//! SVG (no remote script), described for screen readers, and the same
//! numbers as a table.

use linan_shared::EmbedFigures;
use yew::prelude::*;

use super::load_view;
use crate::api::embed;
use crate::context::{Portal, use_portal};
use crate::embed::{CHART_H, CHART_W, chart, counts};
use crate::hooks::use_load;
use crate::i18n::Key;

/// Days shown.
const DAYS: u32 = 30;

/// The four kinds, in the chart's and the table's order.
const KINDS: [Key; 4] = [Key::EmbedLoads, Key::EmbedSearches, Key::EmbedDetails, Key::EmbedSignIns];

/// The figures' properties.
#[derive(Properties, PartialEq)]
pub struct EmbedFiguresViewProps {
    /// The site.
    pub site_id: i64,
}

/// Loads and shows a site's figures.
#[component]
pub fn EmbedFiguresView(props: &EmbedFiguresViewProps) -> Html {
    let portal = use_portal();
    let api = portal.api.clone();
    let data = use_load(props.site_id, move |id| async move { embed::figures(&api, id, DAYS).await });
    let body = load_view(&portal, &data, |f| view(&portal, f));
    html! {
        <section class="card stack embed-figures" aria-labelledby="embed-figures-title">
            <h2 id="embed-figures-title">{ portal.t(Key::EmbedFiguresTitle) }</h2>
            <p class="muted">{ portal.t(Key::EmbedFiguresIntro) }</p>
            { body }
        </section>
    }
}

fn view(portal: &Portal, f: &EmbedFigures) -> Html {
    if f.days.is_empty() {
        return html! { <p class="empty">{ portal.t(Key::EmbedFiguresEmpty) }</p> };
    }
    let c = chart(&f.days);
    let totals: Vec<i64> = (0..4).map(|k| f.days.iter().map(|d| counts(d)[k]).sum()).collect();
    let summary =
        KINDS.iter().zip(&totals).map(|(k, n)| format!("{} {n}", portal.t(*k))).collect::<Vec<_>>().join(", ");
    let desc = portal
        .fill(Key::EmbedChartDesc, &[("from", &f.from.to_string()), ("to", &f.to.to_string()), ("totals", &summary)]);
    html! {
        <>
            <svg class="embed-chart" viewBox={format!("0 0 {CHART_W} {CHART_H}")} role="img"
                aria-labelledby="embed-chart-title embed-chart-desc">
                <title id="embed-chart-title">{ portal.t(Key::EmbedFiguresTitle) }</title>
                <desc id="embed-chart-desc">{ desc }</desc>
                <line class="axis" x1="28" y1={(CHART_H - 28.0).to_string()} x2={(CHART_W - 28.0).to_string()} y2={(CHART_H - 28.0).to_string()} />
                <line class="axis" x1="28" y1="28" x2="28" y2={(CHART_H - 28.0).to_string()} />
                <text x="4" y="32" class="tick">{ c.max }</text>
                <text x="4" y={(CHART_H - 28.0).to_string()} class="tick">{ "0" }</text>
                <text x="28" y={(CHART_H - 8.0).to_string()} class="tick">{ f.days[0].day.to_string() }</text>
                <text x={(CHART_W - 28.0).to_string()} y={(CHART_H - 8.0).to_string()} text-anchor="end" class="tick">
                    { f.days[f.days.len() - 1].day.to_string() }
                </text>
                { for c.series.iter().map(|s| html! {
                    <polyline class={format!("series series-{}", s.kind)} points={s.points.clone()} fill="none" />
                }) }
            </svg>
            <ul class="legend">
                { for KINDS.iter().enumerate().map(|(i, k)| html! {
                    <li><span class={format!("swatch series-{i}")} aria-hidden="true"></span>{ portal.t(*k) }</li>
                }) }
            </ul>
            <div class="table-wrap">
                <table class="figures embed-days" aria-labelledby="embed-figures-title">
                    <thead><tr>
                        <th scope="col">{ portal.t(Key::ColDay) }</th>
                        { for KINDS.iter().map(|k| html! { <th scope="col" class="num">{ portal.t(*k) }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for f.days.iter().map(|d| html! {
                            <tr data-day={d.day.to_string()}>
                                <th scope="row">{ d.day.to_string() }</th>
                                { for counts(d).iter().map(|n| html! { <td class="num">{ *n }</td> }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}
