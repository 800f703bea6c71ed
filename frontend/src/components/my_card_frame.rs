//! "My card" as the host page sees it: an `<iframe>` of our own origin.
//!
//! The cardholder signs in on `/embed/my-card` (served by the backend, its
//! own bundle), so the card number, the sign-in factor, the session token
//! and the counter code exist only in that frame: a script of the host page
//! can read neither its DOM nor its key events. The frame reports its height
//! through `postMessage` to the origin named in its URL; the loader checks
//! the sender's origin and window and sizes the frame (`loader/`).

use linan_shared::{Lang, percent_encode};
use yew::prelude::*;

use crate::attrs::{Theme, WidgetConfig};
use crate::i18n::{Key, t};

/// Props of [`my_card_frame`].
#[derive(Properties, PartialEq)]
pub struct MyCardFrameProps {
    /// Where the API (and so our origin) is; the frame's language and theme.
    pub config: WidgetConfig,
    /// Kept (hidden) while another view shows, so the session survives
    /// switching views.
    pub hidden: bool,
}

/// The frame's URL: `{api}/embed/my-card?lang=…&theme=…&origin=…`.
pub fn frame_url(api: &str, lang: Lang, theme: Theme, page_origin: Option<&str>) -> String {
    let mut url = String::with_capacity(api.len() + 80);
    url.push_str(api);
    url.push_str("/embed/my-card?lang=");
    url.push_str(lang.tag());
    url.push_str("&theme=");
    url.push_str(theme.as_str());
    if let Some(origin) = page_origin {
        url.push_str("&origin=");
        url.push_str(&percent_encode(origin));
    }
    url
}

/// The frame. Its URL changes with the language or theme, which reloads it
/// (and so asks the cardholder to sign in again).
pub fn my_card_frame(props: &MyCardFrameProps) -> Html {
    let config = &props.config;
    let origin = web_sys::window().and_then(|w| w.location().origin().ok());
    let src = frame_url(&config.api, config.lang, config.theme, origin.as_deref());
    html! {
        <iframe key="my-card" class="lw-frame" {src} title={t(config.lang, Key::ViewMyCard)} hidden={props.hidden} />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_frame_url_names_language_theme_and_the_page_origin() {
        assert_eq!(
            frame_url("https://talent.example.cn", Lang::En, Theme::Dark, Some("https://www.nanhai.gov.cn")),
            "https://talent.example.cn/embed/my-card?lang=en&theme=dark&origin=https%3A%2F%2Fwww.nanhai.gov.cn"
        );
        assert_eq!(frame_url("", Lang::ZhCn, Theme::Light, None), "/embed/my-card?lang=zh-CN&theme=light");
    }
}
