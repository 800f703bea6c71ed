//! The portal's views, one component per file.
//!
//! Data flows down as props (and the shared [`crate::context::Portal`]),
//! events flow up as [`yew::Callback`]s. Every text from the API — names,
//! titles, reasons — is rendered as a text node (`{text}`), never as markup:
//! nothing here sets `inner_html`.

mod account_page;
mod app;
mod audit_event;
mod audit_page;
mod card_facts;
mod check_in_form;
mod confirm_button;
mod counter_offer;
mod counter_page;
mod decision_form;
mod eligibility_inputs;
mod embed_figures;
mod embed_site_form;
mod embed_sites_page;
mod embed_snippet;
mod error_box;
mod event_actions;
mod event_card;
mod event_content;
mod event_door_page;
mod event_editor;
mod event_fields;
mod event_page;
mod events_page;
mod field_note;
mod figures_page;
mod form_alert;
mod header;
mod holds_list;
mod integrity_page;
mod loading;
mod localized_inputs;
mod localized_view;
mod login_page;
mod message_page;
mod new_event_page;
mod new_offer_page;
mod offer_actions;
mod offer_content;
mod offer_editor;
mod offer_fields;
mod offer_page;
mod offer_review_item;
mod offers_page;
mod pages_footer;
mod partner_content;
mod partner_fields;
mod partner_page;
mod partner_review_item;
mod pending_invites;
mod proof_form;
mod recent_redemptions;
mod redemption_item;
mod redirect;
mod review_events_page;
mod review_offers_page;
mod review_partner_edits_page;
mod review_partners_page;
mod review_queue;
mod select_input;
mod signup_page;
mod staff_member;
mod staff_page;
mod status_badge;
mod text_area;
mod text_input;
mod void_form;

pub use account_page::AccountPage;
pub use app::App;
pub use audit_event::{AuditEvent, AuditEventProps};
pub use audit_page::{AuditPage, AuditResults, AuditResultsProps};
pub use card_facts::{CardFacts, CardFactsProps};
pub use check_in_form::{CheckInForm, CheckInFormProps};
pub use confirm_button::{ConfirmButton, ConfirmButtonProps};
pub use counter_offer::{CounterOffer, CounterOfferProps};
pub use counter_page::CounterPage;
pub use decision_form::{DecisionForm, DecisionFormProps};
pub use eligibility_inputs::{EligibilityInputs, EligibilityInputsProps};
pub use embed_figures::{EmbedFiguresView, EmbedFiguresViewProps};
pub use embed_site_form::{EmbedSiteForm, EmbedSiteFormProps};
pub use embed_sites_page::EmbedSitesPage;
pub use embed_snippet::{EmbedSnippet, EmbedSnippetProps};
pub use error_box::{ErrorBox, ErrorBoxProps};
pub use event_actions::{EventActions, EventActionsProps};
pub use event_card::{event_card, event_reasons};
pub use event_content::{EventContent, EventContentProps};
pub use event_door_page::{EventDoorPage, EventDoorPageProps};
pub use event_editor::{EventEditor, EventEditorProps};
pub use event_fields::{EventFields, EventFieldsProps};
pub use event_page::{EventPage, EventPageProps};
pub use events_page::EventsPage;
pub use field_note::{FieldNote, FieldNoteProps};
pub use figures_page::FiguresPage;
pub use form_alert::{FormAlert, FormAlertProps};
pub use header::{Header, HeaderProps};
pub use holds_list::{HoldItem, HoldItemProps, HoldsList, HoldsListProps};
pub use integrity_page::IntegrityPage;
pub use loading::{load_view, loading};
pub use localized_inputs::{LocalizedInputs, LocalizedInputsProps};
pub use localized_view::{LocalizedView, LocalizedViewProps};
pub use login_page::LoginPage;
pub use message_page::message_page;
pub use new_event_page::NewEventPage;
pub use new_offer_page::NewOfferPage;
pub use offer_actions::{OfferActions, OfferActionsProps};
pub use offer_content::{OfferContent, OfferContentProps};
pub use offer_editor::{OfferEditor, OfferEditorProps};
pub use offer_fields::{OfferFields, OfferFieldsProps};
pub use offer_page::{OfferPage, OfferPageProps};
pub use offer_review_item::{OfferReviewItem, OfferReviewItemProps};
pub use offers_page::OffersPage;
pub use pages_footer::{pages_empty, pages_footer};
pub use partner_content::{PartnerContent, PartnerContentProps};
pub use partner_fields::{PartnerFields, PartnerFieldsProps};
pub use partner_page::{PartnerEditor, PartnerEditorProps, PartnerPage};
pub use partner_review_item::{PartnerReviewItem, PartnerReviewItemProps};
pub use pending_invites::{InviteItem, InviteItemProps, PendingInvites, PendingInvitesProps};
pub use proof_form::{ProofForm, ProofFormProps};
pub use recent_redemptions::{RecentRedemptions, RecentRedemptionsProps};
pub use redemption_item::{RedemptionItem, RedemptionItemProps};
pub use redirect::{Redirect, RedirectProps};
pub use review_events_page::ReviewEventsPage;
pub use review_offers_page::ReviewOffersPage;
pub use review_partner_edits_page::ReviewPartnerEditsPage;
pub use review_partners_page::ReviewPartnersPage;
pub use review_queue::{on_decided, review_queue};
pub use select_input::{Choice, SelectInput, SelectInputProps};
pub use signup_page::SignupPage;
pub use staff_member::{StaffMember, StaffMemberProps};
pub use staff_page::{InviteForm, InviteFormProps, StaffPage};
pub use status_badge::status_badge;
pub use text_area::{TextArea, TextAreaProps};
pub use text_input::{TextInput, TextInputProps};
pub use void_form::{VoidForm, VoidFormProps};

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

use crate::context::Portal;
use crate::draft::FormError;
use crate::i18n::Key;

/// The form's error when it is about `path`, for that field to show.
pub fn field_error(error: Option<&FormError>, path: &str) -> Option<FormError> {
    error.filter(|e| e.is_for(path)).cloned()
}

/// `aria-describedby` from the ids present.
fn describedby(hint: Option<&String>, error: Option<&String>) -> Option<String> {
    let ids: Vec<&str> = [hint, error].into_iter().flatten().map(String::as_str).collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// One labelled fact in a list: "Category: Merchant offers".
fn fact(portal: &Portal, label: Key, value: impl Into<String>) -> yew::Html {
    yew::html! { <li><span class="fact-label">{ portal.t(label) }{ portal.t(Key::Colon) }</span>{ value.into() }</li> }
}

fn input_value(e: &yew::InputEvent) -> String {
    e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default()
}

fn textarea_value(e: &yew::InputEvent) -> String {
    e.target().and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok()).map(|i| i.value()).unwrap_or_default()
}

fn select_value(e: &yew::Event) -> String {
    e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()).map(|s| s.value()).unwrap_or_default()
}
