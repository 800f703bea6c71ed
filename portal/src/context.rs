//! What every page needs, provided once by the root: the language, the
//! session, the API client bound to it, the reference lists, and the
//! callbacks that change them or announce a result.

use std::rc::Rc;

use linan_shared::{AccountDto, CardSchemeDto, CategoryDto, DistrictDto, Lang, SessionDto};
use yew::prelude::*;

use crate::api::Api;
use crate::i18n::{Key, fill};

/// The reference lists the forms choose from, once loaded.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reference {
    /// Districts.
    pub districts: Rc<Vec<DistrictDto>>,
    /// Benefit categories.
    pub categories: Rc<Vec<CategoryDto>>,
    /// Card schemes with their tiers.
    pub schemes: Rc<Vec<CardSchemeDto>>,
}

/// The portal's shared state, from [`use_portal`].
#[derive(Clone, PartialEq)]
pub struct Portal {
    /// The UI language.
    pub lang: Lang,
    /// Who is signed in.
    pub session: Option<Rc<SessionDto>>,
    /// The API client for this session.
    pub api: Api,
    /// The reference lists.
    pub reference: Reference,
    /// Switches the UI language.
    pub set_lang: Callback<Lang>,
    /// A sign-in or sign-up succeeded.
    pub signed_in: Callback<SessionDto>,
    /// The session ended.
    pub signed_out: Callback<()>,
    /// Puts a short result ("Saved.") in the status line.
    pub announce: Callback<Key>,
}

impl Portal {
    /// A UI string in the current language.
    pub fn t(&self, key: Key) -> &'static str {
        key.get(self.lang)
    }

    /// A UI string with its placeholders filled.
    pub fn fill(&self, key: Key, values: &[(&str, &str)]) -> String {
        fill(self.lang, key, values)
    }

    /// The signed-in account.
    pub fn account(&self) -> Option<&AccountDto> {
        self.session.as_deref().map(|s| &s.account)
    }

    /// What pages see outside the root (only in isolation, e.g. a test): signed out, zh-CN.
    fn detached() -> Self {
        Portal {
            lang: Lang::ZhCn,
            session: None,
            api: Api::new(None, Callback::noop()),
            reference: Reference::default(),
            set_lang: Callback::noop(),
            signed_in: Callback::noop(),
            signed_out: Callback::noop(),
            announce: Callback::noop(),
        }
    }
}

/// The portal's shared state.
#[hook]
pub fn use_portal() -> Portal {
    use_context::<Portal>().unwrap_or_else(Portal::detached)
}
