//! The district menu: "all districts" plus one option per district.

use std::rc::Rc;

use linan_shared::{DistrictCode, DistrictDto, Lang};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::{Key, t};

/// Props of [`district_select`].
#[derive(Properties, PartialEq)]
pub struct DistrictSelectProps {
    /// UI language.
    pub lang: Lang,
    /// The districts (from `/api/v1/districts`).
    pub districts: Rc<Vec<DistrictDto>>,
    /// The chosen district; `None` for all.
    pub selected: Option<DistrictCode>,
    /// A district was chosen.
    pub on_select: Callback<Option<DistrictCode>>,
}

/// A native `<select>`: keyboard and screen-reader support for free.
pub fn district_select(props: &DistrictSelectProps) -> Html {
    let lang = props.lang;
    let onchange = {
        let on_select = props.on_select.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            on_select.emit(DistrictCode::parse(&select.value()).ok());
        })
    };
    // A preset district the list has not brought (yet) still shows as chosen.
    let missing = props.selected.as_ref().filter(|code| !props.districts.iter().any(|d| &d.code == *code));
    html! {
        <select class="lw-district" aria-label={t(lang, Key::DistrictLabel)} {onchange}>
            <option value="" selected={props.selected.is_none()}>{ t(lang, Key::AllDistricts) }</option>
            { for props.districts.iter().map(|d| html! {
                <option value={d.code.to_string()} selected={props.selected.as_ref() == Some(&d.code)}>
                    { d.name.get(lang) }
                </option>
            }) }
            if let Some(code) = missing {
                <option value={code.to_string()} selected=true>{ "…" }</option>
            }
        </select>
    }
}
