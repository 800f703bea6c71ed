//! The merchant's figures joined with the offers' titles, for the tables.

use linan_shared::{Figures, Lang, OfferList};

/// Redemptions of one offer on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayRow {
    /// Day (YYYY-MM-DD).
    pub day: String,
    /// The offer's title in the UI language (`None` when the offer is not in the list).
    pub title: Option<String>,
    /// The offer's id.
    pub benefit_id: i64,
    /// Redemptions not voided.
    pub redemptions: u32,
}

/// Stock left today of one offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StockRow {
    /// The offer's title (`None` when unknown).
    pub title: Option<String>,
    /// The offer's id.
    pub benefit_id: i64,
    /// Its daily stock.
    pub daily_stock: u32,
    /// Left today.
    pub left: u32,
}

fn title(offers: &OfferList, id: i64, lang: Lang) -> Option<String> {
    offers.items.iter().find(|o| o.id == id).map(|o| o.offer.title.get(lang).to_owned())
}

/// One row per offer and day, newest day first, then by title.
pub fn day_rows(figures: &Figures, offers: &OfferList, lang: Lang) -> Vec<DayRow> {
    let mut rows: Vec<DayRow> = figures
        .days
        .iter()
        .map(|f| DayRow {
            day: f.day.clone(),
            title: title(offers, f.benefit_id, lang),
            benefit_id: f.benefit_id,
            redemptions: f.redemptions,
        })
        .collect();
    rows.sort_by(|a, b| b.day.cmp(&a.day).then_with(|| a.title.cmp(&b.title)).then(a.benefit_id.cmp(&b.benefit_id)));
    rows
}

/// One row per offer with a daily stock, by title.
pub fn stock_rows(figures: &Figures, offers: &OfferList, lang: Lang) -> Vec<StockRow> {
    let mut rows: Vec<StockRow> = figures
        .stock_left_today
        .iter()
        .map(|s| StockRow {
            title: title(offers, s.benefit_id, lang),
            benefit_id: s.benefit_id,
            daily_stock: s.daily_stock,
            left: s.left,
        })
        .collect();
    rows.sort_by(|a, b| a.title.cmp(&b.title).then(a.benefit_id.cmp(&b.benefit_id)));
    rows
}

#[cfg(test)]
mod tests {
    use linan_shared::{FigureRow, StockLeft};

    use super::*;

    #[test]
    fn rows_are_newest_first_and_unknown_offers_keep_their_id() {
        let figures = Figures {
            days: vec![
                FigureRow { benefit_id: 9, day: "2026-11-27".into(), redemptions: 1 },
                FigureRow { benefit_id: 9, day: "2026-11-28".into(), redemptions: 3 },
            ],
            stock_left_today: vec![StockLeft { benefit_id: 9, daily_stock: 5, left: 2 }],
        };
        let offers = OfferList { items: Vec::new(), next_cursor: None };
        let days = day_rows(&figures, &offers, Lang::ZhCn);
        assert_eq!(days.iter().map(|r| r.day.as_str()).collect::<Vec<_>>(), ["2026-11-28", "2026-11-27"]);
        assert_eq!((days[0].title.clone(), days[0].benefit_id, days[0].redemptions), (None, 9, 3));
        let stock = stock_rows(&figures, &offers, Lang::En);
        assert_eq!((stock[0].daily_stock, stock[0].left), (5, 2));
    }
}
