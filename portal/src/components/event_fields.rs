//! The inputs of an event: district (for alliance admins), type, the texts
//! in three languages, the venue, the times (China Standard Time), seats
//! and limits, and the cards it is open to.

use linan_shared::{EventType, Lang};
use yew::prelude::*;

use super::{Choice, EligibilityInputs, LocalizedInputs, SelectInput, TextInput, field_error};
use crate::context::use_portal;
use crate::draft::{EventDraft, EventField, EventText, FormError};
use crate::i18n::Key;
use crate::wording;

/// Props of [`EventFields`].
#[derive(Properties, PartialEq)]
pub struct EventFieldsProps {
    /// The values.
    pub draft: EventDraft,
    /// One input changed.
    pub on_change: Callback<(EventField, String)>,
    /// Whether the district is chosen here (an alliance admin's event);
    /// otherwise it is the organiser's own.
    #[prop_or_default]
    pub choose_district: bool,
    /// The form's error.
    #[prop_or_default]
    pub error: Option<FormError>,
}

/// Grouped in fieldsets, each input labelled; times are `datetime-local`
/// inputs read as China Standard Time, which the legend says.
#[component]
pub fn EventFields(props: &EventFieldsProps) -> Html {
    let portal = use_portal();
    let lang = portal.lang;
    let draft = &props.draft;
    let error = props.error.as_ref();
    let set = |field: EventField| props.on_change.reform(move |value| (field.clone(), value));
    let value = |field: &EventField| AttrValue::from(draft.get(field).to_owned());
    let err = |field: &EventField| field_error(error, &field.path());
    let input = |id: &'static str, label: Key, field: EventField, kind: &'static str, required: bool| {
        html! {
            <TextInput id={id} kind={kind} label={portal.t(label)} value={value(&field)} on_input={set(field.clone())}
                {required} error={err(&field)} />
        }
    };

    let districts: Vec<Choice> = portal
        .reference
        .districts
        .iter()
        .map(|d| Choice::new(d.code.to_string(), d.name.get(lang).to_owned()))
        .collect();
    let types: Vec<Choice> = std::iter::once(Choice::new("", portal.t(Key::HintChoose)))
        .chain(EventType::ALL.iter().map(|t| Choice::new(t.as_str(), portal.t(wording::event_type(*t)))))
        .collect();
    let waitlist =
        vec![Choice::new("on", portal.t(Key::EventWaitlistOn)), Choice::new("", portal.t(Key::EventWaitlistOff))];
    let texts = |parts: &[EventText]| {
        parts
            .iter()
            .map(|&text| {
                let on_change =
                    props.on_change.reform(move |(lang, value): (Lang, String)| (EventField::Text(text, lang), value));
                html! {
                    <LocalizedInputs
                        id={format!("event-{}", text.name())}
                        legend={portal.t(text.label())}
                        path={text.path()}
                        values={draft.texts[text.index()].clone()}
                        multiline={text.multiline()}
                        error={props.error.clone()}
                        {on_change}
                    />
                }
            })
            .collect::<Html>()
    };
    let location_error = field_error(error, "venue.location");
    html! {
        <>
            if props.choose_district {
                <SelectInput id="event-district" label={portal.t(Key::FieldDistrict)} value={value(&EventField::District)}
                    choices={districts} on_change={set(EventField::District)} required=true error={err(&EventField::District)} />
            }
            <SelectInput id="event-type" label={portal.t(Key::EventFieldType)} value={value(&EventField::Type)}
                choices={types} on_change={set(EventField::Type)} required=true error={err(&EventField::Type)} />
            <p class="hint">{ portal.t(Key::TextsHint) }</p>
            { texts(&[EventText::Title, EventText::Summary, EventText::Description, EventText::Agenda]) }
            <fieldset aria-describedby="event-venue-hint">
                <legend>{ portal.t(Key::EventVenueLegend) }</legend>
                <p class="hint" id="event-venue-hint">{ portal.t(Key::EventVenueHint) }</p>
                { texts(&[EventText::Address]) }
                <div class="pair">
                    <TextInput id="event-lat" label={portal.t(Key::FieldLat)} value={value(&EventField::Lat)}
                        on_input={set(EventField::Lat)} inputmode="decimal" error={err(&EventField::Lat).or(location_error.clone())} />
                    <TextInput id="event-lon" label={portal.t(Key::FieldLon)} value={value(&EventField::Lon)}
                        on_input={set(EventField::Lon)} inputmode="decimal" error={err(&EventField::Lon)} />
                </div>
                { input("event-online-url", Key::EventFieldOnlineUrl, EventField::OnlineUrl, "url", false) }
            </fieldset>
            <fieldset>
                <legend>{ portal.t(Key::EventTimesLegend) }</legend>
                <div class="pair">
                    { input("event-starts-at", Key::EventFieldStartsAt, EventField::StartsAt, "datetime-local", true) }
                    { input("event-ends-at", Key::EventFieldEndsAt, EventField::EndsAt, "datetime-local", true) }
                </div>
                <div class="pair">
                    { input("event-opens-at", Key::EventFieldOpensAt, EventField::OpensAt, "datetime-local", true) }
                    { input("event-closes-at", Key::EventFieldClosesAt, EventField::ClosesAt, "datetime-local", true) }
                </div>
            </fieldset>
            <fieldset>
                <legend>{ portal.t(Key::EventSeatsLegend) }</legend>
                <TextInput id="event-capacity" label={portal.t(Key::EventFieldCapacity)} value={value(&EventField::Capacity)}
                    on_input={set(EventField::Capacity)} inputmode="numeric" required=true error={err(&EventField::Capacity)} />
                <SelectInput id="event-waitlist" label={portal.t(Key::EventFieldWaitlist)} value={value(&EventField::Waitlist)}
                    choices={waitlist} on_change={set(EventField::Waitlist)} error={err(&EventField::Waitlist)} />
                <TextInput id="event-yearly" label={portal.t(Key::EventFieldYearly)} value={value(&EventField::PerPersonYearly)}
                    on_input={set(EventField::PerPersonYearly)} inputmode="numeric" error={err(&EventField::PerPersonYearly)} />
            </fieldset>
            <EligibilityInputs id="event" hint={portal.t(Key::EventEligibilityHint)} tiers={draft.tiers.clone()}
                on_change={props.on_change.reform(|(scheme, tier)| (EventField::Tier(scheme), tier))} error={props.error.clone()} />
        </>
    }
}
