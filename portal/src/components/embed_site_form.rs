//! The form that registers or edits an embed site: name, district,
//! origins (one per line), contact, active, and the snippet's default
//! attributes. An edit sends the version it was read at, so a concurrent
//! change is refused (409) rather than overwritten.

use linan_shared::{
    CategoryCode, DistrictCode, EmbedSiteDto, EmbedSiteInput, EmbedSiteWrite, FieldError, Lang, Theme, WidgetAttrs,
};
use yew::prelude::*;

use super::{Choice, FormAlert, SelectInput, TextArea, TextInput, field_error};
use crate::api::embed;
use crate::context::{Portal, use_portal};
use crate::draft::FormError;
use crate::hooks::{SubmitHandle, use_submit};
use crate::i18n::Key;

const FORM_ID: &str = "embed-site-form";

/// The form's fields as typed.
#[derive(Debug, Clone, PartialEq)]
struct Fields {
    name: String,
    district: String,
    origins: String,
    contact: String,
    active: bool,
    category: String,
    lang: String,
    theme: String,
    limit: String,
    my_card: bool,
    events: bool,
}

impl Fields {
    fn of(site: Option<&EmbedSiteDto>, district: Option<&str>) -> Self {
        match site {
            Some(s) => Fields {
                name: s.name.clone(),
                district: s.district.to_string(),
                origins: s.origins.join("\n"),
                contact: s.contact.clone(),
                active: s.active,
                category: s.attrs.category.as_ref().map(ToString::to_string).unwrap_or_default(),
                lang: s.attrs.lang.map(|l| l.tag().to_owned()).unwrap_or_default(),
                theme: s.attrs.theme.map(|t| t.as_str().to_owned()).unwrap_or_default(),
                limit: s.attrs.limit.map(|l| l.to_string()).unwrap_or_default(),
                my_card: s.attrs.my_card != Some(false),
                events: s.attrs.events != Some(false),
            },
            None => Fields {
                name: String::new(),
                district: district.unwrap_or_default().to_owned(),
                origins: String::new(),
                contact: String::new(),
                active: true,
                category: String::new(),
                lang: String::new(),
                theme: String::new(),
                limit: String::new(),
                my_card: true,
                events: true,
            },
        }
    }

    /// The input DTO, or the field that cannot be one.
    fn input(&self) -> Result<EmbedSiteInput, FieldError> {
        let bad = |field: &str, message: &str| FieldError { field: field.into(), message: message.into() };
        let district = DistrictCode::parse(&self.district).map_err(|_| bad("district", "choose a district"))?;
        let category = match self.category.as_str() {
            "" => None,
            c => Some(CategoryCode::parse(c).map_err(|e| bad("attrs.category", &e.to_string()))?),
        };
        let limit = match self.limit.trim() {
            "" => None,
            l => Some(l.parse::<u32>().map_err(|_| bad("attrs.limit", "must be from 1 to 100"))?),
        };
        let input = EmbedSiteInput {
            name: self.name.clone(),
            district,
            origins: self.origins.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect(),
            attrs: WidgetAttrs {
                category,
                scheme: None,
                tier: None,
                lang: Lang::parse(&self.lang).ok(),
                theme: match self.theme.as_str() {
                    "light" => Some(Theme::Light),
                    "dark" => Some(Theme::Dark),
                    _ => None,
                },
                limit,
                my_card: (!self.my_card).then_some(false),
                events: (!self.events).then_some(false),
            },
            contact: self.contact.clone(),
            active: self.active,
        };
        input.normalised()
    }
}

/// The `lang` attribute's choices: the widget's default, or a language.
pub(super) fn lang_choices(portal: &Portal) -> Vec<Choice> {
    let mut langs = vec![Choice::new("", portal.t(Key::EmbedWidgetDefault))];
    langs.extend(Lang::ALL.iter().map(|l| Choice::new(l.tag(), l.tag())));
    langs
}

/// The `theme` attribute's choices: the widget's default, light or dark.
pub(super) fn theme_choices(portal: &Portal) -> Vec<Choice> {
    vec![
        Choice::new("", portal.t(Key::EmbedWidgetDefault)),
        Choice::new("light", portal.t(Key::EmbedThemeLight)),
        Choice::new("dark", portal.t(Key::EmbedThemeDark)),
    ]
}

/// The form's properties.
#[derive(Properties, PartialEq)]
pub struct EmbedSiteFormProps {
    /// The site to edit; none registers a new one.
    #[prop_or_default]
    pub site: Option<EmbedSiteDto>,
    /// The site was saved (as the server answered).
    pub on_saved: Callback<EmbedSiteDto>,
    /// The admin gave up.
    pub on_cancel: Callback<()>,
}

/// Registers or edits a site.
#[component]
pub fn EmbedSiteForm(props: &EmbedSiteFormProps) -> Html {
    let portal = use_portal();
    let own_district = portal.account().and_then(|a| a.district.as_ref().map(ToString::to_string));
    let fields = {
        let (site, own) = (props.site.clone(), own_district.clone());
        use_state(move || Fields::of(site.as_ref(), own.as_deref()))
    };
    let SubmitHandle { busy, error: current, onsubmit } = {
        let (api, fields, site) = (portal.api.clone(), fields.clone(), props.site.clone());
        use_submit(
            FORM_ID,
            move || {
                let input = fields.input().map_err(|e| FormError::from_field(&e))?;
                let (api, site) = (api.clone(), site.clone());
                Ok(async move {
                    match &site {
                        None => embed::create(&api, &input).await,
                        Some(s) => embed::update(&api, s.id, &EmbedSiteWrite { version: s.version, site: input }).await,
                    }
                })
            },
            props.on_saved.clone(),
        )
    };
    let set = |update: fn(&mut Fields, String)| {
        let fields = fields.clone();
        Callback::from(move |v: String| {
            let mut next = (*fields).clone();
            update(&mut next, v);
            fields.set(next);
        })
    };
    let lang = portal.lang;
    let districts: Vec<Choice> = portal
        .reference
        .districts
        .iter()
        .filter(|d| own_district.as_deref().is_none_or(|own| own == d.code.as_str()))
        .map(|d| Choice::new(d.code.to_string(), d.name.get(lang).to_owned()))
        .collect();
    let mut categories = vec![Choice::new("", portal.t(Key::EmbedAnyCategory))];
    categories.extend(
        portal.reference.categories.iter().map(|c| Choice::new(c.code.to_string(), c.name.get(lang).to_owned())),
    );
    let (langs, themes) = (lang_choices(&portal), theme_choices(&portal));
    let on_off = |on: Key, off: Key| vec![Choice::new("on", portal.t(on)), Choice::new("off", portal.t(off))];
    let f = &*fields;
    html! {
        <form id={FORM_ID} class="stack narrow card" {onsubmit} novalidate=true>
            <h2>{ portal.t(if props.site.is_some() { Key::EmbedEditTitle } else { Key::EmbedNewTitle }) }</h2>
            if let Some(e) = &current {
                <FormAlert error={e.clone()} />
            }
            <TextInput id="embed-name" label={portal.t(Key::EmbedFieldName)} value={f.name.clone()}
                on_input={set(|f, v| f.name = v)} required=true error={field_error(current.as_ref(), "name")} />
            <SelectInput id="embed-district" label={portal.t(Key::EmbedFieldDistrict)} value={f.district.clone()}
                choices={districts} on_change={set(|f, v| f.district = v)} required=true
                error={field_error(current.as_ref(), "district")} />
            <TextArea id="embed-origins" label={portal.t(Key::EmbedFieldOrigins)} value={AttrValue::from(f.origins.clone())}
                on_input={set(|f, v| f.origins = v)} required=true rows={3}
                error={field_error(current.as_ref(), "origins")} />
            <p class="muted">{ portal.t(Key::EmbedOriginsHint) }</p>
            <TextInput id="embed-contact" label={portal.t(Key::EmbedFieldContact)} value={f.contact.clone()}
                on_input={set(|f, v| f.contact = v)} required=true error={field_error(current.as_ref(), "contact")} />
            <SelectInput id="embed-active" label={portal.t(Key::EmbedFieldActive)}
                value={if f.active { "on" } else { "off" }} choices={on_off(Key::EmbedActive, Key::EmbedInactive)}
                on_change={set(|f, v| f.active = v == "on")} />
            <fieldset class="stack">
                <legend>{ portal.t(Key::EmbedDefaults) }</legend>
                <SelectInput id="embed-category" label={portal.t(Key::EmbedFieldCategory)} value={f.category.clone()}
                    choices={categories} on_change={set(|f, v| f.category = v)}
                    error={field_error(current.as_ref(), "attrs.category")} />
                <SelectInput id="embed-lang" label={portal.t(Key::EmbedFieldLang)} value={f.lang.clone()}
                    choices={langs} on_change={set(|f, v| f.lang = v)} />
                <SelectInput id="embed-theme" label={portal.t(Key::EmbedFieldTheme)} value={f.theme.clone()}
                    choices={themes} on_change={set(|f, v| f.theme = v)} />
                <TextInput id="embed-limit" label={portal.t(Key::EmbedFieldLimit)} value={f.limit.clone()}
                    inputmode="numeric" on_input={set(|f, v| f.limit = v)}
                    error={field_error(current.as_ref(), "attrs.limit")} />
                <SelectInput id="embed-my-card" label={portal.t(Key::EmbedFieldMyCard)}
                    value={if f.my_card { "on" } else { "off" }} choices={on_off(Key::EmbedShown, Key::EmbedHidden)}
                    on_change={set(|f, v| f.my_card = v == "on")} />
                <SelectInput id="embed-events" label={portal.t(Key::EmbedFieldEvents)}
                    value={if f.events { "on" } else { "off" }} choices={on_off(Key::EmbedShown, Key::EmbedHidden)}
                    on_change={set(|f, v| f.events = v == "on")} />
            </fieldset>
            <div class="buttons">
                <button type="submit" class="primary" disabled={busy}>
                    { portal.t(if busy { Key::Busy } else { Key::Save }) }
                </button>
                <button type="button" onclick={props.on_cancel.reform(|_| ())}>{ portal.t(Key::Cancel) }</button>
            </div>
        </form>
    }
}
