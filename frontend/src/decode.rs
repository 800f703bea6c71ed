//! Decoding API answers into the shared DTOs, straight from the JS objects
//! `Response.json()` produced.
//!
//! Why not serde: the DTOs' derived `Deserialize` impls plus a serde format
//! (`serde-wasm-bindgen`) cost about 30 KB gzip against the widget's budget
//! of 118,000 B (`frontend/e2e/widget.test.mjs`, docs/benchmarks.md) —
//! `#[serde(flatten)]` and internally tagged enums are the heavy
//! part. Reading the fields by name is a few KB. The types are still the
//! shared ones, built through their validating constructors, and a browser
//! test decodes what serde *serializes* for every type read here, so the two
//! cannot drift apart silently.
//!
//! Semantics follow the derives: unknown fields are ignored, optional fields
//! may be missing or `null`, anything else malformed fails the whole value.

use js_sys::{Array, Reflect};
use linan_shared::{
    BenefitDetail, BenefitPage, BenefitSummary, CardBenefitDto, CardBenefits, CardDto, CardReach, CardSchemeDto,
    CardSchemesDto, CardSessionDto, CardStatus, CategoryCode, CategoryDto, CounterCodeDto, Date, DistrictCode,
    DistrictDto, EligibilityRule, ErrorBody, ErrorDetail, EventDetail, EventPage, EventStatus, EventSummary, EventType,
    GeoPoint, Gives, LocalizedText, PartnerKind, PartnerSummary, Quota, QuotaPeriod, Reach, RecognitionDto,
    RedemptionDto, RedemptionList, Refusal, RegistrationDto, RegistrationList, RegistrationStatus, SchemeCode,
    TierCode, TierDto, Validity, Venue,
};
use wasm_bindgen::JsValue;

/// A value that can be read from a parsed JSON value.
pub trait FromJs: Sized {
    /// The value, or `None` when `js` does not have its shape.
    fn from_js(js: &JsValue) -> Option<Self>;
}

/// `object[key]`; `undefined` when absent or when `object` is no object.
fn field(object: &JsValue, key: &str) -> JsValue {
    if !object.is_object() {
        return JsValue::UNDEFINED;
    }
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// A required field.
fn req<T: FromJs>(object: &JsValue, key: &str) -> Option<T> {
    T::from_js(&field(object, key))
}

/// An optional field: missing or `null` is `Some(None)`, malformed is `None`.
fn opt<T: FromJs>(object: &JsValue, key: &str) -> Option<Option<T>> {
    let value = field(object, key);
    if value.is_null() || value.is_undefined() { Some(None) } else { T::from_js(&value).map(Some) }
}

impl FromJs for String {
    fn from_js(js: &JsValue) -> Option<Self> {
        js.as_string()
    }
}

impl FromJs for f64 {
    fn from_js(js: &JsValue) -> Option<Self> {
        js.as_f64().filter(|n| n.is_finite())
    }
}

/// Integers arrive as JS numbers; only whole numbers in range are accepted.
macro_rules! from_js_int {
    ($($t:ty),*) => {$(
        impl FromJs for $t {
            fn from_js(js: &JsValue) -> Option<Self> {
                let n = js.as_f64().filter(|n| n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_991.0)?;
                <$t>::try_from(n as i64).ok()
            }
        }
    )*};
}
from_js_int!(i64, i32, u32, u16, u8);

impl<T: FromJs> FromJs for Vec<T> {
    fn from_js(js: &JsValue) -> Option<Self> {
        if !Array::is_array(js) {
            return None;
        }
        Array::from(js).iter().map(|item| T::from_js(&item)).collect()
    }
}

/// Codes and dates are strings parsed by their own validating constructors.
macro_rules! from_js_parsed {
    ($($t:ty),*) => {$(
        impl FromJs for $t {
            fn from_js(js: &JsValue) -> Option<Self> {
                <$t>::parse(&js.as_string()?).ok()
            }
        }
    )*};
}
from_js_parsed!(DistrictCode, CategoryCode, SchemeCode, TierCode, Date);

impl FromJs for GeoPoint {
    fn from_js(js: &JsValue) -> Option<Self> {
        GeoPoint::new(req(js, "lat")?, req(js, "lon")?).ok()
    }
}

impl FromJs for LocalizedText {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(LocalizedText { zh_cn: req(js, "zh-CN")?, zh_hk: opt(js, "zh-HK")?, en: opt(js, "en")? })
    }
}

impl FromJs for PartnerKind {
    fn from_js(js: &JsValue) -> Option<Self> {
        PartnerKind::from_code(&js.as_string()?)
    }
}

impl FromJs for QuotaPeriod {
    fn from_js(js: &JsValue) -> Option<Self> {
        QuotaPeriod::from_code(&js.as_string()?)
    }
}

impl FromJs for Gives {
    fn from_js(js: &JsValue) -> Option<Self> {
        // Internally tagged by `kind`, snake_case, as `#[serde(tag = "kind")]` writes it.
        Some(match field(js, "kind").as_string()?.as_str() {
            "percent_off" => Gives::PercentOff { percent: req(js, "percent")? },
            "amount_off" => Gives::AmountOff { amount_fen: req(js, "amount_fen")? },
            "fixed_price" => Gives::FixedPrice { price_fen: req(js, "price_fen")? },
            "free_entry" => Gives::FreeEntry,
            "priority_service" => Gives::PriorityService,
            "gift" => Gives::Gift,
            _ => return None,
        })
    }
}

impl FromJs for EligibilityRule {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(EligibilityRule { scheme: req(js, "scheme")?, min_tier: req(js, "min_tier")? })
    }
}

impl FromJs for Validity {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(Validity { from: req(js, "from")?, until: req(js, "until")? })
    }
}

impl FromJs for Quota {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(Quota {
            per_person_limit: opt(js, "per_person_limit")?,
            per_person_period: opt(js, "per_person_period")?,
            daily_stock: opt(js, "daily_stock")?,
        })
    }
}

impl FromJs for PartnerSummary {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(PartnerSummary { id: req(js, "id")?, name: req(js, "name")?, kind: req(js, "kind")? })
    }
}

impl FromJs for BenefitSummary {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(BenefitSummary {
            id: req(js, "id")?,
            category: req(js, "category")?,
            district: req(js, "district")?,
            partner: req(js, "partner")?,
            title: req(js, "title")?,
            summary: req(js, "summary")?,
            gives: req(js, "gives")?,
            eligibility: req(js, "eligibility")?,
            validity: req(js, "validity")?,
            location: req(js, "location")?,
            distance_km: opt(js, "distance_km")?,
        })
    }
}

impl FromJs for BenefitDetail {
    fn from_js(js: &JsValue) -> Option<Self> {
        // `summary` is `#[serde(flatten)]`: its fields sit on the same object.
        Some(BenefitDetail {
            summary: BenefitSummary::from_js(js)?,
            description: req(js, "description")?,
            terms: req(js, "terms")?,
            address: req(js, "address")?,
            quota: req(js, "quota")?,
            reached_by: req(js, "reached_by")?,
            version: req(js, "version")?,
            updated_at: req(js, "updated_at")?,
        })
    }
}

/// Internally tagged by `kind`, as serde writes it.
impl FromJs for Reach {
    fn from_js(js: &JsValue) -> Option<Self> {
        match req::<String>(js, "kind")?.as_str() {
            "direct" => Some(Reach::Direct),
            "recognition" => Some(Reach::Recognition {
                recognition_id: req(js, "recognition_id")?,
                as_scheme: req(js, "as_scheme")?,
                as_tier: req(js, "as_tier")?,
            }),
            _ => None,
        }
    }
}

impl FromJs for CardReach {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(CardReach { scheme: req(js, "scheme")?, tier: req(js, "tier")?, via: req(js, "via")? })
    }
}

impl FromJs for BenefitPage {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(BenefitPage { items: req(js, "items")?, next_cursor: opt(js, "next_cursor")? })
    }
}

impl FromJs for DistrictDto {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(DistrictDto { code: req(js, "code")?, name: req(js, "name")? })
    }
}

impl FromJs for CategoryDto {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(CategoryDto { code: req(js, "code")?, name: req(js, "name")? })
    }
}

impl FromJs for TierDto {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(TierDto { code: req(js, "code")?, rank: req(js, "rank")?, name: req(js, "name")? })
    }
}

impl FromJs for CardSchemeDto {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(CardSchemeDto {
            code: req(js, "code")?,
            district: req(js, "district")?,
            name: req(js, "name")?,
            tiers: req(js, "tiers")?,
        })
    }
}

impl FromJs for RecognitionDto {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(RecognitionDto {
            id: req(js, "id")?,
            from_scheme: req(js, "from_scheme")?,
            from_tier: req(js, "from_tier")?,
            to_scheme: req(js, "to_scheme")?,
            to_tier: req(js, "to_tier")?,
            valid_from: opt(js, "valid_from")?,
            valid_until: opt(js, "valid_until")?,
        })
    }
}

impl FromJs for CardSchemesDto {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(CardSchemesDto { schemes: req(js, "schemes")?, recognition: req(js, "recognition")? })
    }
}

impl FromJs for ErrorDetail {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(ErrorDetail {
            code: req(js, "code")?,
            message: req(js, "message")?,
            param: opt(js, "param")?,
            current_version: None,
        })
    }
}

impl FromJs for ErrorBody {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(ErrorBody { error: req(js, "error")? })
    }
}

// The cardholder's answers (`/api/v1/cardholder/*`).

impl FromJs for CardStatus {
    fn from_js(js: &JsValue) -> Option<Self> {
        CardStatus::parse(&js.as_string()?)
    }
}

/// A refusal code (`quota_used`), as in benefit items and 409 error bodies.
pub fn refusal(code: &str) -> Option<Refusal> {
    Refusal::parse(code)
}

impl FromJs for Refusal {
    fn from_js(js: &JsValue) -> Option<Self> {
        refusal(&js.as_string()?)
    }
}

impl FromJs for CardDto {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(CardDto {
            number: req(js, "number")?,
            scheme: req(js, "scheme")?,
            tier: req(js, "tier")?,
            holder_name: req(js, "holder_name")?,
            valid_until: req(js, "valid_until")?,
            status: req(js, "status")?,
        })
    }
}

impl FromJs for CardSessionDto {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(CardSessionDto { token: req(js, "token")?, expires_at: req(js, "expires_at")?, card: req(js, "card")? })
    }
}

impl FromJs for CardBenefitDto {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(CardBenefitDto {
            benefit: req(js, "benefit")?,
            via: req(js, "via")?,
            refusal: opt(js, "refusal")?,
            remaining: opt(js, "remaining")?,
            period: opt(js, "period")?,
            stock_left: opt(js, "stock_left")?,
        })
    }
}

impl FromJs for CardBenefits {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(CardBenefits { card: req(js, "card")?, items: req(js, "items")? })
    }
}

impl FromJs for CounterCodeDto {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(CounterCodeDto {
            code: req(js, "code")?,
            qr: req(js, "qr")?,
            expires_at: req(js, "expires_at")?,
            valid_secs: req(js, "valid_secs")?,
        })
    }
}

impl FromJs for RedemptionDto {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(RedemptionDto {
            id: req(js, "id")?,
            benefit_id: req(js, "benefit_id")?,
            benefit_title: req(js, "benefit_title")?,
            partner_name: req(js, "partner_name")?,
            card_number: req(js, "card_number")?,
            redeemed_at: req(js, "redeemed_at")?,
            voided_at: opt(js, "voided_at")?,
            void_reason: opt(js, "void_reason")?,
        })
    }
}

impl FromJs for RedemptionList {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(RedemptionList { items: req(js, "items")? })
    }
}

// Events (`/api/v1/events`, `/api/v1/cardholder/events`).

/// The closed enums of events are their codes.
macro_rules! from_js_coded {
    ($($t:ty),*) => {$(
        impl FromJs for $t {
            fn from_js(js: &JsValue) -> Option<Self> {
                <$t>::parse(&js.as_string()?)
            }
        }
    )*};
}
from_js_coded!(EventType, EventStatus, RegistrationStatus);

impl FromJs for Venue {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(Venue { address: req(js, "address")?, location: opt(js, "location")?, online_url: opt(js, "online_url")? })
    }
}

impl FromJs for EventSummary {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(EventSummary {
            id: req(js, "id")?,
            event_type: req(js, "type")?,
            status: req(js, "status")?,
            district: req(js, "district")?,
            organiser: req(js, "organiser")?,
            title: req(js, "title")?,
            summary: req(js, "summary")?,
            starts_at: req(js, "starts_at")?,
            ends_at: req(js, "ends_at")?,
            venue: req(js, "venue")?,
            capacity: req(js, "capacity")?,
            seats_left: req(js, "seats_left")?,
            waitlist: req(js, "waitlist")?,
            registration_open: req(js, "registration_open")?,
            eligibility: req(js, "eligibility")?,
        })
    }
}

impl FromJs for bool {
    fn from_js(js: &JsValue) -> Option<Self> {
        js.as_bool()
    }
}

impl FromJs for EventDetail {
    fn from_js(js: &JsValue) -> Option<Self> {
        // `summary` is `#[serde(flatten)]`: its fields sit on the same object.
        Some(EventDetail {
            summary: EventSummary::from_js(js)?,
            description: req(js, "description")?,
            agenda: req(js, "agenda")?,
            registration_opens_at: req(js, "registration_opens_at")?,
            registration_closes_at: req(js, "registration_closes_at")?,
            per_person_yearly: opt(js, "per_person_yearly")?,
            cancel_reason: opt(js, "cancel_reason")?,
        })
    }
}

impl FromJs for EventPage {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(EventPage { items: req(js, "items")?, next_cursor: opt(js, "next_cursor")? })
    }
}

impl FromJs for RegistrationDto {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(RegistrationDto {
            event_id: req(js, "event_id")?,
            title: req(js, "title")?,
            starts_at: req(js, "starts_at")?,
            event_status: req(js, "event_status")?,
            cancel_reason: opt(js, "cancel_reason")?,
            status: req(js, "status")?,
            position: opt(js, "position")?,
            card_number: req(js, "card_number")?,
            registered_at: req(js, "registered_at")?,
            checked_in_at: opt(js, "checked_in_at")?,
        })
    }
}

impl FromJs for RegistrationList {
    fn from_js(js: &JsValue) -> Option<Self> {
        Some(RegistrationList { items: req(js, "items")? })
    }
}
