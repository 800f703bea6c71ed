//! What the staff typed to name the card: a counter code (the 8 digits, or
//! the QR payload a scanner types), or the card number with the holder's
//! name or the ID's last 4 characters.

use linan_shared::CardProof;

use crate::draft::FormError;
use crate::i18n::Key;

/// The counter form's inputs, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProofDraft {
    /// A counter code or QR payload.
    pub code: String,
    /// A card number.
    pub card_number: String,
    /// The holder's name or the ID's last 4 characters.
    pub second_factor: String,
}

/// One input of [`ProofDraft`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProofField {
    /// [`ProofDraft::code`].
    Code,
    /// [`ProofDraft::card_number`].
    CardNumber,
    /// [`ProofDraft::second_factor`].
    SecondFactor,
}

impl ProofField {
    /// The name errors use for this input (the API's `param`).
    pub fn path(self) -> &'static str {
        match self {
            ProofField::Code => "code",
            ProofField::CardNumber => "card_number",
            ProofField::SecondFactor => "second_factor",
        }
    }
}

impl ProofDraft {
    /// Sets one input.
    pub fn set(&mut self, field: ProofField, value: String) {
        match field {
            ProofField::Code => self.code = value,
            ProofField::CardNumber => self.card_number = value,
            ProofField::SecondFactor => self.second_factor = value,
        }
    }

    /// The proof to send: the code when one was typed, otherwise the card
    /// number with its second factor (both needed). Values are trimmed;
    /// card numbers are upper-cased, as printed.
    pub fn to_proof(&self) -> Result<CardProof, FormError> {
        let code = self.code.trim();
        if !code.is_empty() {
            return Ok(CardProof { code: Some(code.to_owned()), card_number: None, second_factor: None });
        }
        let number = self.card_number.trim().to_uppercase();
        let factor = self.second_factor.trim();
        match (number.is_empty(), factor.is_empty()) {
            (true, true) => Err(FormError::local(ProofField::Code.path(), Key::HintProof)),
            (true, false) => Err(FormError::local(ProofField::CardNumber.path(), Key::HintRequired)),
            (false, true) => Err(FormError::local(ProofField::SecondFactor.path(), Key::HintRequired)),
            (false, false) => {
                Ok(CardProof { code: None, card_number: Some(number), second_factor: Some(factor.to_owned()) })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(code: &str, number: &str, factor: &str) -> ProofDraft {
        ProofDraft { code: code.into(), card_number: number.into(), second_factor: factor.into() }
    }

    #[test]
    fn a_typed_code_wins_and_is_sent_as_scanned() {
        let proof = draft(" LN1.12345678.abc \n", "LW2026000014", "").to_proof().unwrap();
        assert_eq!(proof.code.as_deref(), Some("LN1.12345678.abc"));
        assert_eq!(proof.card_number, None);
    }

    #[test]
    fn a_card_number_needs_its_second_factor() {
        let proof = draft("", " lw2026000014 ", " 陈小荔 ").to_proof().unwrap();
        assert_eq!(proof.card_number.as_deref(), Some("LW2026000014"));
        assert_eq!(proof.second_factor.as_deref(), Some("陈小荔"));
        assert!(draft("", "LW2026000014", " ").to_proof().unwrap_err().is_for("second_factor"));
        assert!(draft("", "", "0014").to_proof().unwrap_err().is_for("card_number"));
        let nothing = draft(" ", "", "").to_proof().unwrap_err();
        assert!(nothing.is_for("code"));
        assert_eq!(nothing.hint, Some(Key::HintProof));
    }
}
