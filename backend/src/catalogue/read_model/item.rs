//! A row's list item, kept as serde_json's own output cut around its
//! texts, so a page writes each item by copying bytes.
//!
//! The items are made at build time by the same `summary()` the SQL path
//! uses. Each is serialised once by serde_json with its three texts
//! (partner name, title, summary) replaced by marks that start with a NUL,
//! which JSON writes as `\u0000` and nothing else in an item's JSON holds
//! (codes, numbers, dates); the output is cut at the marks into four
//! pieces, kept in one buffer for the whole model ([`Packer`]). The pieces
//! are the same in every language when the item is the same apart from its
//! texts, so they are kept once, with each language's texts as ids of the
//! model's interned texts ([`super::texts`]). Showing the item writes piece,
//! text, piece, text, piece, text, piece: byte for byte what serde_json
//! writes for the whole item, since a string's JSON depends on the string
//! alone. Besides the three texts and `distance_km`, nothing here names
//! the item's fields, so a new field is kept without a change here.
//!
//! Serialising the 20 items of a page was half of an uncached page's
//! instructions, a quarter of them escaping the mostly Chinese texts byte
//! by byte (docs/benchmarks.md); the texts' escaping is now known once
//! ([`Texts::write_json`]).
//!
//! An item that is missing in a language (the SQL path skips it too), whose
//! other fields differ between languages, or whose marks are not found once
//! each in order, is kept whole and serialised when shown.

use std::{fmt, sync::Arc};

use linan_shared::{BenefitSummary, Lang, PartnerSummary};
use memchr::memmem;

use super::texts::{Interner, Texts};

/// What stands for the partner's name, the title and the summary while an item is cut.
const MARKS: [&str; 3] = ["\0name", "\0title", "\0summary"];

/// [`MARKS`] as serde_json writes them.
const MARKS_JSON: [&[u8]; 3] = [b"\"\\u0000name\"", b"\"\\u0000title\"", b"\"\\u0000summary\""];

/// What serde_json writes before `distance_km`'s value: the item's last
/// field, skipped when `None`, so the pieces end with the item's `}`.
const DISTANCE_KEY: &[u8] = b",\"distance_km\":";

/// A row's items.
#[derive(Debug)]
pub(super) enum Shown {
    /// Cut: the item's pieces are `Packer`'s bytes from `at`, the first
    /// three ending `ends[i]` bytes in and the last `ends[3]`; per language
    /// (as [`Lang::ALL`]) the partner's name, the title and the summary as
    /// text ids.
    Cut { at: u32, ends: [u16; 4], texts: [[u32; 3]; Lang::ALL.len()] },
    /// Whole, per language; `None` where the SQL path skips the benefit too
    /// (an unreadable stored value).
    Whole(Box<[Option<Arc<BenefitSummary>>]>),
}

/// Every cut item's pieces, one after the other.
#[derive(Default)]
pub(super) struct Pieces(Box<[u8]>);

/// Their size: printing megabytes of JSON helps no one.
impl fmt::Debug for Pieces {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pieces").field("bytes", &self.0.len()).finish()
    }
}

/// Cuts items, keeping every item's pieces in one buffer.
#[derive(Default)]
pub(super) struct Packer {
    pieces: Vec<u8>,
}

impl Packer {
    /// Packs the items of one row, made in the languages of [`Lang::ALL`].
    pub(super) fn pack(&mut self, texts: &mut Interner, items: Vec<Option<BenefitSummary>>) -> Shown {
        let Some(Some(first)) = items.first() else { return Shown::whole(items) };
        let common = marked(first);
        let mut ids = [[0; 3]; Lang::ALL.len()];
        if items.len() != ids.len() {
            return Shown::whole(items);
        }
        for (slot, item) in ids.iter_mut().zip(&items) {
            match item {
                Some(item) if marked(item) == common => {
                    *slot = [texts.intern(&item.partner.name), texts.intern(&item.title), texts.intern(&item.summary)];
                }
                _ => return Shown::whole(items),
            }
        }
        match self.cut(&common) {
            Some((at, ends)) => Shown::Cut { at, ends, texts: ids },
            None => Shown::whole(items),
        }
    }

    /// Appends the pieces of `marked`'s JSON; where they start and end.
    fn cut(&mut self, marked: &BenefitSummary) -> Option<(u32, [u16; 4])> {
        let json = serde_json::to_vec(marked).ok()?;
        if memmem::find_iter(&json, b"\\u0000").count() != MARKS.len() || json.last() != Some(&b'}') {
            return None;
        }
        let at = u32::try_from(self.pieces.len()).ok()?;
        let mut ends = [0; 4];
        let (mut rest, mut kept) = (&json[..], 0);
        for (end, mark) in ends.iter_mut().zip(MARKS_JSON) {
            let found = memmem::find(rest, mark)?;
            kept += found;
            *end = u16::try_from(kept).ok()?;
            self.pieces.extend_from_slice(&rest[..found]);
            rest = &rest[found + mark.len()..];
        }
        ends[3] = u16::try_from(kept + rest.len()).ok()?;
        self.pieces.extend_from_slice(rest);
        Some((at, ends))
    }

    /// The pieces of every cut item.
    pub(super) fn finish(self) -> Pieces {
        Pieces(self.pieces.into_boxed_slice())
    }
}

/// `item` with [`MARKS`] for its texts and no distance.
fn marked(item: &BenefitSummary) -> BenefitSummary {
    let [name, title, summary] = MARKS.map(str::to_owned);
    BenefitSummary {
        partner: PartnerSummary { name, ..item.partner.clone() },
        title,
        summary,
        distance_km: None,
        ..item.clone()
    }
}

impl Shown {
    /// Kept whole; a language whose item equals the previous one shares it.
    fn whole(items: Vec<Option<BenefitSummary>>) -> Shown {
        let mut shared: Vec<Option<Arc<BenefitSummary>>> = Vec::with_capacity(items.len());
        for item in items {
            let item = match (item, shared.last()) {
                (Some(item), Some(Some(previous))) if **previous == item => Some(previous.clone()),
                (item, _) => item.map(Arc::new),
            };
            shared.push(item);
        }
        Shown::Whole(shared.into_boxed_slice())
    }

    /// Writes the item in `lang`, with `distance_km`, to `out` as
    /// serde_json writes a [`BenefitSummary`]; `false`, writing nothing, if
    /// there is none in `lang`. `pieces` are the model's ([`Packer::finish`]).
    pub(super) fn write(
        &self,
        texts: &Texts,
        Pieces(pieces): &Pieces,
        lang: Lang,
        distance_km: Option<f64>,
        out: &mut Vec<u8>,
    ) -> bool {
        let Some(at) = Lang::ALL.iter().position(|l| *l == lang) else { return false };
        match self {
            Shown::Cut { at: start, ends, texts: ids } => {
                let (Some(ids), Some(item)) =
                    (ids.get(at), pieces.get(*start as usize..*start as usize + usize::from(ends[3])))
                else {
                    return false;
                };
                let mut from = 0;
                for (id, end) in ids.iter().zip(ends) {
                    let end = usize::from(*end);
                    out.extend_from_slice(&item[from..end]);
                    texts.write_json(*id, out);
                    from = end;
                }
                let last = &item[from..];
                match distance_km {
                    None => out.extend_from_slice(last),
                    Some(km) => {
                        // `last` ends with the item's `}` (checked when cut).
                        out.extend_from_slice(&last[..last.len() - 1]);
                        out.extend_from_slice(DISTANCE_KEY);
                        // Writing to a Vec cannot fail.
                        let _ = serde_json::to_writer(&mut *out, &km);
                        out.push(b'}');
                    }
                }
                true
            }
            Shown::Whole(items) => {
                let Some(Some(item)) = items.get(at) else { return false };
                let item = BenefitSummary { distance_km, ..BenefitSummary::clone(item) };
                let mark = out.len();
                let written = serde_json::to_writer(&mut *out, &item).is_ok();
                if !written {
                    out.truncate(mark);
                }
                written
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use linan_shared::{
        CategoryCode, Date, DistrictCode, EligibilityRule, GeoPoint, Gives, PartnerKind, SchemeCode, TierCode, Validity,
    };

    use super::*;

    fn item(lang: Lang) -> BenefitSummary {
        let date = Date::from_ymd(2026, 12, 4).unwrap();
        BenefitSummary {
            id: 7,
            category: CategoryCode::parse("scenic_discount").unwrap(),
            district: DistrictCode::parse("nanhai").unwrap(),
            partner: PartnerSummary {
                id: 3,
                name: format!("西樵山 \"{lang:?}\" \\ \u{1}\t\u{7f}\u{2028}"),
                kind: PartnerKind::ScenicSpot,
            },
            title: format!("公园 {lang:?}"),
            summary: "免费\n入园".to_owned(),
            gives: Gives::PercentOff { percent: 20 },
            eligibility: vec![EligibilityRule {
                scheme: SchemeCode::parse("youyue_foshan").unwrap(),
                min_tier: TierCode::parse("B").unwrap(),
            }],
            validity: Validity { from: date, until: date },
            location: GeoPoint::new(22.9, 112.9).unwrap(),
            distance_km: None,
        }
    }

    fn pack(items: Vec<Option<BenefitSummary>>) -> (Shown, Texts, Pieces) {
        let (mut packer, mut texts) = (Packer::default(), Interner::default());
        // Another row first, so this one's pieces do not start the buffer.
        packer.pack(&mut texts, Lang::ALL.map(|l| Some(BenefitSummary { id: 1, ..item(l) })).into());
        let shown = packer.pack(&mut texts, items);
        (shown, texts.finish(), packer.finish())
    }

    fn written(shown: &Shown, texts: &Texts, pieces: &Pieces, lang: Lang, km: Option<f64>) -> Option<String> {
        let mut out = b"[".to_vec();
        shown.write(texts, pieces, lang, km, &mut out).then(|| String::from_utf8(out[1..].to_vec()).unwrap())
    }

    #[test]
    fn a_cut_item_writes_what_serde_json_writes_in_every_language() {
        let (shown, texts, pieces) = pack(Lang::ALL.map(|l| Some(item(l))).into());
        assert!(matches!(shown, Shown::Cut { .. }), "{shown:?}");
        for lang in Lang::ALL {
            for km in [None, Some(1.5), Some(0.0), Some(12345.678)] {
                let expected = BenefitSummary { distance_km: km, ..item(lang) };
                let expected = serde_json::to_string(&expected).unwrap();
                assert_eq!(written(&shown, &texts, &pieces, lang, km).as_deref(), Some(&*expected));
            }
        }
    }

    #[test]
    fn items_that_differ_beyond_their_texts_or_are_missing_are_kept_whole() {
        let mut items: Vec<Option<BenefitSummary>> = Lang::ALL.map(|l| Some(item(l))).into();
        if let Some(Some(en)) = items.last_mut() {
            en.gives = Gives::Gift;
        }
        let (shown, texts, pieces) = pack(items.clone());
        assert!(matches!(shown, Shown::Whole(..)));
        for (lang, item) in Lang::ALL.into_iter().zip(&items) {
            let item = BenefitSummary { distance_km: Some(2.0), ..item.clone().unwrap() };
            let expected = serde_json::to_string(&item).unwrap();
            assert_eq!(written(&shown, &texts, &pieces, lang, Some(2.0)).as_deref(), Some(&*expected));
        }
        let (shown, texts, pieces) = pack(vec![Some(item(Lang::ZhCn)), None, None]);
        assert!(matches!(shown, Shown::Whole(..)));
        assert_eq!(written(&shown, &texts, &pieces, Lang::En, None), None);
    }

    #[test]
    fn a_text_that_looks_like_a_mark_is_only_a_text() {
        let items: Vec<Option<BenefitSummary>> =
            Lang::ALL.map(|l| Some(BenefitSummary { title: MARKS[2].to_owned(), ..item(l) })).into();
        let (shown, texts, pieces) = pack(items);
        let expected = serde_json::to_string(&BenefitSummary { title: MARKS[2].to_owned(), ..item(Lang::En) }).unwrap();
        assert_eq!(written(&shown, &texts, &pieces, Lang::En, None).as_deref(), Some(&*expected));
    }
}
