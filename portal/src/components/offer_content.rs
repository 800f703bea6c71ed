//! An offer's full content, read-only: what a reviewer checks.

use linan_shared::BenefitInput;
use yew::prelude::*;

use super::{LocalizedView, fact};
use crate::context::use_portal;
use crate::draft::TextPart;
use crate::i18n::Key;
use crate::wording;

/// Props of [`OfferContent`].
#[derive(Properties, PartialEq)]
pub struct OfferContentProps {
    /// The content.
    pub offer: BenefitInput,
}

/// Texts in all languages, then category, what it gives, limits, cards and dates.
#[component]
pub fn OfferContent(props: &OfferContentProps) -> Html {
    let portal = use_portal();
    let lang = portal.lang;
    let offer = &props.offer;
    let texts = [&offer.title, &offer.summary, &offer.description, &offer.terms];
    let category = portal
        .reference
        .categories
        .iter()
        .find(|c| c.code == offer.category)
        .map_or_else(|| offer.category.to_string(), |c| c.name.get(lang).to_owned());
    let schemes = &portal.reference.schemes;
    let period = portal.fill(
        Key::ValidRange,
        &[("from", &offer.validity.from.to_string()), ("until", &offer.validity.until.to_string())],
    );
    html! {
        <div class="offer-content">
            { for TextPart::ALL.into_iter().zip(texts).map(|(part, text)| html! {
                <LocalizedView label={portal.t(part.label())} text={text.clone()} />
            }) }
            <ul class="facts">
                { fact(&portal, Key::FieldCategory, category) }
                <li>{ portal.fill(Key::GivesLabel, &[("gives", &wording::gives(lang, &offer.gives))]) }</li>
                { for wording::quota(lang, &offer.quota).into_iter().map(|line| html! { <li>{ line }</li> }) }
                { for offer.eligibility.iter().map(|rule| html! { <li>{ wording::eligibility(lang, rule, schemes) }</li> }) }
                { fact(&portal, Key::ValidityLegend, period) }
            </ul>
        </div>
    }
}
