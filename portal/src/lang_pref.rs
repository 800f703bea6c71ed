//! The chosen language: zh-CN unless the person picked another, remembered
//! in `localStorage` and mirrored on `<html lang>` and the document title.

use linan_shared::Lang;

use crate::i18n::Key;

const STORAGE_KEY: &str = "linan.portal.lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The remembered language, or zh-CN.
pub fn load() -> Lang {
    storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|tag| Lang::parse(&tag).ok())
        .unwrap_or_default()
}

/// Remembers `lang` (silently skipped where storage is unavailable, e.g. private modes).
pub fn save(lang: Lang) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(STORAGE_KEY, lang.tag());
    }
}

/// Marks the document as written in `lang`, so screen readers and fonts follow.
pub fn apply(lang: Lang) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
    document.set_title(Key::Brand.get(lang));
}
