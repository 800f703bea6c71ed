//! The keyed identity hashes: who a card belongs to, without the ID number.
//!
//! A person is stored as the hex HMAC-SHA256 of their normalised ID number
//! under the server secret `LINAN_ID_SECRET`; without the secret the hash
//! cannot be recomputed from a guessed number (the ID space is small enough
//! that a plain hash could be). The cardholder's second factor — the last
//! four ID characters and the birth date inside the ID — is hashed under the
//! same key, each half on its own, bound to one card number and
//! domain-separated from the person hash.

use std::sync::Once;

use hmac::{Hmac, Mac};
use sha2::Sha256;

use linan_shared::CardFactor;

use super::NationalId;
use crate::config::{Config, ConfigError};

/// The key outside production when none is configured. Public on purpose:
/// hashes made with it protect nothing, which is fine for demo data only.
pub const DEMO_ID_SECRET: &str = "linan-demo-id-secret/NOT-FOR-PRODUCTION/2026";

/// Shortest accepted `LINAN_ID_SECRET`.
pub const MIN_SECRET_CHARS: usize = 32;

/// Domain tags: the same key never hashes two kinds of input alike.
const PERSON: &[u8] = b"linan/person/v1\0";
const LAST4: &[u8] = b"linan/id-last4/v1\0";
const BIRTH_DATE: &[u8] = b"linan/birth-date/v1\0";
const COUNTER_CODE: &[u8] = b"linan/counter-code/v1\0";
const FINGERPRINT: &[u8] = b"linan/key-fingerprint/v1\0";

/// The HMAC key, ready to use (its inner and outer pads computed once).
#[derive(Clone)]
pub struct IdKey {
    mac: Hmac<Sha256>,
}

impl std::fmt::Debug for IdKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("IdKey([redacted])")
    }
}

impl IdKey {
    /// A key from secret bytes.
    fn new(secret: &[u8]) -> Self {
        // HMAC takes keys of any length; the error cannot happen.
        let mac = <Hmac<Sha256> as Mac>::new_from_slice(secret)
            .unwrap_or_else(|_| unreachable!("HMAC accepts keys of every length"));
        IdKey { mac }
    }

    /// The public demo key ([`DEMO_ID_SECRET`]).
    pub fn demo() -> Self {
        Self::new(DEMO_ID_SECRET.as_bytes())
    }

    /// The configured key. Without `LINAN_ID_SECRET`, production mode is
    /// refused and other modes use the demo key (with one warning per process).
    pub fn from_config(config: &Config) -> Result<Self, ConfigError> {
        match &config.id_secret {
            Some(secret) if secret.expose().chars().count() < MIN_SECRET_CHARS => {
                Err(ConfigError::Secret("LINAN_ID_SECRET must be at least 32 characters long"))
            }
            Some(secret) if config.production && secret.expose() == DEMO_ID_SECRET => {
                Err(ConfigError::Secret("LINAN_ID_SECRET is the public demo key; production needs a secret of its own"))
            }
            Some(secret) => Ok(Self::new(secret.expose().as_bytes())),
            None if config.production => Err(ConfigError::Secret(
                "LINAN_ID_SECRET must be set in production mode: it keys the identity hashes of card holders",
            )),
            None => {
                static WARN: Once = Once::new();
                WARN.call_once(|| {
                    tracing::warn!(
                        "LINAN_ID_SECRET is not set: card holders are hashed with the public demo key; \
                         never put real ID numbers into this database"
                    );
                });
                Ok(Self::demo())
            }
        }
    }

    fn hex(&self, parts: &[&[u8]]) -> String {
        let mut mac = self.mac.clone();
        for part in parts {
            mac.update(part);
        }
        hex::encode(mac.finalize().into_bytes())
    }

    /// The person's identity: hex HMAC of the normalised ID number.
    pub fn person_hash(&self, id: &NationalId) -> String {
        self.hex(&[PERSON, id.as_bytes()])
    }

    /// The second factor of card `number`: hex HMAC of the number and the
    /// ID's last four characters (upper-case `X`).
    pub fn last4_hash(&self, number: &str, last4: &[u8]) -> String {
        self.hex(&[LAST4, number.as_bytes(), b"\0", last4])
    }

    /// The birth-date half of card `number`'s second factor: hex HMAC of
    /// the number and the date as eight digits `YYYYMMDD`.
    pub fn birth_date_hash(&self, number: &str, yyyymmdd: &[u8]) -> String {
        self.hex(&[BIRTH_DATE, number.as_bytes(), b"\0", yyyymmdd])
    }

    /// Both hashes of card `number`'s factor as typed: (last 4, birth date).
    pub fn factor_hashes(&self, number: &str, factor: &CardFactor) -> (String, String) {
        let d = factor.birth_date();
        let date = format!("{:04}{:02}{:02}", d.year(), d.month(), d.day());
        (self.last4_hash(number, factor.id_last4().as_bytes()), self.birth_date_hash(number, date.as_bytes()))
    }

    /// The signature of a counter code's QR payload: hex HMAC of the code.
    pub fn counter_code_signature(&self, code: &str) -> String {
        self.hex(&[COUNTER_CODE, code.as_bytes()])
    }

    /// The key's fingerprint: hex HMAC of a fixed label. Two keys are told
    /// apart by it without either being revealed; the database stores it so
    /// a server started with another key is refused (see [`crate::install`]).
    pub fn fingerprint(&self) -> String {
        self.hex(&[FINGERPRINT])
    }

    /// [`IdKey::last4_hash`] from a whole ID number.
    pub fn card_last4_hash(&self, number: &str, id: &NationalId) -> String {
        self.last4_hash(number, id.last4())
    }

    /// [`IdKey::birth_date_hash`] from a whole ID number.
    pub fn card_birth_date_hash(&self, number: &str, id: &NationalId) -> String {
        self.birth_date_hash(number, id.birth_date())
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::config::Secret;

    fn id(s: &str) -> NationalId {
        NationalId::parse(s, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()).unwrap()
    }

    #[test]
    fn hashes_depend_on_key_input_and_domain() {
        let (a, b) = (IdKey::demo(), IdKey::new(b"another key that is long enough!!"));
        let x = id("11010519491231002X");
        assert_eq!(a.person_hash(&x), a.person_hash(&id("11010519491231002x")));
        assert_ne!(a.person_hash(&x), b.person_hash(&x));
        assert_ne!(a.person_hash(&x), a.person_hash(&id("440103199001010006")));
        assert_eq!(a.person_hash(&x).len(), 64);
        assert_ne!(a.card_last4_hash("LW1", &x), a.card_last4_hash("LW2", &x));
        assert_eq!(a.card_last4_hash("LW1", &x), a.last4_hash("LW1", b"002X"));
        // What the holder types hashes like what the import derived.
        let typed = CardFactor::parse("002x", "1949-12-31").unwrap();
        assert_eq!(a.factor_hashes("LW1", &typed), (a.card_last4_hash("LW1", &x), a.card_birth_date_hash("LW1", &x)));
        assert_ne!(a.card_birth_date_hash("LW1", &x), a.card_birth_date_hash("LW2", &x));
        assert_ne!(a.birth_date_hash("LW1", b"0000"), a.last4_hash("LW1", b"0000"), "domains differ");
        assert_eq!(a.fingerprint(), IdKey::demo().fingerprint());
        assert_ne!(a.fingerprint(), b.fingerprint());
        assert!(!a.fingerprint().contains(&hex::encode(DEMO_ID_SECRET)), "the key is not in its fingerprint");
    }

    #[test]
    fn production_needs_a_long_enough_secret() {
        let mut config = Config::for_database("sqlite::memory:");
        config.production = true;
        assert!(IdKey::from_config(&config).unwrap_err().to_string().contains("LINAN_ID_SECRET"));
        config.id_secret = Some(Secret::new("short"));
        assert!(IdKey::from_config(&config).is_err());
        config.id_secret = Some(Secret::new(DEMO_ID_SECRET));
        assert!(IdKey::from_config(&config).unwrap_err().to_string().contains("public demo key"));
        config.id_secret = Some(Secret::new("x".repeat(32)));
        assert!(IdKey::from_config(&config).is_ok());
        config.production = false;
        config.id_secret = None;
        assert!(IdKey::from_config(&config).is_ok());
        assert!(!format!("{:?}", Secret::new("hunter2")).contains("hunter2"));
    }
}
