//! Full-text search: Chinese terms of any length, English in any case, AND
//! across terms, title matches first.

use std::collections::BTreeSet;

use linan_shared::LocalizedText;
use linan_tests::today;
use linan_tests::{
    TestApp, db_tests,
    fixtures::{benefit_input, zh},
};

db_tests!(Demo => {
    two_character_chinese_queries_find_what_a_substring_scan_finds,
    several_terms_must_all_match,
    english_search_ignores_case,
    title_matches_rank_above_description_matches,
    wildcard_characters_in_a_query_are_literal,
    a_query_matching_nothing_is_an_empty_page,
});

/// The oracle: public benefits whose texts (any language), partner name or
/// address contain every term, case-insensitively.
async fn expected(app: &TestApp, terms: &[&str]) -> BTreeSet<i64> {
    app.public_in_db(today())
        .await
        .into_iter()
        .filter(|(b, p)| {
            let texts = [
                Some(&b.title_zh_cn),
                b.title_zh_hk.as_ref(),
                b.title_en.as_ref(),
                Some(&b.summary_zh_cn),
                b.summary_zh_hk.as_ref(),
                b.summary_en.as_ref(),
                Some(&b.description_zh_cn),
                b.description_zh_hk.as_ref(),
                b.description_en.as_ref(),
                Some(&b.terms_zh_cn),
                b.terms_zh_hk.as_ref(),
                b.terms_en.as_ref(),
                Some(&p.name_zh_cn),
                p.name_zh_hk.as_ref(),
                p.name_en.as_ref(),
                Some(&p.address_zh_cn),
                p.address_zh_hk.as_ref(),
                p.address_en.as_ref(),
            ];
            let all: String = texts.into_iter().flatten().map(|t| t.to_lowercase()).collect::<Vec<_>>().join("\n");
            terms.iter().all(|t| all.contains(&t.to_lowercase()))
        })
        .map(|(b, _)| b.id)
        .collect()
}

fn encode(q: &str) -> String {
    q.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

async fn search(app: &TestApp, q: &str) -> Vec<linan_shared::BenefitSummary> {
    app.all_benefits(&format!("q={}&limit=100", encode(q))).await
}

async fn two_character_chinese_queries_find_what_a_substring_scan_finds(app: TestApp) {
    for q in ["医院", "西樵", "荔枝", "公园", "茶"] {
        let found: BTreeSet<i64> = search(&app, q).await.iter().map(|b| b.id).collect();
        let want = expected(&app, &[q]).await;
        assert!(!want.is_empty(), "the demo data mentions {q}");
        assert_eq!(found, want, "q={q}");
    }
}

async fn several_terms_must_all_match(app: TestApp) {
    let both: BTreeSet<i64> = search(&app, "西樵 免费").await.iter().map(|b| b.id).collect();
    assert_eq!(both, expected(&app, &["西樵", "免费"]).await);
    let xiqiao: BTreeSet<i64> = search(&app, "西樵").await.iter().map(|b| b.id).collect();
    assert!(both.is_subset(&xiqiao));
    // Ideographic space separates terms too.
    let ideographic: BTreeSet<i64> = search(&app, "西樵\u{3000}免费").await.iter().map(|b| b.id).collect();
    assert_eq!(ideographic, both);
}

async fn english_search_ignores_case(app: TestApp) {
    let lower: BTreeSet<i64> = search(&app, "museum").await.iter().map(|b| b.id).collect();
    let upper: BTreeSet<i64> = search(&app, "MUSEUM").await.iter().map(|b| b.id).collect();
    let mixed: BTreeSet<i64> = search(&app, "MuSeUm").await.iter().map(|b| b.id).collect();
    assert!(!lower.is_empty());
    assert_eq!(lower, upper);
    assert_eq!(lower, mixed);
    assert_eq!(lower, expected(&app, &["museum"]).await);
}

async fn title_matches_rank_above_description_matches(app: TestApp) {
    let partner = app.add_partner("liwan", "排序测试商户", 23.12, 113.24).await;
    let titled = app.add_benefit(partner, &benefit_input(zh("龙舟饭八折"))).await;
    let mut in_description = benefit_input(zh("普通优惠"));
    in_description.description = zh("说明里提到了龙舟饭");
    let described = app.add_benefit(partner, &in_description).await;

    // The description match is newer, so only relevance can put the title first.
    let found = search(&app, "龙舟饭").await;
    let order: Vec<i64> = found.iter().map(|b| b.id).collect();
    assert_eq!(order, vec![titled, described], "relevance is the default order with q");
    let newest: Vec<i64> =
        app.all_benefits(&format!("q={}&sort=newest&limit=100", encode("龙舟饭"))).await.iter().map(|b| b.id).collect();
    assert_eq!(newest, vec![described, titled], "sort=newest ignores where the match is");
}

async fn wildcard_characters_in_a_query_are_literal(app: TestApp) {
    let partner = app.add_partner("nanhai", "通配符测试", 23.03, 113.15).await;
    let id =
        app.add_benefit(partner, &benefit_input(LocalizedText::new("满100_减20%", None, Some("100_off 20%")))).await;
    let found: Vec<i64> = search(&app, "100_减20%").await.iter().map(|b| b.id).collect();
    assert_eq!(found, vec![id]);
    for literal in ["%", "_"] {
        let found: BTreeSet<i64> = search(&app, literal).await.iter().map(|b| b.id).collect();
        assert!(found.contains(&id));
        assert_eq!(found, expected(&app, &[literal]).await, "{literal} matches only itself");
    }
}

async fn a_query_matching_nothing_is_an_empty_page(app: TestApp) {
    let page = app.benefits("q=zzzzqqqq").await;
    assert!(page.items.is_empty());
    assert!(page.next_cursor.is_none());
}
