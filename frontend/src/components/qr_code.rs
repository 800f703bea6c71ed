//! The counter code's QR symbol as inline SVG.

use linan_shared::Lang;
use yew::prelude::*;

use crate::i18n::{CardKey, t};
use crate::qr::qr_svg;

/// Props of [`qr_code`].
#[derive(Properties, PartialEq)]
pub struct QrCodeProps {
    /// UI language.
    pub lang: Lang,
    /// The QR payload from the API.
    pub payload: AttrValue,
}

/// `<svg role="img">` built as elements (Yew creates them in the SVG
/// namespace): the path holds numbers only and the payload is an attribute
/// value, so nothing from the API is parsed as markup. Black on white in
/// both themes, as scanners expect. `data-qr-payload` is the contract with
/// the counter's browser tests.
pub fn qr_code(props: &QrCodeProps) -> Html {
    let Some(qr) = qr_svg(&props.payload) else { return html! {} };
    let size = qr.size.to_string();
    html! {
        <svg class="lw-qr" viewBox={format!("0 0 {size} {size}")} role="img" aria-label={t(props.lang, CardKey::QrLabel)}
            data-qr-payload={props.payload.clone()} shape-rendering="crispEdges">
            <rect width={size.clone()} height={size} fill="#fff" />
            <path d={qr.path} fill="#000" />
        </svg>
    }
}
