//! The filters above the list: search, categories, district, "near me".

use linan_shared::{CategoryCode, DistrictCode, Lang};
use yew::prelude::*;

use super::{
    CategoryChipsProps, DistrictSelectProps, NearButtonProps, SearchBox, category_chips, district_select, near_button,
};
use crate::hooks::{GeoState, Reference};
use crate::i18n::{Key, t};

/// Props of [`filter_bar`].
#[derive(Properties, PartialEq)]
pub struct FilterBarProps {
    /// UI language.
    pub lang: Lang,
    /// Districts and categories to offer.
    pub reference: Reference,
    /// The chosen category.
    pub category: Option<CategoryCode>,
    /// The chosen district.
    pub district: Option<DistrictCode>,
    /// Where "near me" is.
    pub geo: GeoState,
    /// The search text changed.
    pub on_search_input: Callback<String>,
    /// Search now (Enter).
    pub on_search_commit: Callback<String>,
    /// A category was chosen (`None`: all).
    pub on_category: Callback<Option<CategoryCode>>,
    /// A district was chosen (`None`: all).
    pub on_district: Callback<Option<DistrictCode>>,
    /// "Near me" was pressed.
    pub on_near: Callback<()>,
}

/// The filter controls.
pub fn filter_bar(props: &FilterBarProps) -> Html {
    let lang = props.lang;
    // Always rendered, so screen readers hear it change (`role="status"`).
    let geo_message = match props.geo {
        GeoState::On(_) => t(lang, Key::NearActive),
        GeoState::Denied => t(lang, Key::GeoDenied),
        GeoState::Unavailable => t(lang, Key::GeoUnavailable),
        GeoState::Off | GeoState::Locating => "",
    };
    html! {
        <div class="lw-filters">
            <SearchBox {lang} on_input={props.on_search_input.clone()} on_commit={props.on_search_commit.clone()} />
            { category_chips(&CategoryChipsProps {
                lang,
                categories: props.reference.categories.clone(),
                selected: props.category.clone(),
                on_select: props.on_category.clone(),
            }) }
            <div class="lw-filter-row">
                { district_select(&DistrictSelectProps {
                    lang,
                    districts: props.reference.districts.clone(),
                    selected: props.district.clone(),
                    on_select: props.on_district.clone(),
                }) }
                { near_button(&NearButtonProps { lang, state: props.geo, on_press: props.on_near.clone() }) }
            </div>
            <p class="lw-geo-msg" role="status">{ geo_message }</p>
        </div>
    }
}
