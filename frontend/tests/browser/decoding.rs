//! The hand-written decoder against serde: whatever the shared DTOs
//! *serialize* to (what the backend sends), `FromJs` reads back unchanged.

use linan_frontend::decode::FromJs;
use linan_frontend::model::{
    BenefitDetail, BenefitPage, CardSchemesDto, CategoryDto, DistrictDto, ErrorBody, ErrorDetail, Gives, Quota,
    QuotaPeriod,
};
use serde::Serialize;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::fixtures::{CARD_SCHEMES, CATEGORIES, DISTRICTS, detail_1, first_page, summary};

/// Serializes with serde, parses with the browser, decodes with `FromJs`.
fn round_trip<T: Serialize + FromJs>(value: &T) -> Option<T> {
    let json = serde_json::to_string(value).unwrap();
    T::from_js(&js_sys::JSON::parse(&json).unwrap())
}

fn parse<T: FromJs>(json: &str) -> Option<T> {
    T::from_js(&js_sys::JSON::parse(json).unwrap())
}

#[wasm_bindgen_test]
fn every_gives_variant_and_quota_round_trips() {
    for gives in [
        Gives::PercentOff { percent: 15 },
        Gives::AmountOff { amount_fen: 1000 },
        Gives::FixedPrice { price_fen: 9900 },
        Gives::FreeEntry,
        Gives::PriorityService,
        Gives::Gift,
    ] {
        assert_eq!(round_trip(&gives), Some(gives));
    }
    let quota = Quota { per_person_limit: Some(2), per_person_period: Some(QuotaPeriod::Month), daily_stock: None };
    assert_eq!(round_trip(&quota), Some(quota));
    assert_eq!(round_trip(&Quota::default()), Some(Quota::default()));
}

#[wasm_bindgen_test]
fn pages_details_and_reference_lists_round_trip() {
    let page =
        BenefitPage { items: vec![(*summary(1, "沙面")).clone(), (*summary(2, "x")).clone()], next_cursor: None };
    assert_eq!(round_trip(&page), Some(page.clone()));
    let detail: BenefitDetail = parse(&detail_1()).unwrap();
    assert_eq!(round_trip(&detail), Some(detail.clone()));
    let schemes: CardSchemesDto = parse(CARD_SCHEMES).unwrap();
    assert_eq!(schemes.recognition.len(), 7);
    assert_eq!(round_trip(&schemes), Some(schemes));
    let districts: Vec<DistrictDto> = parse(DISTRICTS).unwrap();
    assert_eq!(round_trip(&districts), Some(districts));
    let categories: Vec<CategoryDto> = parse(CATEGORIES).unwrap();
    assert_eq!(round_trip(&categories), Some(categories));
    let error = ErrorBody {
        error: ErrorDetail {
            code: "invalid_parameter".into(),
            message: "m".into(),
            param: Some("limit".into()),
            current_version: None,
        },
    };
    assert_eq!(round_trip(&error), Some(error));
    assert_eq!(parse::<BenefitPage>(&first_page()).map(|p| p.items.len()), Some(2));
}

#[wasm_bindgen_test]
fn malformed_values_are_refused_not_guessed() {
    assert_eq!(parse::<BenefitPage>(r#"{"items":[{"id":"1"}],"next_cursor":null}"#), None);
    assert_eq!(parse::<Gives>(r#"{"kind":"percent_off"}"#), None);
    assert_eq!(parse::<Gives>(r#"{"kind":"bitcoin"}"#), None);
    assert_eq!(parse::<DistrictDto>(r#"{"code":"<script>","name":{"zh-CN":"x"}}"#), None);
    assert_eq!(parse::<Quota>(r#"{"per_person_limit":1.5}"#), None);
    assert_eq!(parse::<Vec<DistrictDto>>("{}"), None);
}
