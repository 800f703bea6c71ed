//! How a card is proven: at sign-in by its number and the holder's second
//! factor ([`CardLogin`]), at the counter by the holder's counter code or,
//! as a fallback, the same number and factor ([`CardProof`]). The factor is
//! the last 4 characters of the ID number and the birth date inside it —
//! never the holder's name, which is printed on the card and seen at every
//! counter. One parser here serves the server, the widget and the portal.

use crate::{CardNumber, Date, FieldError};

fn field(name: &str, message: impl Into<String>) -> FieldError {
    FieldError { field: name.into(), message: message.into() }
}

/// [`CardNumber::parse`] as a request field named `card_number`.
///
/// ```
/// let n = linan_shared::check_card_number(" lw 2026 000014 ").unwrap();
/// assert_eq!(n.as_str(), "LW2026000014");
/// assert_eq!(linan_shared::check_card_number("").unwrap_err().field, "card_number");
/// ```
pub fn check_card_number(raw: &str) -> Result<CardNumber, FieldError> {
    CardNumber::parse(raw).map_err(|e| field("card_number", e.to_string()))
}

/// The cardholder's second factor: the last 4 characters of the holder's ID
/// number and the birth date written inside it. Both come from the ID
/// number, which no counter sees (the name, printed on the card and shown
/// at every counter, is never a factor); the server keeps only keyed hashes
/// of each, bound to the card number.
///
/// ```
/// use linan_shared::CardFactor;
/// let factor = CardFactor::parse(" 005x ", "19950315").unwrap();
/// assert_eq!((factor.id_last4(), factor.birth_date().to_string().as_str()), ("005X", "1995-03-15"));
/// assert_eq!(CardFactor::parse("陈小荔", "1995-03-15").unwrap_err().field, "id_last4");
/// assert_eq!(CardFactor::parse("0014", "1995-02-30").unwrap_err().field, "birth_date");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct CardFactor {
    id_last4: [u8; 4],
    birth_date: Date,
}

impl std::fmt::Debug for CardFactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CardFactor([redacted])")
    }
}

impl CardFactor {
    /// Parses the two halves as typed: blanks around them are ignored, a
    /// lower-case `x` accepted, and the date written `YYYY-MM-DD` or `YYYYMMDD`.
    pub fn parse(id_last4: &str, birth_date: &str) -> Result<Self, FieldError> {
        let last4 = id_last4.trim().to_ascii_uppercase();
        if last4.is_empty() {
            return Err(field(
                "id_last4",
                "the last 4 characters of the holder's ID number are required (the name is not a sign-in factor)",
            ));
        }
        let b = last4.as_bytes();
        let shaped = b.len() == 4 && b[..3].iter().all(u8::is_ascii_digit) && (b[3].is_ascii_digit() || b[3] == b'X');
        let id_last4 = match <[u8; 4]>::try_from(b) {
            Ok(bytes) if shaped => bytes,
            _ => return Err(field("id_last4", "the ID number's last 4 characters: three digits, then a digit or X")),
        };
        let date = birth_date.trim();
        if date.is_empty() {
            return Err(field("birth_date", "the holder's birth date is required, written YYYY-MM-DD"));
        }
        let dashed = match date.as_bytes() {
            d if d.len() == 8 && d.iter().all(u8::is_ascii_digit) => {
                format!("{}-{}-{}", &date[..4], &date[4..6], &date[6..])
            }
            _ => date.to_owned(),
        };
        let birth_date =
            Date::parse(&dashed).map_err(|_| field("birth_date", "the holder's birth date, written YYYY-MM-DD"))?;
        Ok(CardFactor { id_last4, birth_date })
    }

    /// The ID number's last 4 characters (upper-case `X`).
    pub fn id_last4(&self) -> &str {
        // Four ASCII bytes, checked in `parse`.
        std::str::from_utf8(&self.id_last4).unwrap_or_default()
    }

    /// The birth date.
    pub fn birth_date(&self) -> Date {
        self.birth_date
    }
}

/// `POST /api/v1/cardholder/session`: the card number and the holder's
/// second factor (see [`CardFactor`]). Every field is checked with a 422
/// that names it; the holder's name is no field.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardLogin {
    /// The card number (blanks and case do not matter).
    #[serde(default)]
    pub card_number: String,
    /// The last 4 characters of the holder's ID number, e.g. `002X`.
    #[serde(default)]
    pub id_last4: String,
    /// The holder's birth date, `YYYY-MM-DD` (or `YYYYMMDD`).
    #[serde(default)]
    pub birth_date: String,
}

impl CardLogin {
    /// The card number and the factor, or the first bad field.
    pub fn parse(&self) -> Result<(CardNumber, CardFactor), FieldError> {
        let number = check_card_number(&self.card_number)?;
        Ok((number, CardFactor::parse(&self.id_last4, &self.birth_date)?))
    }
}

/// How the counter names the card: the holder's counter code (numeric or
/// QR payload) — the proof to prefer, since no factor crosses the counter —
/// or, as a fallback, the card number with the holder's second factor
/// (throttled and audited; see [`CardFactor`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardProof {
    /// A counter code or QR payload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Or the card number…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_number: Option<String>,
    /// …with the last 4 characters of the holder's ID number…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_last4: Option<String>,
    /// …and the holder's birth date (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<String>,
}

/// A [`CardProof`] once checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// A counter code or QR payload, as typed or scanned.
    Code(String),
    /// A card number with its factor.
    Card(CardNumber, CardFactor),
}

impl CardProof {
    /// A proof by counter code.
    pub fn code(code: impl Into<String>) -> Self {
        CardProof { code: Some(code.into()), ..CardProof::default() }
    }

    /// A proof by card number and factor.
    pub fn card(number: impl Into<String>, id_last4: impl Into<String>, birth_date: impl Into<String>) -> Self {
        CardProof {
            code: None,
            card_number: Some(number.into()),
            id_last4: Some(id_last4.into()),
            birth_date: Some(birth_date.into()),
        }
    }

    /// What was shown, or the first bad field (a code wins over a card number).
    ///
    /// ```
    /// use linan_shared::{CardProof, Shown};
    /// assert!(matches!(CardProof::code(" 1234 5678 ").parse(), Ok(Shown::Code(_))));
    /// assert!(matches!(CardProof::card("LW2026000014", "0014", "1990-01-01").parse(), Ok(Shown::Card(..))));
    /// let named = CardProof { card_number: Some("LW2026000014".into()), ..CardProof::default() };
    /// assert_eq!(named.parse().unwrap_err().field, "id_last4");
    /// assert_eq!(CardProof::default().parse().unwrap_err().field, "code");
    /// ```
    pub fn parse(&self) -> Result<Shown, FieldError> {
        match (&self.code, &self.card_number) {
            (Some(code), _) if !code.trim().is_empty() => Ok(Shown::Code(code.trim().to_owned())),
            (_, Some(number)) if !number.trim().is_empty() => {
                let number = check_card_number(number)?;
                let factor = CardFactor::parse(
                    self.id_last4.as_deref().unwrap_or_default(),
                    self.birth_date.as_deref().unwrap_or_default(),
                )?;
                Ok(Shown::Card(number, factor))
            }
            _ => Err(field("code", "give the holder's counter code, or the card number with its second factor")),
        }
    }
}
