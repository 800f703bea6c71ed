//! The counter as plain data: what the staff typed turned into a
//! [`CardProof`](linan_shared::CardProof), the desk's state from "check" to
//! "redeemed" (with the idempotency key kept for a retry), how its errors
//! are said, the 30-minute void window, and the figures joined with the
//! offers' titles. Tested natively; the components only wire it up.

mod desk;
mod figures;
mod key;
mod proof;

pub use desk::{Attempt, Checked, Desk, Step};
pub use figures::{DayRow, StockRow, day_rows, stock_rows};
pub use key::uuid_v4;
pub use proof::{ProofDraft, ProofField};

use linan_shared::Refusal;

use crate::api::ClientError;
use crate::i18n::Key;

/// How long after a redemption it may still be voided (the server's rule).
pub const VOID_WINDOW_MS: f64 = 30.0 * 60.0 * 1000.0;

/// Whether a redemption made at `redeemed_ms` (ms since the epoch; NaN when
/// unknown) and not voided yet can still be voided at `now_ms`. Only decides
/// whether to offer the button: the server refuses a late void with
/// `invalid_state`.
pub fn voidable(redeemed_ms: f64, now_ms: f64, voided: bool) -> bool {
    !voided && redeemed_ms.is_finite() && now_ms - redeemed_ms < VOID_WINDOW_MS
}

/// The refusal an error code names (`quota_used`, …), if it is one.
pub fn refusal_of(code: &str) -> Option<Refusal> {
    Refusal::parse(code)
}

/// What a refused check or redemption says at the counter: the refusal
/// itself, an unusable code, or a card number that does not match its
/// second factor (the generic summary would talk about emails and passwords).
pub fn error_summary(error: &ClientError) -> Key {
    match error.code() {
        Some("code_invalid") => Key::ErrCodeInvalid,
        Some("invalid_credentials") => Key::ErrCardCredentials,
        Some(code) => refusal_of(code).map_or_else(|| error.summary(), crate::wording::refusal),
        None => error.summary(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_void_window_is_thirty_minutes_and_voided_ones_are_final() {
        let at = 1_000_000.0;
        assert!(voidable(at, at + 29.0 * 60_000.0, false));
        assert!(!voidable(at, at + 30.0 * 60_000.0, false));
        assert!(!voidable(at, at + 1_000.0, true));
        assert!(!voidable(f64::NAN, at, false));
    }

    #[test]
    fn refusals_from_the_api_are_said_by_their_code() {
        for refusal in Refusal::ALL {
            assert_eq!(refusal_of(refusal.as_str()), Some(refusal));
            let body = format!(r#"{{"error":{{"code":"{}","message":"x"}}}}"#, refusal.as_str());
            assert_eq!(error_summary(&ClientError::from_answer(409, &body)), crate::wording::refusal(refusal));
        }
        let used = ClientError::from_answer(409, r#"{"error":{"code":"code_invalid","message":"x"}}"#);
        assert_eq!(error_summary(&used), Key::ErrCodeInvalid);
        let wrong = ClientError::from_answer(401, r#"{"error":{"code":"invalid_credentials","message":"x"}}"#);
        assert_eq!(error_summary(&wrong), Key::ErrCardCredentials);
        let state = ClientError::from_answer(409, r#"{"error":{"code":"invalid_state","message":"x"}}"#);
        assert_eq!(error_summary(&state), Key::ErrInvalidState);
        assert_eq!(error_summary(&ClientError::Network), Key::ErrNetwork);
    }
}
