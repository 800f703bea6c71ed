//! The snippet generator of one site: start from the site's default
//! attributes, adjust language, theme and "My card", see the widget live
//! (the iframe form, on our origin) and copy the two lines or the iframe.

use linan_shared::{EmbedSiteDto, Lang, Theme, WidgetAttrs};
use yew::prelude::*;

use super::embed_site_form::{lang_choices, theme_choices};
use super::{Choice, SelectInput};
use crate::context::use_portal;
use crate::embed::{embed_url, iframe_snippet, script_snippet};
use crate::i18n::Key;

/// The generator's properties.
#[derive(Properties, PartialEq)]
pub struct EmbedSnippetProps {
    /// The site.
    pub site: EmbedSiteDto,
}

/// Our origin, which the snippets load from.
fn base() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// Copies `text` with the asynchronous clipboard API; whether it was started
/// (a browser without it, or a page without permission, leaves the text to select).
fn copy(text: &str) -> bool {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else { return false };
    // Through Reflect: the portal lists its web-sys features one by one, and needs no more for this.
    let navigator = js_sys::Reflect::get(&window, &"navigator".into()).ok();
    let clipboard =
        navigator.and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok()).filter(|c| c.is_object());
    let Some(clipboard) = clipboard else { return false };
    let write =
        js_sys::Reflect::get(&clipboard, &"writeText".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    write.is_some_and(|f| f.call1(&clipboard, &text.into()).is_ok())
}

/// The generator.
#[component]
pub fn EmbedSnippet(props: &EmbedSnippetProps) -> Html {
    let portal = use_portal();
    let attrs = {
        let initial = props.site.attrs.clone();
        use_state(move || initial)
    };
    let copied = use_state(|| None::<Key>);
    {
        let (attrs, copied, initial) = (attrs.clone(), copied.clone(), props.site.attrs.clone());
        use_effect_with(props.site.id, move |_| {
            attrs.set(initial);
            copied.set(None);
        });
    }
    let update = |change: fn(&mut WidgetAttrs, &str)| {
        let attrs = attrs.clone();
        Callback::from(move |v: String| {
            let mut next = (*attrs).clone();
            change(&mut next, &v);
            attrs.set(next);
        })
    };
    let base = base();
    let district = &props.site.district;
    let script = script_snippet(&base, district, &attrs);
    let iframe = iframe_snippet(&base, district, &attrs);
    let preview = embed_url(&base, district, &attrs);
    let copy_button = |id: &'static str, text: String, done: Key| {
        let copied = copied.clone();
        let onclick =
            Callback::from(move |_| copied.set(Some(if copy(&text) { done } else { Key::EmbedCopyManually })));
        html! { <button type="button" id={id} {onclick}>{ portal.t(Key::EmbedCopy) }</button> }
    };
    let (langs, themes) = (lang_choices(&portal), theme_choices(&portal));
    let shown = vec![Choice::new("on", portal.t(Key::EmbedShown)), Choice::new("off", portal.t(Key::EmbedHidden))];
    html! {
        <section class="card stack embed-snippet" aria-labelledby="snippet-title">
            <h2 id="snippet-title">{ portal.fill(Key::EmbedSnippetTitle, &[("site", &props.site.name)]) }</h2>
            <div class="stack narrow">
                <SelectInput id="snippet-lang" label={portal.t(Key::EmbedFieldLang)}
                    value={attrs.lang.map(|l| l.tag()).unwrap_or_default()} choices={langs}
                    on_change={update(|a, v| a.lang = Lang::parse(v).ok())} />
                <SelectInput id="snippet-theme" label={portal.t(Key::EmbedFieldTheme)}
                    value={attrs.theme.map(|t| t.as_str()).unwrap_or_default()} choices={themes}
                    on_change={update(|a, v| a.theme = match v { "light" => Some(Theme::Light), "dark" => Some(Theme::Dark), _ => None })} />
                <SelectInput id="snippet-my-card" label={portal.t(Key::EmbedFieldMyCard)}
                    value={if attrs.my_card == Some(false) { "off" } else { "on" }} choices={shown.clone()}
                    on_change={update(|a, v| a.my_card = (v == "off").then_some(false))} />
                <SelectInput id="snippet-events" label={portal.t(Key::EmbedFieldEvents)}
                    value={if attrs.events == Some(false) { "off" } else { "on" }} choices={shown}
                    on_change={update(|a, v| a.events = (v == "off").then_some(false))} />
            </div>
            <div class="field">
                <label for="snippet-script">{ portal.t(Key::EmbedScriptForm) }</label>
                <textarea id="snippet-script" readonly=true rows="3" value={script.clone()} />
                { copy_button("copy-script", script, Key::EmbedCopied) }
            </div>
            <div class="field">
                <label for="snippet-iframe">{ portal.t(Key::EmbedIframeForm) }</label>
                <textarea id="snippet-iframe" readonly=true rows="3" value={iframe.clone()} />
                { copy_button("copy-iframe", iframe, Key::EmbedCopied) }
            </div>
            <p role="status" class="muted">{ copied.map(|k| portal.t(k)).unwrap_or_default() }</p>
            <h3>{ portal.t(Key::EmbedPreview) }</h3>
            <iframe class="embed-preview" src={preview} title={portal.t(Key::EmbedPreview)} loading="lazy" />
        </section>
    }
}
