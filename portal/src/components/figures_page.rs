//! `#/figures`: redemptions per offer per day over the last 30 days, and
//! the places left today of offers with a daily limit.

use linan_shared::{Figures, OfferList};
use yew::prelude::*;

use super::load_view;
use crate::api::{counter, merchant};
use crate::context::{Portal, use_portal};
use crate::counter::{day_rows, stock_rows};
use crate::hooks::use_load;
use crate::i18n::Key;

/// The figures and the offers (for their titles), loaded together; two tables.
#[component]
pub fn FiguresPage() -> Html {
    let portal = use_portal();
    let api = portal.api.clone();
    let data = use_load((), move |()| async move {
        let figures = counter::figures(&api, 30).await?;
        let offers = merchant::offers(&api).await?;
        Ok((figures, offers))
    });
    let body = load_view(&portal, &data, |data| {
        let (figures, offers) = &**data;
        tables(&portal, figures, offers)
    });
    html! {
        <>
            <h1>{ portal.t(Key::FiguresTitle) }</h1>
            { body }
        </>
    }
}

fn title(portal: &Portal, title: Option<&String>, id: i64) -> String {
    title.cloned().unwrap_or_else(|| portal.fill(Key::OfferNumber, &[("id", &id.to_string())]))
}

fn tables(portal: &Portal, figures: &Figures, offers: &OfferList) -> Html {
    let days = day_rows(figures, offers, portal.lang);
    let stock = stock_rows(figures, offers, portal.lang);
    html! {
        <>
            <section aria-labelledby="stock-title">
                <h2 id="stock-title">{ portal.t(Key::StockTitle) }</h2>
                if stock.is_empty() {
                    <p class="empty">{ portal.t(Key::StockEmpty) }</p>
                } else {
                    <div class="table-wrap">
                        <table class="figures stock" aria-labelledby="stock-title">
                            <thead><tr>
                                <th scope="col">{ portal.t(Key::ColOffer) }</th>
                                <th scope="col" class="num">{ portal.t(Key::ColDailyStock) }</th>
                                <th scope="col" class="num">{ portal.t(Key::ColLeft) }</th>
                            </tr></thead>
                            <tbody>
                                { for stock.iter().map(|row| html! {
                                    <tr data-id={row.benefit_id.to_string()}>
                                        <th scope="row">{ title(portal, row.title.as_ref(), row.benefit_id) }</th>
                                        <td class="num">{ row.daily_stock }</td>
                                        <td class="num">{ row.left }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                }
            </section>
            <section aria-labelledby="days-title">
                <h2 id="days-title">{ portal.t(Key::FiguresDays) }</h2>
                if days.is_empty() {
                    <p class="empty">{ portal.t(Key::FiguresEmpty) }</p>
                } else {
                    <div class="table-wrap">
                        <table class="figures days" aria-labelledby="days-title">
                            <thead><tr>
                                <th scope="col">{ portal.t(Key::ColDay) }</th>
                                <th scope="col">{ portal.t(Key::ColOffer) }</th>
                                <th scope="col" class="num">{ portal.t(Key::ColRedemptions) }</th>
                            </tr></thead>
                            <tbody>
                                { for days.iter().map(|row| html! {
                                    <tr data-id={row.benefit_id.to_string()} data-day={row.day.clone()}>
                                        <td>{ row.day.clone() }</td>
                                        <th scope="row">{ title(portal, row.title.as_ref(), row.benefit_id) }</th>
                                        <td class="num">{ row.redemptions }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                }
            </section>
        </>
    }
}
