//! Languages: `lang=`, `Accept-Language`, and fallback to zh-CN.

use linan_shared::{BenefitDetail, LocalizedText};
use linan_tests::{
    TestApp, db_tests,
    fixtures::{benefit_input, zh},
};

db_tests!(Demo => {
    lang_en_returns_english_texts,
    accept_language_chooses_when_lang_is_absent,
    missing_translations_fall_back_to_simplified_chinese,
});

fn has_han(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

async fn lang_en_returns_english_texts(app: TestApp) {
    let en = app.benefits("lang=en&limit=100").await;
    assert!(en.items.iter().all(|b| !has_han(&b.title)), "demo benefits all have English titles");
    let zh_cn = app.benefits("lang=zh-CN&limit=100").await;
    assert!(zh_cn.items.iter().all(|b| has_han(&b.title)));
    let response = app.get("/api/v1/benefits?lang=en").await;
    assert_eq!(response.headers()["content-language"], "en");
}

async fn accept_language_chooses_when_lang_is_absent(app: TestApp) {
    let response = app.get_with("/api/v1/benefits?limit=5", &[("accept-language", "en-GB,en;q=0.9")]).await;
    assert_eq!(response.headers()["content-language"], "en");
    let page: linan_shared::BenefitPage = response.json().await.unwrap();
    assert!(page.items.iter().all(|b| !has_han(&b.title)));
    // An explicit lang wins over the header.
    let response = app.get_with("/api/v1/benefits?limit=5&lang=zh-HK", &[("accept-language", "en")]).await;
    assert_eq!(response.headers()["content-language"], "zh-HK");
    // Nothing usable: zh-CN.
    let response = app.get_with("/api/v1/benefits?limit=5", &[("accept-language", "fr-FR")]).await;
    assert_eq!(response.headers()["content-language"], "zh-CN");
}

async fn missing_translations_fall_back_to_simplified_chinese(app: TestApp) {
    let partner = app.add_partner("liwan", "只有简体的商户", 23.12, 113.24).await;
    let mut input = benefit_input(LocalizedText::new("只有简体标题", None, Some("English title")));
    input.terms = zh("只有简体条款");
    let id = app.add_benefit(partner, &input).await;
    let hk: BenefitDetail = app.get_json(&format!("/api/v1/benefits/{id}?lang=zh-HK")).await;
    assert_eq!(hk.summary.title, "只有简体标题");
    assert_eq!(hk.summary.partner.name, "只有简体的商户");
    let en: BenefitDetail = app.get_json(&format!("/api/v1/benefits/{id}?lang=en")).await;
    assert_eq!(en.summary.title, "English title");
    assert_eq!(en.terms, "只有简体条款", "terms fall back to zh-CN");
    let profile: linan_shared::PartnerDto = app.get_json(&format!("/api/v1/partners/{partner}?lang=en")).await;
    assert_eq!(profile.name, "只有简体的商户", "a partner's name falls back too");
}
