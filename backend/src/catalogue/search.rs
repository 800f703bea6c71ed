//! Search text: what is stored for searching and how terms become patterns.
//!
//! Search must find Chinese terms of any length — two-character words such as
//! 医院 or 西樵 are the common case, and tokenising indexes (FTS5 trigram,
//! PostgreSQL's `to_tsvector`) either drop them or do not segment Chinese at
//! all. So a term matches when it is a substring of the lower-cased texts, in
//! every language, exactly what a `LIKE '%term%'` scan finds — with the same
//! result on SQLite and PostgreSQL because both sides are lower-cased here, in
//! Rust, never by the database.

/// The escape character used in `LIKE … ESCAPE '!'`.
pub(crate) const LIKE_ESCAPE: char = '!';

/// Lower-cases and joins the texts that are searched: what `search_title` and
/// `search_body` of a benefit hold. Public so bulk loaders (the benchmark
/// seed) store exactly what [`super::create_benefit`] would.
pub(crate) fn search_text<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts.into_iter().map(str::to_lowercase).collect::<Vec<_>>().join("\n")
}

/// A `LIKE` pattern matching `term` anywhere, with wildcards in the term escaped.
pub(crate) fn contains_pattern(term: &str) -> String {
    let mut pattern = String::with_capacity(term.len() + 2);
    pattern.push('%');
    for c in term.to_lowercase().chars() {
        if matches!(c, '%' | '_' | LIKE_ESCAPE) {
            pattern.push(LIKE_ESCAPE);
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

#[cfg(test)]
mod tests {
    use linan_shared::LocalizedText;

    use super::*;

    #[test]
    fn wildcards_in_terms_are_literal() {
        assert_eq!(contains_pattern("50%_off!"), "%50!%!_off!!%");
        assert_eq!(contains_pattern("Museum"), "%museum%");
        assert_eq!(contains_pattern("西樵"), "%西樵%");
    }

    #[test]
    fn search_text_skips_missing_languages() {
        assert_eq!(
            search_text(LocalizedText::new("荔枝湾", None, Some("Lychee Bay")).variants()),
            "荔枝湾\nlychee bay"
        );
    }
}
