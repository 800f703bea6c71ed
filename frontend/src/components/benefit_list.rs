//! The list of benefits.

use std::rc::Rc;

use linan_shared::{BenefitSummary, CategoryDto, Lang};
use yew::prelude::*;

use super::{BenefitItemProps, benefit_item};
use crate::i18n::{Key, t};

/// Props of [`benefit_list`].
#[derive(Properties, PartialEq)]
pub struct BenefitListProps {
    /// UI language.
    pub lang: Lang,
    /// The benefits, in order.
    pub items: Vec<Rc<BenefitSummary>>,
    /// Category names (may be empty while loading).
    pub categories: Rc<Vec<CategoryDto>>,
    /// An item's detail was asked for.
    pub on_open: Callback<i64>,
}

/// A `<ul role="list">`: the explicit role keeps list semantics in Safari,
/// which drops them when the bullets are styled away.
pub fn benefit_list(props: &BenefitListProps) -> Html {
    let lang = props.lang;
    html! {
        <ul class="lw-list" role="list" aria-label={t(lang, Key::ListLabel)}>
            { for props.items.iter().map(|b| {
                let category = props.categories.iter().find(|c| c.code == b.category).map(|c| AttrValue::from(c.name.get(lang).to_owned()));
                benefit_item(&BenefitItemProps { lang, benefit: b.clone(), category, on_open: props.on_open.clone() })
            }) }
        </ul>
    }
}
