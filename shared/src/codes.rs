//! Validated codes: the short, stable identifiers of districts, card schemes,
//! tiers and categories.
//!
//! Districts, schemes and categories are *data* (a new district joins by adding
//! rows, not code), so these are string newtypes rather than enums. What the
//! type guarantees is the shape: 1–32 characters of `a-z`, `0-9`, `_` or `-`
//! (tiers also allow upper-case letters, since tiers are named `A`, `B`, `T`).

use std::fmt;

/// Why a string is not a valid code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeError {
    kind: &'static str,
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} code is 1-32 characters of letters, digits, '_' or '-'", self.kind)
    }
}

impl std::error::Error for CodeError {}

fn valid(s: &str, upper: bool) -> bool {
    !s.is_empty()
        && s.len() <= 32
        && s.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-' || (upper && b.is_ascii_uppercase())
        })
}

macro_rules! code_type {
    ($(#[$doc:meta])* $name:ident, $kind:literal, upper = $upper:literal, pattern = $pattern:literal, example = $example:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = $example, pattern = $pattern))]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Parses a code, refusing anything but the allowed characters.
            pub fn parse(s: &str) -> Result<Self, CodeError> {
                if valid(s, $upper) {
                    Ok(Self(s.to_owned()))
                } else {
                    Err(CodeError { kind: $kind })
                }
            }

            /// The code as a string slice.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                Self::parse(&s).map_err(serde::de::Error::custom)
            }
        }
    };
}

code_type!(
    /// A district code such as `liwan` or `nanhai`.
    DistrictCode, "district", upper = false, pattern = "^[a-z0-9_-]{1,32}$", example = "nanhai"
);
code_type!(
    /// A card scheme code such as `liwan_talent` or `youyue_foshan`.
    SchemeCode, "scheme", upper = false, pattern = "^[a-z0-9_-]{1,32}$", example = "youyue_foshan"
);
code_type!(
    /// A tier code within a scheme, such as `A` or `T`.
    TierCode, "tier", upper = true, pattern = "^[A-Za-z0-9_-]{1,32}$", example = "B"
);
code_type!(
    /// A benefit category code such as `medical_green_channel`.
    CategoryCode, "category", upper = false, pattern = "^[a-z0-9_-]{1,32}$", example = "scenic_discount"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_accept_slugs_and_refuse_everything_else() {
        assert!(DistrictCode::parse("nanhai").is_ok());
        assert!(DistrictCode::parse("Nanhai").is_err());
        assert!(DistrictCode::parse("").is_err());
        assert!(DistrictCode::parse("a b").is_err());
        assert!(DistrictCode::parse(&"x".repeat(33)).is_err());
        assert!(TierCode::parse("T").is_ok());
        assert!(CategoryCode::parse("merchant_offer").is_ok());
    }

    #[test]
    fn deserializing_an_invalid_code_fails() {
        assert!(serde_json::from_str::<SchemeCode>("\"<script>\"").is_err());
        assert_eq!(serde_json::from_str::<SchemeCode>("\"liwan_talent\"").unwrap().as_str(), "liwan_talent");
    }
}
