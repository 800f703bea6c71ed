//! One text in the three languages: a fieldset with an input per language.

use linan_shared::Lang;
use yew::prelude::*;

use super::{TextArea, TextInput, field_error};
use crate::context::use_portal;
use crate::draft::{FormError, Texts, lang_index};
use crate::i18n::Key;

/// Props of [`LocalizedInputs`].
#[derive(Properties, PartialEq)]
pub struct LocalizedInputsProps {
    /// Prefix of the inputs' ids (`{id}-zh-CN`, …).
    pub id: AttrValue,
    /// The text's name, as the legend.
    pub legend: AttrValue,
    /// The field's path in the DTO (`title`); each input is `{path}.{lang}`.
    pub path: AttrValue,
    /// The three values.
    pub values: Texts,
    /// Multi-line inputs.
    #[prop_or_default]
    pub multiline: bool,
    /// The form's error (each input shows it when it is about that input).
    #[prop_or_default]
    pub error: Option<FormError>,
    /// A language's value changed.
    pub on_change: Callback<(Lang, String)>,
}

/// `<fieldset>` with the text's name as `<legend>` and one labelled input
/// per language; zh-CN is required, and each input declares its `lang`.
#[component]
pub fn LocalizedInputs(props: &LocalizedInputsProps) -> Html {
    let portal = use_portal();
    let inputs = Lang::ALL.into_iter().map(|lang| {
        let id = AttrValue::from(format!("{}-{}", props.id, lang.tag()));
        let label = AttrValue::from(portal.t(match lang {
            Lang::ZhCn => Key::LangZhCn,
            Lang::ZhHk => Key::LangZhHk,
            Lang::En => Key::LangEn,
        }));
        let value = AttrValue::from(props.values[lang_index(lang)].clone());
        let error = field_error(props.error.as_ref(), &format!("{}.{}", props.path, lang.tag()));
        let on_input = props.on_change.reform(move |v| (lang, v));
        let required = lang == Lang::ZhCn;
        let content_lang = Some(AttrValue::from(lang.tag()));
        if props.multiline {
            html! { <TextArea {id} {label} {value} {on_input} {required} {error} lang={content_lang} /> }
        } else {
            html! { <TextInput {id} {label} {value} {on_input} {required} {error} lang={content_lang} /> }
        }
    });
    html! {
        <fieldset class="localized">
            <legend>{ props.legend.clone() }</legend>
            { for inputs }
        </fieldset>
    }
}
