//! The decisions behind the debounced search box, free of timers.
//!
//! Every keystroke takes a [`Debounce::ticket`]; when its timer fires, the
//! search runs only if no later keystroke came in meanwhile
//! ([`Debounce::is_current`]). [`normalize`] turns what was typed into the
//! `q` the API accepts — trimmed, no control characters, at most
//! [`MAX_QUERY_CHARS`] characters — so typing never produces a 400. There is
//! no minimum length: two Chinese characters (医院, 西樵) are a precise search.

use linan_shared::MAX_QUERY_CHARS;

/// How long the box waits after the last keystroke, in milliseconds.
pub const DELAY_MS: u64 = 300;

/// Tickets for pending searches; only the newest one may run.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Debounce {
    latest: u64,
}

impl Debounce {
    /// A new keystroke (or an immediate search) supersedes every pending one.
    pub fn ticket(&mut self) -> u64 {
        self.latest = self.latest.wrapping_add(1);
        self.latest
    }

    /// Whether the search waiting with `ticket` is still the latest.
    pub fn is_current(&self, ticket: u64) -> bool {
        self.latest == ticket
    }
}

/// The search terms to send for what was typed; `None` for no search.
pub fn normalize(typed: &str) -> Option<String> {
    // Whitespace of any kind (tabs, the ideographic space) separates terms; other controls go.
    let cleaned: String = typed
        .chars()
        .filter(|c| !c.is_control() || c.is_whitespace())
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let trimmed = cleaned.trim();
    if trimmed.is_empty() {
        return None;
    }
    Some(trimmed.chars().take(MAX_QUERY_CHARS).collect::<String>().trim_end().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_latest_keystroke_searches() {
        let mut d = Debounce::default();
        let first = d.ticket();
        let second = d.ticket();
        assert!(!d.is_current(first));
        assert!(d.is_current(second));
    }

    #[test]
    fn two_chinese_characters_are_a_search() {
        assert_eq!(normalize("医院"), Some("医院".to_owned()));
        assert_eq!(normalize(" 西樵\u{3000}"), Some("西樵".to_owned()));
        assert_eq!(normalize("x"), Some("x".to_owned()));
    }

    #[test]
    fn blank_and_control_input_is_no_search() {
        assert_eq!(normalize("   "), None);
        assert_eq!(normalize("\u{0}\u{7}"), None);
        assert_eq!(normalize("a\u{0}b\tc"), Some("ab c".to_owned()));
    }

    #[test]
    fn long_input_is_cut_to_what_the_api_accepts() {
        let long = "荔".repeat(MAX_QUERY_CHARS + 20);
        assert_eq!(normalize(&long).map(|s| s.chars().count()), Some(MAX_QUERY_CHARS));
    }
}
