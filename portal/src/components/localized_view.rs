//! One text in every language it was written in, for reviewers.

use linan_shared::{Lang, LocalizedText};
use yew::prelude::*;

use crate::context::use_portal;
use crate::i18n::Key;

/// Props of [`LocalizedView`].
#[derive(Properties, PartialEq)]
pub struct LocalizedViewProps {
    /// The text's name.
    pub label: AttrValue,
    /// The text.
    pub text: LocalizedText,
}

/// A heading-less group: the name, then each language's text (as text,
/// with its `lang`). Missing translations are left out.
#[component]
pub fn LocalizedView(props: &LocalizedViewProps) -> Html {
    let portal = use_portal();
    let text = &props.text;
    let rows = [
        (Lang::ZhCn, Key::LangZhCn, Some(&text.zh_cn)),
        (Lang::ZhHk, Key::LangZhHk, text.zh_hk.as_ref()),
        (Lang::En, Key::LangEn, text.en.as_ref()),
    ];
    html! {
        <div class="localized-view">
            <p class="label">{ props.label.clone() }</p>
            <dl>
                { for rows.into_iter().filter_map(|(lang, key, value)| value.map(|v| html! {
                    <>
                        <dt>{ portal.t(key) }</dt>
                        <dd lang={lang.tag()}>{ v.clone() }</dd>
                    </>
                })) }
            </dl>
        </div>
    }
}
