//! Keyset-pagination cursors.
//!
//! A cursor is the sort key of the last item of a page, as URL-safe base64 of
//! a small JSON value. It is opaque to clients; it names its sort order so a
//! cursor cannot be replayed against another order, and anything that does
//! not decode is a 400 on `cursor`.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::NaiveDate;
use linan_shared::SortOrder;

use crate::error::ApiError;

/// The position after which the next page starts.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "s", rename_all = "snake_case")]
pub(crate) enum Cursor {
    /// `published_at` (ms) and id of the last item.
    Newest { p: i64, id: i64 },
    /// `valid_until` and id of the last item.
    EndingSoon { u: NaiveDate, id: i64 },
    /// Squared planar distance (degrees²) and id of the last item. The
    /// distance travels as its IEEE-754 bits: a decimal round trip could
    /// move it by one ulp and skip or repeat an item at the page edge.
    Nearest { d: u64, id: i64 },
    /// Title-match score, `published_at` and id of the last item.
    Relevance { r: i64, p: i64, id: i64 },
}

impl Cursor {
    pub(crate) fn sort(&self) -> SortOrder {
        match self {
            Cursor::Newest { .. } => SortOrder::Newest,
            Cursor::EndingSoon { .. } => SortOrder::EndingSoon,
            Cursor::Nearest { .. } => SortOrder::Nearest,
            Cursor::Relevance { .. } => SortOrder::Relevance,
        }
    }

    pub(crate) fn encode(&self) -> String {
        // Serialising this enum of numbers and dates cannot fail.
        let json = serde_json::to_vec(self).unwrap_or_default();
        URL_SAFE_NO_PAD.encode(json)
    }

    /// Decodes a cursor that must belong to `sort`.
    pub(crate) fn decode(s: &str, sort: SortOrder) -> Result<Cursor, ApiError> {
        let bytes = URL_SAFE_NO_PAD.decode(s).map_err(|_| ApiError::invalid("cursor", "malformed cursor"))?;
        let cursor: Cursor =
            serde_json::from_slice(&bytes).map_err(|_| ApiError::invalid("cursor", "malformed cursor"))?;
        if let Cursor::Nearest { d, .. } = cursor {
            let d = f64::from_bits(d);
            if !d.is_finite() || d < 0.0 {
                return Err(ApiError::invalid("cursor", "malformed cursor"));
            }
        }
        if cursor.sort() != sort {
            return Err(ApiError::invalid(
                "cursor",
                format!("this cursor belongs to sort={}, not sort={}", cursor.sort().as_str(), sort.as_str()),
            ));
        }
        Ok(cursor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_refuse_other_orders() {
        let c = Cursor::Nearest { d: 0.000123456789f64.to_bits(), id: 42 };
        let s = c.encode();
        assert_eq!(Cursor::decode(&s, SortOrder::Nearest).unwrap(), c);
        assert!(Cursor::decode(&s, SortOrder::Newest).is_err());
        assert!(Cursor::decode("not base64!", SortOrder::Newest).is_err());
        assert!(Cursor::decode(&URL_SAFE_NO_PAD.encode("{}"), SortOrder::Newest).is_err());
    }
}
