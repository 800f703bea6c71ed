//! UI strings with `{name}` placeholders, filled the same way in the widget
//! and the portal.

/// Replaces each `{name}` in `template` with its value from `args`.
///
/// One pass from left to right: a value is inserted as it is (placeholders
/// inside it are not filled again), a placeholder without a value stays as
/// written, and a `{` with no closing `}` is plain text.
///
/// ```
/// use linan_shared::fill;
/// assert_eq!(fill("{n} 项，共 {n} 项", &[("n", "3")]), "3 项，共 3 项");
/// assert_eq!(fill("Hello {who}", &[]), "Hello {who}");
/// ```
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let Some((name, tail)) = after.split_once('}') else {
            // No `}` follows: the rest is plain text.
            out.push('{');
            rest = after;
            break;
        };
        match args.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => out.push_str(value),
            None => {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_placeholders_are_filled_and_unknown_ones_kept() {
        assert_eq!(fill("{a} and {b} {c}", &[("a", "1"), ("b", "2")]), "1 and 2 {c}");
    }

    #[test]
    fn every_occurrence_is_filled() {
        assert_eq!(fill("{x}-{x}", &[("x", "荔湾")]), "荔湾-荔湾");
    }

    #[test]
    fn an_unclosed_brace_is_plain_text() {
        assert_eq!(fill("open { brace", &[]), "open { brace");
        assert_eq!(fill("{a} then {", &[("a", "1")]), "1 then {");
    }

    #[test]
    fn values_are_not_filled_again() {
        assert_eq!(fill("{a} {b}", &[("a", "{b}"), ("b", "2")]), "{b} 2");
    }

    #[test]
    fn text_around_placeholders_keeps_its_characters() {
        assert_eq!(fill("距离 {d} 米。", &[("d", "130")]), "距离 130 米。");
        assert_eq!(fill("", &[("a", "1")]), "");
        assert_eq!(fill("no placeholders", &[("a", "1")]), "no placeholders");
    }
}
