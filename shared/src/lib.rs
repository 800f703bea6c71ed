//! The contract of the Linan Talent Home platform (荔南人才之家).
//!
//! Everything that crosses the HTTP boundary lives here, once: request and
//! response DTOs, the enums of the domain (language, lifecycle state, sort
//! order) and validated newtypes (codes, dates, geo points). The backend, the
//! Yew frontend (compiled to `wasm32-unknown-unknown`) and the integration
//! tests all depend on this crate, so nobody redeclares a DTO by hand.
//!
//! The crate is deliberately light: `serde` only, plus `utoipa` behind the
//! `openapi` feature for the backend's OpenAPI document. Parsing follows
//! "parse, don't validate": a value of one of these types is valid by
//! construction.
//!
//! # Examples
//!
//! ```
//! use linan_shared::{GeoPoint, Lang, LocalizedText};
//!
//! let point = GeoPoint::parse("23.1256,113.2443").unwrap();
//! assert!((point.lat() - 23.1256).abs() < 1e-9);
//!
//! let text = LocalizedText::new("荔枝湾涌", None, Some("Lizhiwan Creek"));
//! assert_eq!(text.get(Lang::En), "Lizhiwan Creek");
//! assert_eq!(text.get(Lang::ZhHk), "荔枝湾涌"); // falls back to zh-CN
//! ```

mod account;
mod audit;
mod audit_action;
mod benefit;
mod card_number;
mod cardholder;
mod cards;
mod catalogue;
mod china_time;
mod codes;
mod date;
mod embed;
mod encode;
mod error;
mod event;
mod event_door;
mod event_input;
mod event_query;
mod fill;
mod geo;
mod holds;
mod input;
mod lang;
mod money;
mod ops;
mod proof;
mod reference;
mod review;

pub use account::{
    AccountDto, AccountList, InviteDto, InviteList, InviteRequest, LoginRequest, MAX_EMAIL_CHARS, MAX_PASSWORD_CHARS,
    MIN_PASSWORD_CHARS, PasswordChange, PendingInvite, Role, SessionDto, SignupRequest, check_email, check_password,
};
pub use audit::{AuditEventDto, AuditPage};
pub use audit_action::AuditAction;
pub use benefit::{
    BenefitDetail, BenefitStatus, BenefitSummary, CardReach, EligibilityRule, Gives, PartnerSummary, Quota,
    QuotaPeriod, Reach, Validity,
};
pub use card_number::{CardNumber, MAX_CARD_NUMBER_CHARS};
pub use cardholder::{
    CardBenefitDto, CardBenefits, CardDto, CardSessionDto, CounterCodeDto, FigureRow, Figures, ReasonRequest,
    RedemptionDto, RedemptionList, RedemptionRequest, Refusal, StockLeft, VoidRequest,
};
pub use cards::{
    CardNumberError, CardNumberFormat, CardStatus, CheckDigit, ImportReport, PersonStatus, RejectedRow,
    luhn_check_digit, luhn_valid,
};
pub use catalogue::{
    BenefitPage, BenefitQuery, DEFAULT_LIMIT, MAX_LIMIT, MAX_QUERY_CHARS, MAX_RADIUS_KM, QueryError, SortOrder,
};
pub use china_time::{china_local, china_time, from_china_local};
pub use codes::{CategoryCode, CodeError, DistrictCode, SchemeCode, TierCode};
pub use date::{Date, DateError};
pub use embed::{
    EmbedDay, EmbedFigures, EmbedSiteDto, EmbedSiteInput, EmbedSiteList, EmbedSiteWrite, MAX_SITE_ORIGINS,
    MAX_SITE_TEXT_CHARS, Theme, WidgetAttrs, site_origin,
};
pub use encode::{decimal, percent_decode, percent_encode};
pub use error::{ErrorBody, ErrorDetail};
pub use event::{
    EventDetail, EventPage, EventStatus, EventSummary, EventType, RegistrationDto, RegistrationList,
    RegistrationStatus, Venue,
};
pub use event_door::{DoorEntry, DoorFigures, DoorList};
pub use event_input::{
    EventDto, EventInput, EventList, EventRevisionDto, EventWrite, MAX_CAPACITY, MAX_URL_CHARS, VenueInput,
};
pub use event_query::EventQuery;
pub use fill::fill;
pub use geo::{GeoError, GeoPoint};
pub use holds::{HoldDto, HoldList, HoldTarget};
pub use input::{
    BenefitInput, FieldError, MAX_ELIGIBILITY_RULES, MAX_LONG_TEXT_CHARS, MAX_SUMMARY_CHARS, MAX_TITLE_CHARS,
    PartnerInput,
};
pub use lang::{Lang, LangError, LocalizedText};
pub use money::yuan;
pub use ops::HealthDto;
pub use proof::{CardFactor, CardLogin, CardProof, Shown, check_card_number};
pub use reference::{
    CardSchemeDto, CardSchemesDto, CategoryDto, DistrictDto, PartnerDto, PartnerKind, RecognitionDto, RecognitionInput,
    TierDto,
};
pub use review::{
    Decision, MAX_REASON_CHARS, MAX_UNPUBLISHED_OFFERS, OfferDto, OfferList, OfferWrite, PartnerList,
    PartnerProfileDto, PartnerRevisionDto, PartnerStatus, PartnerWrite, RevisionDto, RevisionStatus, VersionRef,
    required_reason,
};
