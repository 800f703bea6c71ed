//! The inputs of an offer: category, the four texts in three languages,
//! what it gives, limits, cards and dates.

use linan_shared::{Lang, QuotaPeriod};
use yew::prelude::*;

use super::{Choice, EligibilityInputs, LocalizedInputs, SelectInput, TextInput, field_error};
use crate::context::use_portal;
use crate::draft::{FormError, GivesKind, OfferDraft, OfferField, TextPart};
use crate::i18n::Key;
use crate::wording;

/// Props of [`OfferFields`].
#[derive(Properties, PartialEq)]
pub struct OfferFieldsProps {
    /// The values.
    pub draft: OfferDraft,
    /// One input changed.
    pub on_change: Callback<(OfferField, String)>,
    /// The form's error.
    #[prop_or_default]
    pub error: Option<FormError>,
}

/// Grouped in fieldsets, each input labelled; menus come from the
/// reference lists in the UI language.
#[component]
pub fn OfferFields(props: &OfferFieldsProps) -> Html {
    let portal = use_portal();
    let lang = portal.lang;
    let draft = &props.draft;
    let error = props.error.as_ref();
    let set = |field: OfferField| props.on_change.reform(move |value| (field.clone(), value));
    let path = |field: &OfferField| field.path(draft.gives);
    let value = |field: &OfferField| AttrValue::from(draft.get(field).to_owned());
    let err = |field: &OfferField| field_error(error, &path(field));

    let categories: Vec<Choice> = portal
        .reference
        .categories
        .iter()
        .map(|c| Choice::new(c.code.to_string(), c.name.get(lang).to_owned()))
        .collect();
    let gives: Vec<Choice> = GivesKind::ALL.iter().map(|k| Choice::new(k.code(), portal.t(k.label()))).collect();
    let periods: Vec<Choice> = std::iter::once(Choice::new("", portal.t(Key::PeriodNone)))
        .chain(
            [QuotaPeriod::Day, QuotaPeriod::Month, QuotaPeriod::Year, QuotaPeriod::Lifetime]
                .into_iter()
                .map(|p| Choice::new(p.as_str(), portal.t(wording::period(p)))),
        )
        .collect();
    let texts = TextPart::ALL.into_iter().map(|part| {
        let on_change =
            props.on_change.reform(move |(lang, value): (Lang, String)| (OfferField::Text(part, lang), value));
        html! {
            <LocalizedInputs
                id={format!("offer-{}", part.name())}
                legend={portal.t(part.label())}
                path={part.name()}
                values={draft.texts[part.index()].clone()}
                multiline={part.multiline()}
                error={props.error.clone()}
                {on_change}
            />
        }
    });
    let value_label = draft.gives.value_label();
    html! {
        <>
            <SelectInput id="offer-category" label={portal.t(Key::FieldCategory)} value={value(&OfferField::Category)}
                choices={categories} on_change={set(OfferField::Category)} required=true error={err(&OfferField::Category)} />
            <p class="hint">{ portal.t(Key::TextsHint) }</p>
            { for texts }
            <fieldset>
                <legend>{ portal.t(Key::FieldGives) }</legend>
                <SelectInput id="offer-gives" label={portal.t(Key::FieldGives)} value={value(&OfferField::GivesKind)}
                    choices={gives} on_change={set(OfferField::GivesKind)} error={err(&OfferField::GivesKind)} />
                if let Some(label) = value_label {
                    <TextInput id="offer-gives-value" label={portal.t(label)} value={value(&OfferField::GivesValue)}
                        on_input={set(OfferField::GivesValue)} inputmode="decimal" required=true error={err(&OfferField::GivesValue)} />
                }
            </fieldset>
            <fieldset>
                <legend>{ portal.t(Key::QuotaLegend) }</legend>
                <TextInput id="offer-quota-limit" label={portal.t(Key::FieldQuotaLimit)} value={value(&OfferField::QuotaLimit)}
                    on_input={set(OfferField::QuotaLimit)} inputmode="numeric" error={err(&OfferField::QuotaLimit)} />
                <SelectInput id="offer-quota-period" label={portal.t(Key::FieldQuotaPeriod)} value={value(&OfferField::QuotaPeriod)}
                    choices={periods} on_change={set(OfferField::QuotaPeriod)} error={err(&OfferField::QuotaPeriod)} />
                <TextInput id="offer-daily-stock" label={portal.t(Key::FieldDailyStock)} value={value(&OfferField::DailyStock)}
                    on_input={set(OfferField::DailyStock)} inputmode="numeric" error={err(&OfferField::DailyStock)} />
            </fieldset>
            <EligibilityInputs id="offer" hint={portal.t(Key::EligibilityHint)} tiers={draft.tiers.clone()}
                on_change={props.on_change.reform(|(scheme, tier)| (OfferField::Tier(scheme), tier))} error={props.error.clone()} />
            <fieldset>
                <legend>{ portal.t(Key::ValidityLegend) }</legend>
                <TextInput id="offer-valid-from" kind="date" label={portal.t(Key::FieldValidFrom)} value={value(&OfferField::ValidFrom)}
                    on_input={set(OfferField::ValidFrom)} required=true error={err(&OfferField::ValidFrom)} />
                <TextInput id="offer-valid-until" kind="date" label={portal.t(Key::FieldValidUntil)} value={value(&OfferField::ValidUntil)}
                    on_input={set(OfferField::ValidUntil)} required=true error={err(&OfferField::ValidUntil)} />
            </fieldset>
        </>
    }
}
