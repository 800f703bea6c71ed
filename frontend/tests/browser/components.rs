//! Single components with fixed props: what they render, and that API text
//! stays text.

use std::cell::Cell;
use std::rc::Rc;

use linan_frontend::api::ClientError;
use linan_frontend::components::{
    BenefitListProps, EligibilityTextProps, EmptyStateProps, ErrorBoxProps, ResultCountProps, benefit_list,
    eligibility_text, empty_state, error_box, result_count,
};
use linan_frontend::i18n::{CardKey, Key, Text, t};
use linan_frontend::model::Lang;
use linan_frontend::state::Status;
use wasm_bindgen_test::wasm_bindgen_test;
use yew::Callback;

use crate::fixtures::{HOSTILE_TITLE, reached_youyue_b, schemes, summary};
use crate::support::{click, find, find_all, show, text};

#[wasm_bindgen_test]
async fn the_list_renders_titles_as_text_never_as_markup() {
    let opened = Rc::new(Cell::new(0));
    let on_open = {
        let opened = opened.clone();
        Callback::from(move |id: i64| opened.set(id))
    };
    let props = BenefitListProps {
        lang: Lang::ZhCn,
        items: vec![summary(1, "沙面免费导览"), summary(2, HOSTILE_TITLE)],
        categories: Rc::new(Vec::new()),
        on_open,
    };
    let (app, root) = show(benefit_list(&props)).await;

    let list = find(&root, "ul.lw-list[role=list]").expect("the list");
    let items = find_all(&list, "li.lw-item[role=listitem]");
    assert_eq!(items.len(), 2);
    assert_eq!(items[1].get_attribute("data-id").as_deref(), Some("2"));
    assert_eq!(text(&root, "[data-id=\"1\"] button.lw-open .lw-title"), "沙面免费导览");
    assert_eq!(text(&root, "[data-id=\"2\"] .lw-title"), HOSTILE_TITLE);
    assert!(find(&root, "img").is_none(), "a title must never become an element");
    assert_eq!(text(&root, "[data-id=\"1\"] .lw-gives"), "8折");
    assert_eq!(text(&root, "[data-id=\"1\"] .lw-distance"), "距离 1.3 公里");

    click(&root, "[data-id=\"2\"] .lw-open");
    assert_eq!(opened.get(), 2);
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn the_empty_state_says_so_in_the_widget_language() {
    for (lang, expected) in [(Lang::ZhCn, "没有找到符合条件的优惠。"), (Lang::En, "No benefits match your choice.")]
    {
        let (app, root) = show(empty_state(&EmptyStateProps { lang })).await;
        assert_eq!(text(&root, "p.lw-empty"), expected);
        app.destroy();
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn the_error_state_is_an_alert_with_a_working_retry() {
    let retried = Rc::new(Cell::new(0));
    let on_retry = {
        let retried = retried.clone();
        Callback::from(move |()| retried.set(retried.get() + 1))
    };
    let props = ErrorBoxProps { lang: Lang::ZhHk, error: ClientError::Network, on_retry };
    let (app, root) = show(error_box(&props)).await;
    let error = find(&root, "div.lw-error").expect("the error box");
    assert_eq!(error.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(text(&root, ".lw-error-text"), t(Lang::ZhHk, Key::ErrorNetwork));
    assert_eq!(text(&root, "button.lw-retry"), "重試");
    click(&root, ".lw-retry");
    assert_eq!(retried.get(), 1);
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn the_count_is_a_polite_live_region_that_says_when_there_is_more() {
    let props = ResultCountProps { lang: Lang::ZhCn, status: Status::Ready, shown: 20, has_more: true };
    let (app, root) = show(result_count(&props)).await;
    let count = find(&root, "p.lw-count").expect("the count");
    assert_eq!(count.get_attribute("aria-live").as_deref(), Some("polite"));
    assert_eq!(count.text_content().as_deref(), Some("至少 20 项"));
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn eligibility_names_the_cards_that_qualify_through_recognition() {
    let props = EligibilityTextProps { lang: Lang::ZhCn, reached: reached_youyue_b(), schemes: Some(schemes()) };
    let (app, root) = show(eligibility_text(&props)).await;
    let lines: Vec<String> = find_all(&root, "li").iter().filter_map(|li| li.text_content()).collect();
    assert_eq!(lines, ["优粤佛山卡：B卡及以上（A卡、B卡）", "荔湾区英才卡：B卡及以上（A卡、B卡）"]);
    assert!(root.text_content().unwrap_or_default().contains("通过身份互认"));
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
fn every_ui_string_exists_in_all_three_languages_without_latin_letters_in_chinese() {
    // Both tables: the widget's and "My card"'s.
    let widget = Key::ALL.iter().map(|k| (format!("{k:?}"), k.translations()));
    let rows: Vec<(String, [&str; 3])> =
        widget.chain(CardKey::ALL.iter().map(|k| (format!("{k:?}"), k.translations()))).collect();
    for (key, texts) in rows {
        for (lang, text) in Lang::ALL.into_iter().zip(texts) {
            assert!(!text.trim().is_empty(), "{key} in {lang}");
        }
        for (lang, text) in [(Lang::ZhCn, texts[0]), (Lang::ZhHk, texts[1])] {
            let mut depth = 0;
            let latin = text.chars().any(|c| {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                depth == 0 && c.is_ascii_alphabetic()
            });
            assert!(!latin, "{key} in {lang} has Latin letters");
        }
    }
}
