//! The widget's views, one per file.
//!
//! Data flows down as props, events flow up as [`yew::Callback`]s; state
//! lives in [`crate::hooks`]. Texts from the API are always rendered as text
//! nodes (`{text}`), never as markup.
//!
//! Four roots: [`App`], the widget in the host page's shadow root,
//! [`DetailApp`], a benefit's detail, and [`EventsApp`], the events tab
//! (both in the detail's bundle, which the widget's loader fetches when one
//! is first opened), and [`MyCardApp`], the "My card" page the widget
//! frames (its own bundle).
//!
//! Only the pieces that hold state are Yew function components ([`App`],
//! [`CatalogueView`], [`DetailView`], [`SearchBox`], [`MyCardApp`],
//! [`MyCardView`], [`CounterCode`]). The leaves are plain
//! functions of a `#[derive(Properties)]` props struct (`benefit_item(&props)`):
//! each component costs about 2 KB of wasm in Yew's generic machinery, and
//! the widget has a gzip budget. Promoting a leaf back to a component is a
//! one-line change when it needs a hook.

mod app;
mod benefit_item;
mod benefit_list;
mod card_benefit_item;
mod card_note;
mod catalogue_view;
mod category_chips;
mod counter_code;
mod detail_app;
mod detail_body;
mod detail_view;
mod dialog_bar;
mod district_select;
mod eligibility_text;
mod empty_state;
mod error_box;
mod event_detail;
mod event_item;
mod event_registration;
mod events_app;
mod events_view;
mod filter_bar;
mod header;
#[cfg(not(all(feature = "detail", feature = "events")))]
mod lazy_detail;
mod load_more;
mod loading;
mod my_card_app;
mod my_card_frame;
mod my_card_view;
mod my_events;
mod near_button;
mod qr_code;
mod redemption_list;
mod result_count;
mod search_box;
mod tab_bar;

pub use app::{App, AppProps, Shell, ShellAction, VIEWS, View};
pub use benefit_item::{BenefitItemProps, benefit_item};
pub use benefit_list::{BenefitListProps, benefit_list};
pub use card_benefit_item::{CardBenefitItemProps, card_benefit_item};
pub use card_note::{CardNoteProps, card_note};
pub use catalogue_view::{CatalogueView, CatalogueViewProps};
pub use category_chips::{CategoryChipsProps, category_chips};
pub use counter_code::{CounterCode, CounterCodeProps};
pub use detail_app::{DetailApp, DetailAppProps};
pub use detail_body::{DetailBodyProps, detail_body};
pub use detail_view::{DetailView, DetailViewProps};
pub use dialog_bar::{dialog_bar, use_dialog};
pub use district_select::{DistrictSelectProps, district_select};
pub use eligibility_text::{EligibilityTextProps, eligibility_text};
pub use empty_state::{EmptyStateProps, empty_state};
pub use error_box::{ErrorBoxProps, error_box};
pub use event_detail::{EventDetailView, EventDetailViewProps};
pub use event_item::{EventItemProps, event_item, venue_line};
pub use event_registration::{EventRegistration, EventRegistrationProps};
pub use events_app::{EventsApp, EventsAppProps};
pub use events_view::{EventsView, EventsViewProps};
pub use filter_bar::{FilterBarProps, filter_bar};
pub use header::header;
#[cfg(not(all(feature = "detail", feature = "events")))]
pub use lazy_detail::{LazyDetail, LazyDetailProps};
pub use load_more::{LoadMoreProps, load_more};
pub use loading::{LoadingProps, loading};
pub use my_card_app::{MyCardApp, MyCardAppProps};
pub use my_card_frame::{MyCardFrameProps, frame_url, my_card_frame};
pub use my_card_view::{MyCardView, MyCardViewProps};
pub use my_events::{MyEvents, MyEventsProps};
pub use near_button::{NearButtonProps, near_button};
pub use qr_code::{QrCodeProps, qr_code};
pub use redemption_list::{RedemptionListProps, redemption_list};
pub use result_count::{ResultCountProps, result_count};
pub use search_box::{SearchBox, SearchBoxProps};
pub use tab_bar::{TabBarProps, tab_bar};

/// `"true"` / `"false"` for ARIA state attributes.
fn aria_bool(b: bool) -> &'static str {
    if b { "true" } else { "false" }
}
