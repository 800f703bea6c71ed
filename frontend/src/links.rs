//! Links and URL pieces: percent-encoding, coordinates, the map link of a
//! partner's address.
//!
//! Amap (高德地图) is the map most visitors have on their phones; its URI API
//! opens the app when installed and the web map otherwise.

use linan_shared::GeoPoint;

/// Percent-encodes everything but RFC 3986 unreserved characters, so a
/// merchant's name can never break out of its query parameter.
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

/// A coordinate in degrees with at most six decimals (about 0.1 m), written
/// with integer arithmetic: Rust's float formatting would add about 9 KB to
/// the gzipped wasm. For values with at most six decimals the output is
/// exactly what `f64`'s `Display` writes (`113.2443`, `-0.5`, `23`).
pub fn coord(degrees: f64) -> String {
    let micro = (degrees * 1_000_000.0).round() as i64;
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

/// An Amap marker link for a point, labelled `name`.
///
/// Amap takes `lon,lat` (longitude first). Our points are WGS-84 (GPS), so the
/// link says `coordinate=wgs84` and Amap converts to its own GCJ-02 grid;
/// `callnative=0` keeps it in the browser when no app is installed.
pub fn amap_marker(point: GeoPoint, name: &str) -> String {
    format!(
        "https://uri.amap.com/marker?position={},{}&name={}&src=linan-talent-home&coordinate=wgs84&callnative=0",
        coord(point.lon()),
        coord(point.lat()),
        percent_encode(name)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_map_link_puts_longitude_first_and_encodes_the_name() {
        let p = GeoPoint::new(23.1229, 113.2431).unwrap();
        let link = amap_marker(p, "陈家祠 & <b>\"x\"</b>");
        assert!(link.starts_with("https://uri.amap.com/marker?position=113.2431,23.1229&name="), "{link}");
        assert!(link.contains("name=%E9%99%88%E5%AE%B6%E7%A5%A0%20%26%20%3Cb%3E%22x%22%3C%2Fb%3E&"), "{link}");
        assert!(!link.contains(' ') && !link.contains('<') && !link.contains('"'));
    }

    #[test]
    fn coordinates_are_written_as_display_writes_them() {
        for x in [0.0, 23.0, 113.2443, -0.5, -23.125, 179.999999, -90.0, 0.000001, 12.25] {
            assert_eq!(coord(x), x.to_string(), "{x}");
        }
    }

    #[test]
    fn unreserved_characters_pass_through() {
        assert_eq!(percent_encode("Abc-1_2.3~"), "Abc-1_2.3~");
        assert_eq!(percent_encode("a/b?c=d"), "a%2Fb%3Fc%3Dd");
    }
}
