//! Writing values into URLs: percent-encoding and decimal numbers.
//!
//! Both are written by hand on purpose: they are tiny, and Rust's float
//! formatting would add about 9 KB to the gzipped wasm widget, which builds
//! its URLs with these same functions.

/// Percent-encodes everything but RFC 3986 unreserved characters.
///
/// ```
/// assert_eq!(linan_shared::percent_encode("西樵 山&x"), "%E8%A5%BF%E6%A8%B5%20%E5%B1%B1%26x");
/// ```
pub fn percent_encode(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0x0f)]));
        }
    }
    out
}

/// Decodes `%XX` escapes (the inverse of [`percent_encode`]); `None` for a
/// malformed escape or bytes that are not UTF-8. `+` is left as is.
///
/// ```
/// assert_eq!(linan_shared::percent_decode("%E8%A5%BF%E6%A8%B5%20x").as_deref(), Some("西樵 x"));
/// assert_eq!(linan_shared::percent_decode("%G1"), None);
/// ```
pub fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// A number with at most six decimals (0.1 m for coordinates), written with
/// integer arithmetic. For values with at most six decimals the output is
/// exactly what `f64`'s `Display` writes.
///
/// ```
/// use linan_shared::decimal;
/// assert_eq!(decimal(113.2443), "113.2443");
/// assert_eq!(decimal(-0.5), "-0.5");
/// assert_eq!(decimal(23.0), "23");
/// assert_eq!(decimal(1.23456789), "1.234568");
/// ```
pub fn decimal(value: f64) -> String {
    // Coordinates and radii are far below i64::MAX / 1e6; `as` saturates anyway.
    let micro = (value * 1_000_000.0).round() as i64;
    let sign = if micro < 0 { "-" } else { "" };
    let micro = micro.unsigned_abs();
    let mut out = format!("{sign}{}", micro / 1_000_000);
    let frac = micro % 1_000_000;
    if frac != 0 {
        let digits = format!("{frac:06}");
        out.push('.');
        out.push_str(digits.trim_end_matches('0'));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_inverts_encoding() {
        for text in ["西樵 山&x=1", "100%_off!", ""] {
            assert_eq!(percent_decode(&percent_encode(text)).as_deref(), Some(text));
        }
        assert_eq!(percent_decode("%4"), None);
    }

    #[test]
    fn decimals_match_float_display_up_to_six_places() {
        for v in [0.0, 1.5, -33.25, 23.1086, 113.2442, 90.0, -180.0, 0.000001, 12.345678] {
            assert_eq!(decimal(v), v.to_string(), "{v}");
        }
    }
}
