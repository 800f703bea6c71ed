//! The partner form (at sign-up and on the partner page): [`PartnerDraft`]
//! holds what was typed, [`PartnerField`] names each input by its path in
//! [`PartnerInput`].

use linan_shared::{DistrictCode, GeoPoint, Lang, PartnerInput, PartnerKind, decimal};

use super::{FormError, Texts, lang_index, localized, texts_of};
use crate::i18n::Key;

/// One input of the partner form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartnerField {
    /// One language of the name.
    Name(Lang),
    /// Hospital, scenic spot or merchant.
    Kind,
    /// The district (fixed after sign-up).
    District,
    /// One language of the address.
    Address(Lang),
    /// Latitude.
    Lat,
    /// Longitude.
    Lon,
    /// Public phone.
    Phone,
}

impl PartnerField {
    /// The field's path in [`PartnerInput`], as the API names it in errors.
    pub fn path(self) -> String {
        match self {
            PartnerField::Name(lang) => format!("name.{}", lang.tag()),
            PartnerField::Kind => "kind".to_owned(),
            PartnerField::District => "district".to_owned(),
            PartnerField::Address(lang) => format!("address.{}", lang.tag()),
            PartnerField::Lat => "location.lat".to_owned(),
            PartnerField::Lon => "location.lon".to_owned(),
            PartnerField::Phone => "phone".to_owned(),
        }
    }
}

/// The partner form's values, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PartnerDraft {
    /// Name in three languages.
    pub name: Texts,
    /// Kind code.
    pub kind: String,
    /// District code.
    pub district: String,
    /// Address in three languages.
    pub address: Texts,
    /// Latitude, decimal degrees.
    pub lat: String,
    /// Longitude, decimal degrees.
    pub lon: String,
    /// Phone, or empty.
    pub phone: String,
}

impl PartnerDraft {
    /// An empty form for a merchant (the usual kind of a new partner).
    pub fn new() -> Self {
        PartnerDraft { kind: PartnerKind::Merchant.as_str().to_owned(), ..PartnerDraft::default() }
    }

    /// The form filled with a registered partner.
    pub fn from_input(input: &PartnerInput) -> Self {
        PartnerDraft {
            name: texts_of(&input.name),
            kind: input.kind.as_str().to_owned(),
            district: input.district.to_string(),
            address: texts_of(&input.address),
            lat: decimal(input.location.lat()),
            lon: decimal(input.location.lon()),
            phone: input.phone.clone().unwrap_or_default(),
        }
    }

    /// The value of one input.
    pub fn get(&self, field: PartnerField) -> &str {
        match field {
            PartnerField::Name(lang) => &self.name[lang_index(lang)],
            PartnerField::Kind => &self.kind,
            PartnerField::District => &self.district,
            PartnerField::Address(lang) => &self.address[lang_index(lang)],
            PartnerField::Lat => &self.lat,
            PartnerField::Lon => &self.lon,
            PartnerField::Phone => &self.phone,
        }
    }

    /// Sets one input's value.
    pub fn set(&mut self, field: PartnerField, value: String) {
        let slot = match field {
            PartnerField::Name(lang) => &mut self.name[lang_index(lang)],
            PartnerField::Kind => &mut self.kind,
            PartnerField::District => &mut self.district,
            PartnerField::Address(lang) => &mut self.address[lang_index(lang)],
            PartnerField::Lat => &mut self.lat,
            PartnerField::Lon => &mut self.lon,
            PartnerField::Phone => &mut self.phone,
        };
        *slot = value;
    }

    /// The partner to send, or the first field that cannot be one.
    pub fn to_input(&self) -> Result<PartnerInput, FormError> {
        let kind = PartnerKind::from_code(&self.kind).ok_or_else(|| FormError::local("kind", Key::HintChoose))?;
        let district =
            DistrictCode::parse(&self.district).map_err(|_| FormError::local("district", Key::HintChoose))?;
        let degrees =
            |text: &str, path| text.trim().parse::<f64>().map_err(|_| FormError::local(path, Key::HintLocation));
        let (lat, lon) = (degrees(&self.lat, "location.lat")?, degrees(&self.lon, "location.lon")?);
        let location = GeoPoint::new(lat, lon).map_err(|_| FormError::local("location", Key::HintLocation))?;
        let phone = Some(self.phone.trim().to_owned()).filter(|p| !p.is_empty());
        let input = PartnerInput {
            name: localized(&self.name),
            kind,
            district,
            address: localized(&self.address),
            location,
            phone,
        };
        input.validate().map_err(|e| FormError::from_field(&e))?;
        Ok(input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> PartnerDraft {
        let mut draft = PartnerDraft::new();
        draft.set(PartnerField::Name(Lang::ZhCn), "<img src=x onerror=alert(1)>茶楼".into());
        draft.set(PartnerField::District, "liwan".into());
        draft.set(PartnerField::Address(Lang::ZhCn), "荔湾区恩宁路".into());
        draft.set(PartnerField::Lat, "23.1256".into());
        draft.set(PartnerField::Lon, " 113.2443 ".into());
        draft
    }

    #[test]
    fn a_filled_form_becomes_the_partner_and_round_trips() {
        let input = filled().to_input().unwrap();
        assert_eq!(input.name.zh_cn, "<img src=x onerror=alert(1)>茶楼");
        assert_eq!(input.kind, PartnerKind::Merchant);
        assert_eq!(input.phone, None);
        assert_eq!(PartnerDraft::from_input(&input).to_input().unwrap(), input);
    }

    #[test]
    fn each_problem_names_the_field_it_belongs_to() {
        let mut draft = filled();
        draft.set(PartnerField::Lat, "north".into());
        assert!(draft.to_input().unwrap_err().is_for("location.lat"));
        draft.set(PartnerField::Lat, "95".into());
        assert!(draft.to_input().unwrap_err().is_for("location.lon"), "out of range marks the whole location");
        let mut draft = filled();
        draft.set(PartnerField::District, String::new());
        assert!(draft.to_input().unwrap_err().is_for("district"));
        let mut draft = filled();
        draft.set(PartnerField::Name(Lang::ZhCn), String::new());
        assert!(draft.to_input().unwrap_err().is_for("name.zh-CN"));
        for field in [PartnerField::Phone, PartnerField::Address(Lang::En), PartnerField::Kind] {
            draft.set(field, "x".into());
            assert_eq!(draft.get(field), "x");
        }
    }
}
