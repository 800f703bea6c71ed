//! The event form: [`EventDraft`] holds what was typed, [`EventField`] names
//! each input (and its path in [`EventInput`], for error placement). Times
//! are `datetime-local` values read as China Standard Time.

use linan_shared::{DistrictCode, EventInput, EventType, GeoPoint, Lang, VenueInput, china_local, from_china_local};

use super::{FormError, Texts, lang_index, localized, rules, texts_of};
use crate::i18n::Key;

/// The texts of an event, each in three languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventText {
    /// Title.
    Title,
    /// One-line summary.
    Summary,
    /// Description.
    Description,
    /// Agenda.
    Agenda,
    /// The venue's address.
    Address,
}

impl EventText {
    /// All of them, in form order.
    pub const ALL: [EventText; 5] =
        [EventText::Title, EventText::Summary, EventText::Description, EventText::Agenda, EventText::Address];

    /// The field's path in [`EventInput`].
    pub fn path(self) -> &'static str {
        match self {
            EventText::Title => "title",
            EventText::Summary => "summary",
            EventText::Description => "description",
            EventText::Agenda => "agenda",
            EventText::Address => "venue.address",
        }
    }

    /// The inputs' id stem.
    pub fn name(self) -> &'static str {
        match self {
            EventText::Address => "address",
            other => other.path(),
        }
    }

    /// The label of its group of inputs.
    pub fn label(self) -> Key {
        match self {
            EventText::Title => Key::FieldTitle,
            EventText::Summary => Key::FieldSummary,
            EventText::Description => Key::FieldDescription,
            EventText::Agenda => Key::EventFieldAgenda,
            EventText::Address => Key::EventFieldAddress,
        }
    }

    /// Its position in [`EventText::ALL`] (and in [`EventDraft::texts`]).
    pub fn index(self) -> usize {
        self as usize
    }

    /// Whether it is long enough for a multi-line input.
    pub fn multiline(self) -> bool {
        matches!(self, EventText::Description | EventText::Agenda)
    }
}

/// One input of the event form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventField {
    /// The organising district (alliance admins choose it).
    District,
    /// The type menu.
    Type,
    /// One language of one text.
    Text(EventText, Lang),
    /// The map point's latitude.
    Lat,
    /// The map point's longitude.
    Lon,
    /// The online link.
    OnlineUrl,
    /// Start.
    StartsAt,
    /// End.
    EndsAt,
    /// Registration opens.
    OpensAt,
    /// Registration closes.
    ClosesAt,
    /// Seats.
    Capacity,
    /// `on` when a full event takes a waitlist, else empty.
    Waitlist,
    /// The lowest tier of a card scheme that may register (empty: the scheme may not).
    Tier(String),
    /// Registrations per person per year for this type, or empty.
    PerPersonYearly,
}

impl EventField {
    /// The field's path in [`EventInput`], as the API names it in errors.
    pub fn path(&self) -> String {
        match self {
            EventField::District => "district".to_owned(),
            EventField::Type => "type".to_owned(),
            EventField::Text(text, lang) => format!("{}.{}", text.path(), lang.tag()),
            EventField::Lat => "venue.location.lat".to_owned(),
            EventField::Lon => "venue.location.lon".to_owned(),
            EventField::OnlineUrl => "venue.online_url".to_owned(),
            EventField::StartsAt => "starts_at".to_owned(),
            EventField::EndsAt => "ends_at".to_owned(),
            EventField::OpensAt => "registration_opens_at".to_owned(),
            EventField::ClosesAt => "registration_closes_at".to_owned(),
            EventField::Capacity => "capacity".to_owned(),
            EventField::Waitlist => "waitlist".to_owned(),
            EventField::Tier(_) => "eligibility".to_owned(),
            EventField::PerPersonYearly => "per_person_yearly".to_owned(),
        }
    }
}

/// The event form's values, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EventDraft {
    /// District code.
    pub district: String,
    /// Type code.
    pub event_type: String,
    /// Title, summary, description, agenda and address, in [`EventText::ALL`] order.
    pub texts: [Texts; 5],
    /// Latitude in degrees.
    pub lat: String,
    /// Longitude in degrees.
    pub lon: String,
    /// `https://…`, or empty.
    pub online_url: String,
    /// `datetime-local` values.
    pub starts_at: String,
    /// End.
    pub ends_at: String,
    /// Registration opens.
    pub opens_at: String,
    /// Registration closes.
    pub closes_at: String,
    /// Seats.
    pub capacity: String,
    /// `on` or empty.
    pub waitlist: String,
    /// Scheme code → lowest tier code that may register (empty: not open to it).
    pub tiers: Vec<(String, String)>,
    /// Registrations per person per year, or empty.
    pub per_person_yearly: String,
}

impl EventDraft {
    /// An empty form of `district` whose event starts on `day` (`YYYY-MM-DD`)
    /// at 14:00 for two hours, with registration open from `today` until
    /// the start.
    pub fn new(district: &str, today: &str, day: &str) -> Self {
        EventDraft {
            district: district.to_owned(),
            starts_at: format!("{day}T14:00"),
            ends_at: format!("{day}T16:00"),
            opens_at: format!("{today}T09:00"),
            closes_at: format!("{day}T12:00"),
            waitlist: "on".to_owned(),
            ..EventDraft::default()
        }
    }

    /// The form filled with an existing event.
    pub fn from_input(input: &EventInput) -> Self {
        let empty = linan_shared::LocalizedText::default();
        let address = input.venue.address.as_ref().unwrap_or(&empty);
        let point = input.venue.location;
        let cst_local = |time: &str| china_local(time).unwrap_or_default();
        EventDraft {
            district: input.district.to_string(),
            event_type: input.event_type.as_str().to_owned(),
            texts: [&input.title, &input.summary, &input.description, &input.agenda, address].map(texts_of),
            lat: point.map(|p| p.lat().to_string()).unwrap_or_default(),
            lon: point.map(|p| p.lon().to_string()).unwrap_or_default(),
            online_url: input.venue.online_url.clone().unwrap_or_default(),
            starts_at: cst_local(&input.starts_at),
            ends_at: cst_local(&input.ends_at),
            opens_at: cst_local(&input.registration_opens_at),
            closes_at: cst_local(&input.registration_closes_at),
            capacity: input.capacity.to_string(),
            waitlist: if input.waitlist { "on".to_owned() } else { String::new() },
            tiers: input.eligibility.iter().map(|r| (r.scheme.to_string(), r.min_tier.to_string())).collect(),
            per_person_yearly: input.per_person_yearly.map(|n| n.to_string()).unwrap_or_default(),
        }
    }

    fn slot(&mut self, field: &EventField) -> &mut String {
        match field {
            EventField::District => &mut self.district,
            EventField::Type => &mut self.event_type,
            EventField::Text(text, lang) => &mut self.texts[text.index()][lang_index(*lang)],
            EventField::Lat => &mut self.lat,
            EventField::Lon => &mut self.lon,
            EventField::OnlineUrl => &mut self.online_url,
            EventField::StartsAt => &mut self.starts_at,
            EventField::EndsAt => &mut self.ends_at,
            EventField::OpensAt => &mut self.opens_at,
            EventField::ClosesAt => &mut self.closes_at,
            EventField::Capacity => &mut self.capacity,
            EventField::Waitlist => &mut self.waitlist,
            EventField::PerPersonYearly => &mut self.per_person_yearly,
            EventField::Tier(scheme) => {
                let at = match self.tiers.iter().position(|(s, _)| s == scheme) {
                    Some(at) => at,
                    None => {
                        self.tiers.push((scheme.clone(), String::new()));
                        self.tiers.len() - 1
                    }
                };
                &mut self.tiers[at].1
            }
        }
    }

    /// The value of one input.
    pub fn get(&self, field: &EventField) -> &str {
        match field {
            EventField::Tier(scheme) => {
                self.tiers.iter().find(|(s, _)| s == scheme).map(|(_, t)| t.as_str()).unwrap_or_default()
            }
            other => self.read(other),
        }
    }

    fn read(&self, field: &EventField) -> &str {
        match field {
            EventField::District => &self.district,
            EventField::Type => &self.event_type,
            EventField::Text(text, lang) => &self.texts[text.index()][lang_index(*lang)],
            EventField::Lat => &self.lat,
            EventField::Lon => &self.lon,
            EventField::OnlineUrl => &self.online_url,
            EventField::StartsAt => &self.starts_at,
            EventField::EndsAt => &self.ends_at,
            EventField::OpensAt => &self.opens_at,
            EventField::ClosesAt => &self.closes_at,
            EventField::Capacity => &self.capacity,
            EventField::Waitlist => &self.waitlist,
            EventField::PerPersonYearly => &self.per_person_yearly,
            EventField::Tier(_) => "",
        }
    }

    /// Sets one input's value.
    pub fn set(&mut self, field: &EventField, value: String) {
        *self.slot(field) = value;
    }

    /// The event to send, or the first field that cannot be one.
    pub fn to_input(&self) -> Result<EventInput, FormError> {
        let district =
            DistrictCode::parse(&self.district).map_err(|_| FormError::local("district", Key::HintChoose))?;
        let event_type = EventType::parse(&self.event_type).ok_or_else(|| FormError::local("type", Key::HintChoose))?;
        let [title, summary, description, agenda, address] = self.texts.each_ref().map(localized);
        let has_address = !self.texts[EventText::Address.index()].iter().all(|t| t.trim().is_empty());
        let has_point = !(self.lat.trim().is_empty() && self.lon.trim().is_empty());
        let location = if has_address || has_point {
            let degrees =
                |text: &str, path| text.trim().parse::<f64>().map_err(|_| FormError::local(path, Key::HintLocation));
            let (lat, lon) = (degrees(&self.lat, "venue.location.lat")?, degrees(&self.lon, "venue.location.lon")?);
            Some(GeoPoint::new(lat, lon).map_err(|_| FormError::local("venue.location", Key::HintLocation))?)
        } else {
            None
        };
        let online_url = Some(self.online_url.trim().to_owned()).filter(|u| !u.is_empty());
        let venue = VenueInput { address: (has_address || has_point).then_some(address), location, online_url };
        let time = |text: &str, path| from_china_local(text).ok_or_else(|| FormError::local(path, Key::EventHintTime));
        let capacity = self
            .capacity
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| FormError::local("capacity", Key::EventHintCapacity))?;
        let per_person_yearly = match self.per_person_yearly.trim() {
            "" => None,
            n => Some(
                n.parse()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or_else(|| FormError::local("per_person_yearly", Key::HintCount))?,
            ),
        };
        let eligibility = rules(&self.tiers)?;
        let input = EventInput {
            district,
            event_type,
            title,
            summary,
            description,
            agenda,
            venue,
            starts_at: time(&self.starts_at, "starts_at")?,
            ends_at: time(&self.ends_at, "ends_at")?,
            registration_opens_at: time(&self.opens_at, "registration_opens_at")?,
            registration_closes_at: time(&self.closes_at, "registration_closes_at")?,
            capacity,
            waitlist: self.waitlist == "on",
            eligibility,
            per_person_yearly,
        };
        input.validate().map_err(|e| FormError::from_field(&e))?;
        Ok(input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> EventDraft {
        let mut draft = EventDraft::new("liwan", "2026-12-01", "2026-12-12");
        draft.set(&EventField::Type, "salon".into());
        for text in [EventText::Title, EventText::Summary, EventText::Description, EventText::Agenda] {
            draft.set(&EventField::Text(text, Lang::ZhCn), format!("<b>{}</b>", text.name()));
        }
        draft.set(&EventField::Text(EventText::Title, Lang::En), "Salon".into());
        draft.set(&EventField::Text(EventText::Address, Lang::ZhCn), "荔南人才之家".into());
        draft.set(&EventField::Lat, "23.1259".into());
        draft.set(&EventField::Lon, "113.2442".into());
        draft.set(&EventField::Capacity, "30".into());
        draft
    }

    #[test]
    fn a_filled_form_becomes_the_event_in_china_standard_time_and_round_trips() {
        let input = filled().to_input().unwrap();
        assert_eq!(input.title.zh_cn, "<b>title</b>", "texts verbatim");
        assert_eq!(input.title.en.as_deref(), Some("Salon"));
        assert_eq!(input.starts_at, "2026-12-12T14:00:00+08:00");
        assert_eq!(input.registration_closes_at, "2026-12-12T12:00:00+08:00");
        assert_eq!(input.event_type, EventType::Salon);
        assert!(input.waitlist && input.eligibility.is_empty(), "no rule: open to every valid card");
        assert_eq!(input.venue.location.map(|p| p.lat()), Some(23.1259));
        assert_eq!(EventDraft::from_input(&input).to_input().unwrap(), input);
    }

    #[test]
    fn an_online_event_needs_no_address_and_rules_are_read_per_scheme() {
        let mut draft = filled();
        for lang in Lang::ALL {
            draft.set(&EventField::Text(EventText::Address, lang), String::new());
        }
        draft.set(&EventField::Lat, " ".into());
        draft.set(&EventField::Lon, String::new());
        draft.set(&EventField::OnlineUrl, " https://meet.example.cn/x ".into());
        draft.set(&EventField::Tier("liwan_talent".into()), "B".into());
        draft.set(&EventField::Waitlist, String::new());
        let input = draft.to_input().unwrap();
        assert_eq!(input.venue.address, None);
        assert_eq!(input.venue.online_url.as_deref(), Some("https://meet.example.cn/x"));
        assert_eq!(input.eligibility.len(), 1);
        assert!(!input.waitlist);
        assert_eq!(draft.get(&EventField::Tier("liwan_talent".into())), "B");
    }

    #[test]
    fn each_problem_names_the_field_it_belongs_to() {
        let fails = |field: EventField, value: &str, path: &str| {
            let mut draft = filled();
            draft.set(&field, value.into());
            let error = draft.to_input().unwrap_err();
            assert!(error.is_for(path), "{field:?}={value}: {error:?}");
        };
        fails(EventField::Type, "party", "type");
        fails(EventField::StartsAt, "2026-12-12", "starts_at");
        fails(EventField::Capacity, "0", "capacity");
        fails(EventField::PerPersonYearly, "-1", "per_person_yearly");
        fails(EventField::Lat, "north", "venue.location.lat");
        fails(EventField::Lon, "200", "venue.location");
        fails(EventField::OnlineUrl, "http://insecure.example", "venue.online_url");
        fails(EventField::Text(EventText::Title, Lang::ZhCn), " ", "title.zh-CN");
        let mut nowhere = filled();
        for field in [EventField::Text(EventText::Address, Lang::ZhCn), EventField::Lat, EventField::Lon] {
            nowhere.set(&field, String::new());
        }
        assert!(nowhere.to_input().unwrap_err().is_for("venue.address"));
    }

    #[test]
    fn every_field_reads_back_what_was_set() {
        let mut draft = EventDraft::default();
        let fields = [
            EventField::District,
            EventField::Type,
            EventField::Text(EventText::Agenda, Lang::ZhHk),
            EventField::Lat,
            EventField::Lon,
            EventField::OnlineUrl,
            EventField::StartsAt,
            EventField::EndsAt,
            EventField::OpensAt,
            EventField::ClosesAt,
            EventField::Capacity,
            EventField::Waitlist,
            EventField::Tier("youyue_foshan".into()),
            EventField::PerPersonYearly,
        ];
        for (i, field) in fields.iter().enumerate() {
            draft.set(field, format!("v{i}"));
            assert_eq!(draft.get(field), format!("v{i}"), "{field:?}");
        }
    }
}
