//! The inputs of a partner's details (sign-up and the partner page).

use linan_shared::{Lang, PartnerKind};
use yew::prelude::*;

use super::{Choice, LocalizedInputs, SelectInput, TextInput, field_error};
use crate::context::use_portal;
use crate::draft::{FormError, PartnerDraft, PartnerField};
use crate::i18n::Key;
use crate::wording;

/// Props of [`PartnerFields`].
#[derive(Properties, PartialEq)]
pub struct PartnerFieldsProps {
    /// The values.
    pub draft: PartnerDraft,
    /// One input changed.
    pub on_change: Callback<(PartnerField, String)>,
    /// The form's error.
    #[prop_or_default]
    pub error: Option<FormError>,
    /// The district is shown but cannot change (after sign-up).
    #[prop_or_default]
    pub district_fixed: bool,
}

/// Name and address in three languages, kind, district, location, phone.
#[component]
pub fn PartnerFields(props: &PartnerFieldsProps) -> Html {
    let portal = use_portal();
    let draft = &props.draft;
    let error = props.error.as_ref();
    let set = |field: PartnerField| props.on_change.reform(move |value| (field, value));
    let value = |field: PartnerField| AttrValue::from(draft.get(field).to_owned());
    let err = |field: PartnerField| field_error(error, &field.path());
    let localized =
        |on: fn(Lang) -> PartnerField| props.on_change.reform(move |(lang, v): (Lang, String)| (on(lang), v));
    let kinds: Vec<Choice> =
        PartnerKind::ALL.into_iter().map(|k| Choice::new(k.as_str(), portal.t(wording::partner_kind(k)))).collect();
    let districts: Vec<Choice> = portal
        .reference
        .districts
        .iter()
        .map(|d| Choice::new(d.code.to_string(), d.name.get(portal.lang).to_owned()))
        .collect();
    html! {
        <>
            <LocalizedInputs id="partner-name" legend={portal.t(Key::FieldName)} path="name" values={draft.name.clone()}
                error={props.error.clone()} on_change={localized(PartnerField::Name)} />
            <SelectInput id="partner-kind" label={portal.t(Key::FieldKind)} value={value(PartnerField::Kind)} choices={kinds}
                on_change={set(PartnerField::Kind)} required=true error={err(PartnerField::Kind)} />
            <SelectInput id="partner-district" label={portal.t(Key::FieldDistrict)} value={value(PartnerField::District)}
                choices={districts} on_change={set(PartnerField::District)} required={!props.district_fixed}
                disabled={props.district_fixed} hint={props.district_fixed.then(|| AttrValue::from(portal.t(Key::DistrictFixed)))}
                error={err(PartnerField::District)} />
            <LocalizedInputs id="partner-address" legend={portal.t(Key::FieldAddress)} path="address" values={draft.address.clone()}
                error={props.error.clone()} on_change={localized(PartnerField::Address)} />
            <fieldset aria-describedby="partner-location-hint">
                <legend>{ portal.t(Key::LocationLegend) }</legend>
                <p class="hint" id="partner-location-hint">{ portal.t(Key::LocationHint) }</p>
                <div class="pair">
                    <TextInput id="partner-lat" label={portal.t(Key::FieldLat)} value={value(PartnerField::Lat)}
                        on_input={set(PartnerField::Lat)} inputmode="decimal" required=true error={err(PartnerField::Lat)} />
                    <TextInput id="partner-lon" label={portal.t(Key::FieldLon)} value={value(PartnerField::Lon)}
                        on_input={set(PartnerField::Lon)} inputmode="decimal" required=true error={err(PartnerField::Lon)} />
                </div>
            </fieldset>
            <TextInput id="partner-phone" kind="tel" label={format!("{}{}", portal.t(Key::FieldPhone), portal.t(Key::OptionalMark))}
                value={value(PartnerField::Phone)} on_input={set(PartnerField::Phone)} autocomplete="tel" error={err(PartnerField::Phone)} />
        </>
    }
}
