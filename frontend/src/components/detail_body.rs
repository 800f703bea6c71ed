//! The loaded detail: what it gives, description, terms, eligibility,
//! validity and quota, address with a map link.

use std::rc::Rc;

use linan_shared::{BenefitDetail, Lang};
use yew::prelude::*;

use super::{EligibilityTextProps, eligibility_text};
use crate::hooks::Reference;
use crate::i18n::{DetailKey, t};
use crate::links::amap_marker;
use crate::wording::{gives, quota, validity};

/// Props of [`detail_body`].
#[derive(Properties, PartialEq)]
pub struct DetailBodyProps {
    /// UI language.
    pub lang: Lang,
    /// The benefit in full.
    pub detail: Rc<BenefitDetail>,
    /// Category names, schemes and the recognition table.
    pub reference: Reference,
}

/// The facts, each under its own heading so screen-reader users can jump.
pub fn detail_body(props: &DetailBodyProps) -> Html {
    let (d, lang) = (&props.detail, props.lang);
    let s = &d.summary;
    let category = props.reference.categories.iter().find(|c| c.code == s.category).map(|c| c.name.get(lang));
    html! {
        <>
            <p class="lw-detail-partner">
                { &s.partner.name }
                if let Some(category) = category {
                    <span class="lw-cat">{ category }</span>
                }
            </p>
            <p class="lw-detail-gives">{ gives(lang, &s.gives) }</p>
            <p class="lw-description">{ &d.description }</p>
            <div class="lw-section lw-terms">
                <h3>{ t(lang, DetailKey::Terms) }</h3>
                <p>{ &d.terms }</p>
            </div>
            <div class="lw-section lw-eligibility">
                <h3>{ t(lang, DetailKey::Eligibility) }</h3>
                { eligibility_text(&EligibilityTextProps {
                    lang,
                    reached: props.detail.reached_by.clone(),
                    schemes: props.reference.schemes.clone(),
                }) }
            </div>
            <div class="lw-section lw-validity">
                <h3>{ t(lang, DetailKey::Validity) }</h3>
                <p>{ validity(lang, &s.validity) }</p>
            </div>
            <div class="lw-section lw-quota">
                <h3>{ t(lang, DetailKey::Quota) }</h3>
                <p>{ quota(lang, &d.quota) }</p>
            </div>
            <div class="lw-section lw-address">
                <h3>{ t(lang, DetailKey::Address) }</h3>
                <p>{ &d.address }</p>
                <a class="lw-map" href={amap_marker(s.location, &s.partner.name)} target="_blank" rel="noopener noreferrer">
                    { t(lang, DetailKey::OpenMap) }
                    <span class="lw-sr">{ t(lang, DetailKey::NewWindow) }</span>
                </a>
            </div>
        </>
    }
}
