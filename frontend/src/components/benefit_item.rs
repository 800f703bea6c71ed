//! One benefit in the list: a card whose title is the button that opens it.

use std::rc::Rc;

use linan_shared::{BenefitSummary, Lang};
use yew::prelude::*;

use crate::wording::{distance, gives};

/// Props of [`benefit_item`].
#[derive(Properties, PartialEq)]
pub struct BenefitItemProps {
    /// UI language.
    pub lang: Lang,
    /// The benefit.
    pub benefit: Rc<BenefitSummary>,
    /// Its category's name, when known.
    #[prop_or_default]
    pub category: Option<AttrValue>,
    /// Open its detail.
    pub on_open: Callback<i64>,
}

/// Only the title is inside the button, so its accessible name stays short;
/// CSS stretches the button's hit area over the whole card.
pub fn benefit_item(props: &BenefitItemProps) -> Html {
    let b = &props.benefit;
    let lang = props.lang;
    let onclick = {
        let (on_open, id) = (props.on_open.clone(), b.id);
        Callback::from(move |_: MouseEvent| on_open.emit(id))
    };
    html! {
        // Keyed by id: "load more" appends without re-creating the items above.
        <li key={b.id} class="lw-item" role="listitem" data-id={b.id.to_string()}>
            <button type="button" class="lw-open" {onclick}>
                <span class="lw-title">{ &b.title }</span>
            </button>
            <p class="lw-partner">{ &b.partner.name }</p>
            <p class="lw-summary">{ &b.summary }</p>
            <p class="lw-meta">
                <span class="lw-gives">{ gives(lang, &b.gives) }</span>
                if let Some(category) = &props.category {
                    <span class="lw-cat">{ category }</span>
                }
                if let Some(km) = b.distance_km {
                    <span class="lw-distance">{ distance(lang, km) }</span>
                }
            </p>
        </li>
    }
}
