//! Content codings of cached public answers: which one a client accepts
//! (`Accept-Encoding`), and each cached body compressed once per coding.
//!
//! The compression layer compresses every response it passes, on every
//! request. A cached catalogue page is the same bytes until the version
//! moves, so the cache keeps its gzip and brotli forms beside the JSON and a
//! hit is answered with the form the client takes; a response that already
//! has a `Content-Encoding` passes the compression layer untouched.

use std::io::Write;

use axum::{
    body::Bytes,
    http::{HeaderMap, header::ACCEPT_ENCODING},
};

/// A content coding this server sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coding {
    /// The bytes as they are.
    Identity,
    /// `gzip`.
    Gzip,
    /// `br`.
    Brotli,
}

impl Coding {
    /// The `Content-Encoding` value; `None` for identity.
    pub fn header(self) -> Option<&'static str> {
        match self {
            Coding::Identity => None,
            Coding::Gzip => Some("gzip"),
            Coding::Brotli => Some("br"),
        }
    }
}

/// The coding to answer with: the client's highest `q`, brotli before gzip
/// among equals (it is smaller); identity when the header is absent or
/// accepts neither. A coding named explicitly overrides `*`.
pub fn negotiate(headers: &HeaderMap) -> Coding {
    let (mut br, mut gzip, mut any) = (None, None, None);
    for value in headers.get_all(ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok()) {
        for item in value.split(',') {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or_default().trim();
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            match name.to_ascii_lowercase().as_str() {
                "br" => br = Some(q),
                "gzip" | "x-gzip" => gzip = Some(q),
                "*" => any = Some(q),
                _ => {}
            }
        }
    }
    let (br, gzip) = (br.or(any).unwrap_or(0.0), gzip.or(any).unwrap_or(0.0));
    if br > 0.0 && br >= gzip {
        Coding::Brotli
    } else if gzip > 0.0 {
        Coding::Gzip
    } else {
        Coding::Identity
    }
}

/// `body` gzip-compressed (level 9: done once per cached page).
pub fn gzip(body: &[u8]) -> Bytes {
    let mut encoder = flate2::write::GzEncoder::new(Vec::with_capacity(body.len() / 3), flate2::Compression::best());
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(body);
    Bytes::from(encoder.finish().unwrap_or_default())
}

/// `body` brotli-compressed (quality 9: about 1 ms for a 10 KB page, done once).
pub fn brotli(body: &[u8]) -> Bytes {
    let mut out = Vec::with_capacity(body.len() / 3);
    let params =
        brotli::enc::BrotliEncoderParams { quality: 9, lgwin: 22, ..brotli::enc::BrotliEncoderParams::default() };
    let _ = brotli::BrotliCompress(&mut &body[..], &mut out, &params);
    Bytes::from(out)
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn with(value: &str) -> Coding {
        let mut h = HeaderMap::new();
        h.insert(ACCEPT_ENCODING, HeaderValue::from_str(value).unwrap());
        negotiate(&h)
    }

    #[test]
    fn browsers_get_brotli_and_others_what_they_ask_for() {
        assert_eq!(negotiate(&HeaderMap::new()), Coding::Identity);
        assert_eq!(with("gzip, deflate, br, zstd"), Coding::Brotli);
        assert_eq!(with("gzip"), Coding::Gzip);
        assert_eq!(with("GZIP"), Coding::Gzip);
        assert_eq!(with("deflate"), Coding::Identity);
        assert_eq!(with("identity"), Coding::Identity);
        assert_eq!(with("br;q=0.5, gzip;q=0.8"), Coding::Gzip);
        assert_eq!(with("br;q=0, gzip;q=0"), Coding::Identity);
        assert_eq!(with("*"), Coding::Brotli);
        assert_eq!(with("*;q=0.1, br;q=0"), Coding::Gzip);
    }

    #[test]
    fn each_form_decodes_to_the_body() {
        use std::io::Read;
        let body = br#"{"items":[{"title":"\xe5\x85\xac\xe5\x9b\xad"}]}"#.repeat(50);
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(&gzip(&body)[..]).read_to_end(&mut back).unwrap();
        assert_eq!(back, body);
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &brotli(&body)[..], &mut back).unwrap();
        assert_eq!(back, body);
    }
}
