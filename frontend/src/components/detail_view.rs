//! The detail of one benefit: a non-modal dialog that replaces the list.
//!
//! Focus moves to its close button when it opens; Escape or the button
//! closes it, and the list view then returns focus to the item's button.

use yew::prelude::*;

use super::{DetailBodyProps, ErrorBoxProps, LoadingProps, detail_body, dialog_bar, error_box, loading, use_dialog};
use crate::DETAIL_CSS;
use crate::attrs::WidgetConfig;
use crate::hooks::{DetailState, Reference, use_detail};
use crate::i18n::{Key, t};

/// Props of [`DetailView`].
#[derive(Properties, PartialEq)]
pub struct DetailViewProps {
    /// The benefit's id.
    pub id: i64,
    /// Its title, if the list showed it: it shows at once.
    #[prop_or_default]
    pub title: Option<String>,
    /// The widget's configuration.
    pub config: WidgetConfig,
    /// Names of categories and schemes, the recognition table.
    pub reference: Reference,
    /// Close the detail.
    pub on_close: Callback<()>,
}

/// `role="dialog"` with `aria-modal="false"`: the rest of the host page
/// stays usable, it is not a modal overlay.
#[component]
pub fn DetailView(props: &DetailViewProps) -> Html {
    let lang = props.config.lang;
    let (state, retry) = use_detail(&props.config, props.id);
    let (close, onkeydown) = use_dialog(&props.on_close);
    let title_id = format!("lw-detail-title-{}", props.id);
    let title = match (&state, &props.title) {
        (DetailState::Loaded(d), _) => d.summary.title.clone(),
        (_, Some(title)) => title.clone(),
        (_, None) => t(lang, Key::Loading).to_owned(),
    };
    let body = match &state {
        DetailState::Loading => loading(&LoadingProps { lang, announce: true }),
        DetailState::Failed(error) => error_box(&ErrorBoxProps { lang, error: error.clone(), on_retry: retry }),
        DetailState::Loaded(detail) => {
            detail_body(&DetailBodyProps { lang, detail: detail.clone(), reference: props.reference.clone() })
        }
    };
    html! {
        <>
        <style>{ DETAIL_CSS }</style>
        <section class="lw-detail" role="dialog" aria-modal="false" aria-labelledby={title_id.clone()} {onkeydown}>
            { dialog_bar(lang, &close, &props.on_close) }
            <h2 class="lw-detail-title" id={title_id}>{ title }</h2>
            { body }
        </section>
        </>
    }
}
