//! A list page's JSON written around items already in JSON: the bytes
//! serde_json writes for a [`BenefitPage`], with each item written by the
//! read model ([`super::read_model`]) instead of serialised.
//!
//! The envelope is serde_json's own: the page is serialised with no items
//! and cut where they go, so only the separator between items is written
//! here.

use linan_shared::BenefitPage;

use crate::error::ApiError;

/// A page being written.
pub(crate) struct PageJson {
    out: Vec<u8>,
    /// serde_json's page with no items; what follows them
    /// (`],"next_cursor":…}`) starts at `rest`.
    envelope: Vec<u8>,
    rest: usize,
    items: usize,
}

impl PageJson {
    /// A page with `next_cursor`, about `items` items long.
    pub(crate) fn new(next_cursor: Option<String>, items: usize) -> Result<PageJson, ApiError> {
        let envelope = serde_json::to_vec(&BenefitPage { items: Vec::new(), next_cursor })
            .map_err(|e| ApiError::Internal(e.to_string()))?;
        // The first `[]` is the empty items: nothing before them holds one
        // (a cursor is base64url).
        let at = memchr::memmem::find(&envelope, b"[]")
            .ok_or_else(|| ApiError::Internal("a page's JSON has no items array".to_owned()))?;
        // A list item is about 400 bytes of JSON.
        let mut out = Vec::with_capacity(envelope.len() + items * 512);
        out.extend_from_slice(&envelope[..=at]);
        Ok(PageJson { out, envelope, rest: at + 1, items: 0 })
    }

    /// Adds the item `write` writes to the buffer it is given; when it
    /// returns `false` there is no item, and what it wrote is dropped.
    pub(crate) fn item(&mut self, write: impl FnOnce(&mut Vec<u8>) -> bool) {
        let before = self.out.len();
        if self.items > 0 {
            self.out.push(b',');
        }
        if write(&mut self.out) {
            self.items += 1;
        } else {
            self.out.truncate(before);
        }
    }

    /// The page's JSON.
    pub(crate) fn finish(mut self) -> Vec<u8> {
        self.out.extend_from_slice(&self.envelope[self.rest..]);
        self.out
    }
}

#[cfg(test)]
mod tests {
    use linan_shared::{
        BenefitSummary, CategoryCode, Date, DistrictCode, GeoPoint, Gives, PartnerKind, PartnerSummary, Validity,
    };

    use super::*;

    fn item(id: i64) -> BenefitSummary {
        let date = Date::from_ymd(2026, 12, 4).unwrap();
        BenefitSummary {
            id,
            category: CategoryCode::parse("medical").unwrap(),
            district: DistrictCode::parse("liwan").unwrap(),
            partner: PartnerSummary { id: 1, name: "荔湾医院".to_owned(), kind: PartnerKind::Hospital },
            title: "绿色通道".to_owned(),
            summary: String::new(),
            gives: Gives::PriorityService,
            eligibility: Vec::new(),
            validity: Validity { from: date, until: date },
            location: GeoPoint::new(23.12, 113.24).unwrap(),
            distance_km: Some(0.5),
        }
    }

    #[test]
    fn a_page_is_what_serde_json_writes_for_it() {
        for cursor in [None, Some("eyJwIjoxfQ".to_owned())] {
            for count in [0, 1, 3] {
                let items: Vec<BenefitSummary> = (1..=count).map(item).collect();
                let mut page = PageJson::new(cursor.clone(), items.len()).unwrap();
                // An item that is not written leaves no trace.
                page.item(|_| false);
                for it in &items {
                    page.item(|out| serde_json::to_writer(out, it).is_ok());
                    page.item(|out| {
                        out.extend_from_slice(b"half");
                        false
                    });
                }
                let expected = serde_json::to_vec(&BenefitPage { items, next_cursor: cursor.clone() }).unwrap();
                assert_eq!(String::from_utf8(page.finish()).unwrap(), String::from_utf8(expected).unwrap());
            }
        }
    }
}
