//! A partner's registered details, read-only: what a reviewer checks.

use linan_shared::PartnerInput;
use yew::prelude::*;

use super::{LocalizedView, fact};
use crate::context::use_portal;
use crate::i18n::Key;
use crate::wording;

/// Props of [`PartnerContent`].
#[derive(Properties, PartialEq)]
pub struct PartnerContentProps {
    /// The details.
    pub partner: PartnerInput,
}

/// Name and address in all languages, then kind, district, location, phone.
#[component]
pub fn PartnerContent(props: &PartnerContentProps) -> Html {
    let portal = use_portal();
    let partner = &props.partner;
    let district = portal
        .reference
        .districts
        .iter()
        .find(|d| d.code == partner.district)
        .map_or_else(|| partner.district.to_string(), |d| d.name.get(portal.lang).to_owned());
    html! {
        <div class="partner-content">
            <LocalizedView label={portal.t(Key::FieldName)} text={partner.name.clone()} />
            <LocalizedView label={portal.t(Key::FieldAddress)} text={partner.address.clone()} />
            <ul class="facts">
                { fact(&portal, Key::FieldKind, portal.t(wording::partner_kind(partner.kind))) }
                { fact(&portal, Key::FieldDistrict, district) }
                { fact(&portal, Key::LocationLegend, partner.location.to_string()) }
                if let Some(phone) = &partner.phone {
                    { fact(&portal, Key::FieldPhone, phone.clone()) }
                }
            </ul>
        </div>
    }
}
