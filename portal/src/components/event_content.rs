//! An event's full content, read-only: what its organiser wrote and a
//! reviewer checks. Every text is rendered as text.

use linan_shared::{EventInput, china_time};
use yew::prelude::*;

use super::{LocalizedView, fact};
use crate::context::use_portal;
use crate::draft::EventText;
use crate::i18n::Key;
use crate::wording;

/// Props of [`EventContent`].
#[derive(Properties, PartialEq)]
pub struct EventContentProps {
    /// The content.
    pub event: EventInput,
}

/// Texts in all languages, then type, district, times, venue, seats and cards.
#[component]
pub fn EventContent(props: &EventContentProps) -> Html {
    let portal = use_portal();
    let lang = portal.lang;
    let event = &props.event;
    let texts = [&event.title, &event.summary, &event.description, &event.agenda];
    let parts = [EventText::Title, EventText::Summary, EventText::Description, EventText::Agenda];
    let district = portal
        .reference
        .districts
        .iter()
        .find(|d| d.code == event.district)
        .map_or_else(|| event.district.to_string(), |d| d.name.get(lang).to_owned());
    let range = |from: &str, until: &str| {
        portal.fill(Key::EventWhen, &[("from", &china_time(from)), ("until", &china_time(until))])
    };
    let schemes = &portal.reference.schemes;
    let waitlist = portal.t(if event.waitlist { Key::EventWaitlistOn } else { Key::EventWaitlistOff });
    html! {
        <div class="event-content">
            { for parts.into_iter().zip(texts).map(|(part, text)| html! {
                <LocalizedView label={portal.t(part.label())} text={text.clone()} />
            }) }
            if let Some(address) = &event.venue.address {
                <LocalizedView label={portal.t(Key::EventFieldAddress)} text={address.clone()} />
            }
            <ul class="facts">
                { fact(&portal, Key::EventFieldType, portal.t(wording::event_type(event.event_type))) }
                { fact(&portal, Key::FieldDistrict, district) }
                { fact(&portal, Key::EventTimesLegend, range(&event.starts_at, &event.ends_at)) }
                { fact(&portal, Key::EventRegistrationFact, range(&event.registration_opens_at, &event.registration_closes_at)) }
                if let Some(point) = event.venue.location {
                    <li>{ portal.fill(Key::EventMapPoint, &[("lat", &point.lat().to_string()), ("lon", &point.lon().to_string())]) }</li>
                }
                if let Some(url) = &event.venue.online_url {
                    { fact(&portal, Key::EventFieldOnlineUrl, url.clone()) }
                }
                { fact(&portal, Key::EventFieldCapacity, event.capacity.to_string()) }
                { fact(&portal, Key::EventWaitlistFact, waitlist) }
                if let Some(n) = event.per_person_yearly {
                    <li>{ portal.fill(Key::EventYearlyFact, &[("n", &n.to_string())]) }</li>
                }
                if event.eligibility.is_empty() {
                    <li>{ portal.t(Key::EventEligibilityOpen) }</li>
                }
                { for event.eligibility.iter().map(|rule| html! { <li>{ wording::eligibility(lang, rule, schemes) }</li> }) }
            </ul>
        </div>
    }
}
