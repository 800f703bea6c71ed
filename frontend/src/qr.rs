//! The counter code's QR symbol as SVG path data.
//!
//! The `qrcode` crate encodes the payload into modules; this module turns
//! the dark ones into one `<path>`, a run of adjacent modules per rectangle,
//! so the browser draws a crisp, scalable symbol without an image or a canvas.
//! The path is built from numbers only: the payload never reaches markup.

use qrcode::bits::Bits;
use qrcode::{Color, EcLevel, QrCode, Version};

/// Modules of light margin around the symbol, as the standard asks.
pub const QUIET_ZONE: usize = 4;

/// A QR symbol ready to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrSvg {
    /// Width and height in modules, the quiet zone included (the `viewBox`).
    pub size: usize,
    /// The path data of the dark modules.
    pub path: String,
}

/// Encodes `payload` as bytes in the smallest version that holds it, at
/// error-correction level M (scanners at a counter cope with glare and a
/// cracked screen); `None` if it is too long for any QR.
///
/// Byte mode only, on purpose: the crate's automatic segmentation (numeric,
/// alphanumeric, kanji runs; Micro QR) would add code to the widget to save
/// a few modules of a short ASCII payload.
pub fn encode(payload: &[u8]) -> Option<QrCode> {
    (1..=40).find_map(|v| {
        let mut bits = Bits::new(Version::Normal(v));
        bits.push_byte_data(payload).ok()?;
        bits.push_terminator(EcLevel::M).ok()?;
        QrCode::with_bits(bits, EcLevel::M).ok()
    })
}

/// The symbol of `payload` as path data; `None` if it is too long for a QR.
pub fn qr_svg(payload: &str) -> Option<QrSvg> {
    let code = encode(payload.as_bytes())?;
    let width = code.width();
    let colors = code.into_colors();
    let mut path = String::new();
    for (y, row) in colors.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if row[x] != Color::Dark {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && row[x] == Color::Dark {
                x += 1;
            }
            push_run(&mut path, start + QUIET_ZONE, y + QUIET_ZONE, x - start);
        }
    }
    Some(QrSvg { size: width + 2 * QUIET_ZONE, path })
}

/// `M{x} {y}h{len}v1h-{len}z`: one row's run of dark modules.
fn push_run(path: &mut String, x: usize, y: usize, len: usize) {
    for (prefix, n) in [("M", x), (" ", y), ("h", len), ("v1h-", len)] {
        path.push_str(prefix);
        path.push_str(&n.to_string());
    }
    path.push('z');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads the path back into (x, y) of every dark module.
    fn modules(path: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for run in path.split('z').filter(|r| !r.is_empty()) {
            let (pos, rest) = run.trim_start_matches('M').split_once('h').unwrap();
            let (x, y) = pos.split_once(' ').unwrap();
            let len: usize = rest.split_once('v').unwrap().0.parse().unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            out.extend((x..x + len).map(|x| (x, y)));
        }
        out
    }

    #[test]
    fn the_path_draws_exactly_the_dark_modules_inside_the_quiet_zone() {
        let payload = "LN1.12345678.q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJ0";
        let svg = qr_svg(payload).unwrap();
        let code = encode(payload.as_bytes()).unwrap();
        // 56 bytes: version 4 holds 62 at level M, version 3 only 42.
        assert_eq!((code.version(), code.error_correction_level()), (Version::Normal(4), EcLevel::M));
        let width = code.width();
        assert_eq!(svg.size, width + 8);
        let dark: Vec<(usize, usize)> = code
            .to_colors()
            .iter()
            .enumerate()
            .filter(|(_, c)| **c == Color::Dark)
            .map(|(i, _)| (i % width + QUIET_ZONE, i / width + QUIET_ZONE))
            .collect();
        assert_eq!(modules(&svg.path), dark);
        // The finder pattern's top-left corner is dark.
        assert!(svg.path.starts_with("M4 4h7v1h-7z"), "{}", &svg.path[..20]);
    }

    #[test]
    fn a_payload_too_long_for_any_qr_is_none() {
        assert_eq!(qr_svg(&"9".repeat(3000)), None);
    }

    #[test]
    fn the_path_holds_only_drawing_commands_and_numbers() {
        let svg = qr_svg("<script>\"'&").unwrap();
        assert!(svg.path.chars().all(|c| c.is_ascii_digit() || "Mhvz -".contains(c)));
    }
}
