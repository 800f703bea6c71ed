//! A row's list item in every language, kept small and made into a
//! [`BenefitSummary`] when a page shows it.
//!
//! The items are made at build time by the same `summary()` the SQL path
//! uses, then packed: their texts become ids of the model's interned texts
//! ([`super::texts`]), codes and rule lists indexes of small pools, and what
//! does not depend on the language is kept once. Three full items took
//! about 2 KB a row; a packed one takes under 100 bytes. Packing is
//! lossless by construction: every field is destructured by name (a new
//! field does not compile until it is packed), and an item whose
//! language-independent fields differ between languages is kept whole.

use std::{collections::HashMap, sync::Arc};

use linan_shared::{
    BenefitSummary, CategoryCode, DistrictCode, EligibilityRule, GeoPoint, Gives, Lang, PartnerKind, PartnerSummary,
    Validity,
};

use super::texts::{Interner, Texts};

/// What an item holds besides its texts, the same in every language.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Common {
    id: i64,
    partner_id: i64,
    kind: PartnerKind,
    category: u16,
    district: u16,
    eligibility: u32,
    gives: Gives,
    validity: Validity,
    location: GeoPoint,
}

/// A row's items.
#[derive(Debug)]
pub(super) enum Shown {
    /// Packed: the common part, and per language (as [`Lang::ALL`]) the
    /// partner's name, the title and the summary as text ids.
    Packed(Box<Common>, [[u32; 3]; Lang::ALL.len()]),
    /// Whole, per language; `None` where the SQL path skips the benefit too
    /// (an unreadable stored value).
    Whole(Box<[Option<Arc<BenefitSummary>>]>),
}

/// Codes and rule lists, each kept once for the whole model.
#[derive(Debug, Default)]
pub(super) struct Pools {
    categories: Vec<CategoryCode>,
    districts: Vec<DistrictCode>,
    eligibility: Vec<Vec<EligibilityRule>>,
}

/// Builds [`Pools`] while items are packed.
#[derive(Default)]
pub(super) struct Packer {
    pools: Pools,
    /// The index of each rule list, by its `scheme:tier` codes.
    eligibility: HashMap<String, u32>,
}

impl Packer {
    /// Packs the items of one row, made in the languages of [`Lang::ALL`].
    pub(super) fn pack(&mut self, texts: &mut Interner, items: Vec<Option<BenefitSummary>>) -> Shown {
        let mut common: Option<Common> = None;
        let mut langs = [[0; 3]; Lang::ALL.len()];
        for (at, item) in items.iter().enumerate() {
            let Some(BenefitSummary {
                id,
                category,
                district,
                partner: PartnerSummary { id: partner_id, name, kind },
                title,
                summary,
                gives,
                eligibility,
                validity,
                location,
                distance_km: None,
            }) = item
            else {
                return Shown::whole(items);
            };
            let this = Common {
                id: *id,
                partner_id: *partner_id,
                kind: *kind,
                category: match index(&mut self.pools.categories, category) {
                    Some(at) => at,
                    None => return Shown::whole(items),
                },
                district: match index(&mut self.pools.districts, district) {
                    Some(at) => at,
                    None => return Shown::whole(items),
                },
                eligibility: self.eligibility(eligibility),
                gives: gives.clone(),
                validity: *validity,
                location: *location,
            };
            match &common {
                Some(c) if *c != this => return Shown::whole(items),
                Some(_) => {}
                None => common = Some(this),
            }
            let Some(slot) = langs.get_mut(at) else { return Shown::whole(items) };
            *slot = [texts.intern(name), texts.intern(title), texts.intern(summary)];
        }
        match common {
            Some(common) if items.len() == Lang::ALL.len() => Shown::Packed(Box::new(common), langs),
            _ => Shown::whole(items),
        }
    }

    fn eligibility(&mut self, rules: &[EligibilityRule]) -> u32 {
        // Codes hold neither `:` nor `;` (see `linan_shared`'s code types), so the key is unambiguous.
        let key: String = rules.iter().map(|r| format!("{}:{};", r.scheme, r.min_tier)).collect();
        let pool = &mut self.pools.eligibility;
        *self.eligibility.entry(key).or_insert_with(|| {
            pool.push(rules.to_vec());
            (pool.len() - 1) as u32
        })
    }

    /// The pools.
    pub(super) fn finish(self) -> Pools {
        self.pools
    }
}

/// The index of `value` in `pool`, added if new (codes are few: a linear
/// search); `None` past `u16` indexes.
fn index<T: PartialEq + Clone>(pool: &mut Vec<T>, value: &T) -> Option<u16> {
    if let Some(at) = pool.iter().position(|v| v == value) {
        return u16::try_from(at).ok();
    }
    let at = u16::try_from(pool.len()).ok()?;
    pool.push(value.clone());
    Some(at)
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

    /// The item in `lang`, with `distance_km`.
    pub(super) fn item(
        &self,
        texts: &Texts,
        pools: &Pools,
        lang: Lang,
        distance_km: Option<f64>,
    ) -> Option<BenefitSummary> {
        let at = Lang::ALL.iter().position(|l| *l == lang)?;
        match self {
            Shown::Packed(c, langs) => {
                let [name, title, summary] = *langs.get(at)?;
                Some(BenefitSummary {
                    id: c.id,
                    category: pools.categories.get(usize::from(c.category))?.clone(),
                    district: pools.districts.get(usize::from(c.district))?.clone(),
                    partner: PartnerSummary { id: c.partner_id, name: texts.get(name).to_owned(), kind: c.kind },
                    title: texts.get(title).to_owned(),
                    summary: texts.get(summary).to_owned(),
                    gives: c.gives.clone(),
                    eligibility: pools.eligibility.get(c.eligibility as usize)?.clone(),
                    validity: c.validity,
                    location: c.location,
                    distance_km,
                })
            }
            Shown::Whole(items) => {
                let mut item = BenefitSummary::clone(items.get(at)?.as_ref()?);
                item.distance_km = distance_km;
                Some(item)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use linan_shared::{Date, SchemeCode, TierCode};

    use super::*;

    fn item(lang: Lang) -> BenefitSummary {
        let date = Date::from_ymd(2026, 12, 4).unwrap();
        BenefitSummary {
            id: 7,
            category: CategoryCode::parse("scenic_discount").unwrap(),
            district: DistrictCode::parse("nanhai").unwrap(),
            partner: PartnerSummary { id: 3, name: format!("西樵山 {lang:?}"), kind: PartnerKind::ScenicSpot },
            title: format!("公园 {lang:?}"),
            summary: "免费".to_owned(),
            gives: Gives::FreeEntry,
            eligibility: vec![EligibilityRule {
                scheme: SchemeCode::parse("youyue_foshan").unwrap(),
                min_tier: TierCode::parse("B").unwrap(),
            }],
            validity: Validity { from: date, until: date },
            location: GeoPoint::new(22.9, 112.9).unwrap(),
            distance_km: None,
        }
    }

    fn pack(items: Vec<Option<BenefitSummary>>) -> (Shown, Texts, Pools) {
        let (mut packer, mut texts) = (Packer::default(), Interner::default());
        let shown = packer.pack(&mut texts, items);
        (shown, texts.finish(), packer.finish())
    }

    #[test]
    fn a_packed_item_unpacks_to_the_item_in_every_language() {
        let (shown, texts, pools) = pack(Lang::ALL.map(|l| Some(item(l))).into());
        assert!(matches!(shown, Shown::Packed(..)));
        for lang in Lang::ALL {
            let mut expected = item(lang);
            expected.distance_km = Some(1.5);
            assert_eq!(shown.item(&texts, &pools, lang, Some(1.5)), Some(expected));
        }
    }

    #[test]
    fn items_that_differ_beyond_their_texts_or_are_missing_are_kept_whole() {
        let mut items: Vec<Option<BenefitSummary>> = Lang::ALL.map(|l| Some(item(l))).into();
        if let Some(Some(en)) = items.last_mut() {
            en.gives = Gives::Gift;
        }
        let (shown, texts, pools) = pack(items.clone());
        assert!(matches!(shown, Shown::Whole(..)));
        assert_eq!(shown.item(&texts, &pools, Lang::En, None), items[2]);
        let (shown, texts, pools) = pack(vec![None, None, None]);
        assert!(matches!(shown, Shown::Whole(..)));
        assert_eq!(shown.item(&texts, &pools, Lang::ZhCn, None), None);
    }
}
