//! Amounts of money as people type them (yuan, up to two decimals) and as
//! the API stores them (fen, whole numbers). Fen are written back as yuan by
//! the one formatter, [`linan_shared::yuan`].

/// Parses `12`, `12.5`, `12.50` or `0.05` yuan into fen; `None` for anything
/// else (signs, three decimals, separators, overflow).
pub fn parse_yuan(text: &str) -> Option<u32> {
    let text = text.trim();
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) || fraction.len() > 2 {
        return None;
    }
    if text.ends_with('.') {
        return None;
    }
    let yuan: u32 = whole.parse().ok()?;
    let fen: u32 = format!("{fraction:0<2}").parse().ok()?;
    yuan.checked_mul(100)?.checked_add(fen)
}

#[cfg(test)]
mod tests {
    use super::*;
    use linan_shared::yuan;

    #[test]
    fn yuan_amounts_parse_into_fen() {
        for (text, fen) in [("12", 1200), ("12.5", 1250), ("12.50", 1250), ("0.05", 5), (" 3 ", 300), ("0", 0)] {
            assert_eq!(parse_yuan(text), Some(fen), "{text}");
        }
        for bad in ["", ".5", "5.", "-1", "1.234", "1,000", "1e3", "abc", "99999999999"] {
            assert_eq!(parse_yuan(bad), None, "{bad}");
        }
    }

    #[test]
    fn fen_format_back_to_what_parses() {
        for fen in [0, 5, 50, 1200, 1250, 1299, 100_000] {
            assert_eq!(parse_yuan(&yuan(fen)), Some(fen), "{fen}");
        }
        assert_eq!(yuan(1250), "12.5");
        assert_eq!(yuan(1205), "12.05");
    }
}
