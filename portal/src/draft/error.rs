//! What went wrong with a form, and which field it belongs to.
//!
//! The API names the field at fault in `param` with the path of the body it
//! received: `title.zh-CN` for a new offer, `offer.title.zh-CN` for an edit
//! (`event.title.zh-CN` for an event's),
//! `partner.name.zh-CN` at sign-up, `profile.phone` for a partner edit,
//! `eligibility[1].scheme` for a list entry. Forms name their fields by the
//! path inside the DTO they edit; [`same_field`] matches the two.

use linan_shared::FieldError;

use crate::api::ClientError;
use crate::i18n::Key;

/// The wrappers the API's bodies put around a DTO.
const WRAPPERS: [&str; 4] = ["offer.", "profile.", "partner.", "event."];

/// Whether the API's `param` is about the form field `field`: the same
/// path, or one inside the other (`location` and `location.lat`,
/// `eligibility` and `eligibility[0].scheme`).
pub fn same_field(param: &str, field: &str) -> bool {
    let param = WRAPPERS.iter().find_map(|w| param.strip_prefix(w)).unwrap_or(param);
    let inside = |inner: &str, outer: &str| {
        inner.strip_prefix(outer).is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
    };
    param == field || inside(param, field) || inside(field, param)
}

/// A form's error: a localized summary for the top of the form and, when a
/// field is at fault, its path and the server's explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormError {
    /// What the summary says.
    pub summary: Key,
    /// The field at fault, as the API or the form named it.
    pub param: Option<String>,
    /// The server's explanation (English), for a field at fault.
    pub detail: Option<String>,
    /// A localized explanation for a field at fault, from the form itself.
    pub hint: Option<Key>,
}

impl FormError {
    /// A problem the form found before sending: `field` is wrong, because `hint`.
    pub fn local(field: &str, hint: Key) -> Self {
        FormError { summary: Key::ErrInvalid, param: Some(field.to_owned()), detail: None, hint: Some(hint) }
    }

    /// A refused request.
    pub fn from_client(error: &ClientError) -> Self {
        let param = error.param().map(str::to_owned);
        let detail = param.as_ref().and(error.server_message()).map(str::to_owned);
        FormError { summary: error.summary(), param, detail, hint: None }
    }

    /// A check of the shared model failed (its words are the API's words).
    pub fn from_field(error: &FieldError) -> Self {
        FormError {
            summary: Key::ErrInvalid,
            param: Some(error.field.clone()),
            detail: Some(error.message.clone()),
            hint: None,
        }
    }

    /// Whether this error is about `field`.
    pub fn is_for(&self, field: &str) -> bool {
        self.param.as_deref().is_some_and(|p| same_field(p, field))
    }

    /// Whether reloading is the way out (someone else changed the thing).
    pub fn is_stale(&self) -> bool {
        self.summary == Key::ErrStale
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_find_their_field_through_wrappers_and_indexes() {
        assert!(same_field("offer.title.zh-CN", "title.zh-CN"));
        assert!(same_field("title.zh-CN", "title.zh-CN"));
        assert!(same_field("partner.name.en", "name.en"));
        assert!(same_field("profile.phone", "phone"));
        assert!(same_field("event.venue.location", "venue.location.lat"));
        assert!(same_field("eligibility[1].scheme", "eligibility"));
        assert!(same_field("location", "location.lat"));
        assert!(!same_field("title.zh-CN", "title.en"));
        assert!(!same_field("titles", "title"));
        assert!(!same_field("email", "name.zh-CN"));
    }

    #[test]
    fn a_refusal_naming_a_field_carries_the_server_words_for_it() {
        let refused = ClientError::from_answer(
            422,
            r#"{"error":{"code":"invalid_field","message":"at most 80 characters","param":"offer.title.en"}}"#,
        );
        let error = FormError::from_client(&refused);
        assert!(error.is_for("title.en") && !error.is_for("title.zh-CN"));
        assert_eq!(error.detail.as_deref(), Some("at most 80 characters"));
        let stale = ClientError::from_answer(409, r#"{"error":{"code":"stale_version","message":"reload"}}"#);
        let error = FormError::from_client(&stale);
        assert!(error.is_stale() && error.detail.is_none() && !error.is_for("title.en"));
    }
}
