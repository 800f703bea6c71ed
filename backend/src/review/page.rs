//! Keyset pages of the review queues (`GET /api/v1/admin/partners`,
//! `GET /api/v1/admin/offers`), like the audit log's.
//!
//! A queue is ordered by (`updated_at`, `id`), oldest change first; the id
//! breaks ties, so the order is total and stable. A cursor is the sort key
//! of the last item of a page, as URL-safe base64 of a small JSON value,
//! opaque to clients; the next page is what sorts after it, so rows are
//! never skipped or repeated while paging (a row changed meanwhile moves to
//! the end of its queue, or leaves it). Anything that does not decode is a
//! 400 on `cursor`.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select};

use crate::error::ApiError;

/// Page size when none is asked for.
pub const DEFAULT_LIMIT: u64 = 50;
/// Largest page size.
pub const MAX_LIMIT: u64 = 200;

/// The sort key of the last item of a page.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
struct Cursor {
    /// `updated_at` (RFC 3339 with every fractional digit, so it round-trips exactly).
    u: DateTime<Utc>,
    /// The id.
    id: i64,
}

/// Where a page starts and how long it is, checked.
#[derive(Debug, Clone)]
pub struct PageRequest {
    after: Option<Cursor>,
    limit: u64,
}

impl PageRequest {
    /// Checks `limit` (1–[`MAX_LIMIT`], default [`DEFAULT_LIMIT`]) and decodes `cursor`.
    pub fn parse(limit: Option<u64>, cursor: Option<&str>) -> Result<Self, ApiError> {
        let limit = limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(ApiError::invalid("limit", format!("must be from 1 to {MAX_LIMIT}")));
        }
        let after = cursor
            .map(|c| {
                URL_SAFE_NO_PAD
                    .decode(c)
                    .ok()
                    .and_then(|bytes| serde_json::from_slice::<Cursor>(&bytes).ok())
                    .ok_or_else(|| ApiError::invalid("cursor", "not a cursor of this list"))
            })
            .transpose()?;
        Ok(PageRequest { after, limit })
    }

    /// `select` ordered by (`updated`, `id`), from after the cursor, one row
    /// more than the page (to know whether another page follows).
    pub fn apply<E: EntityTrait>(&self, select: Select<E>, updated: E::Column, id: E::Column) -> Select<E>
    where
        E::Column: ColumnTrait,
    {
        let mut select = select.order_by_asc(updated).order_by_asc(id);
        if let Some(c) = &self.after {
            select = select.filter(
                Condition::any().add(updated.gt(c.u)).add(Condition::all().add(updated.eq(c.u)).add(id.gt(c.id))),
            );
        }
        select.limit(self.limit + 1)
    }

    /// Cuts the rows `apply` fetched to the page, with the cursor of the
    /// next page if there is one; `key` is a row's (`updated_at`, `id`).
    pub fn split<T>(&self, mut rows: Vec<T>, key: impl Fn(&T) -> (DateTime<Utc>, i64)) -> (Vec<T>, Option<String>) {
        if rows.len() as u64 <= self.limit {
            return (rows, None);
        }
        rows.truncate(usize::try_from(self.limit).unwrap_or(usize::MAX));
        let next = rows.last().map(|row| {
            let (u, id) = key(row);
            // Serialising a timestamp and a number cannot fail.
            URL_SAFE_NO_PAD.encode(serde_json::to_vec(&Cursor { u, id }).unwrap_or_default())
        });
        (rows, next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_and_cursors_are_checked() {
        assert!(PageRequest::parse(None, None).is_ok());
        assert!(PageRequest::parse(Some(0), None).is_err());
        assert!(PageRequest::parse(Some(MAX_LIMIT + 1), None).is_err());
        for bad in ["not base64!", "e30", &URL_SAFE_NO_PAD.encode(r#"{"u":"yesterday","id":1}"#)] {
            let e = PageRequest::parse(None, Some(bad)).unwrap_err();
            assert!(matches!(e, ApiError::InvalidParameter { ref param, .. } if param == "cursor"), "{bad}: {e}");
        }
    }

    #[test]
    fn a_cursor_round_trips_its_timestamp_exactly() {
        let page = PageRequest::parse(Some(1), None).unwrap();
        let at = DateTime::parse_from_rfc3339("2026-12-03T10:00:00.123456789Z").unwrap().with_timezone(&Utc);
        let (rows, next) = page.split(vec![(at, 7), (at, 8)], |r| *r);
        assert_eq!(rows, [(at, 7)]);
        let again = PageRequest::parse(Some(1), next.as_deref()).unwrap();
        assert_eq!(again.after, Some(Cursor { u: at, id: 7 }));
        assert_eq!(page.split(vec![(at, 9)], |r| *r).1, None, "a last page has no cursor");
    }
}
