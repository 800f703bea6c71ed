//! What the staff typed to name the card: a counter code (the 8 digits, or
//! the QR payload a scanner types), or — the fallback — the card number with
//! the holder's second factor: the ID's last 4 characters and the birth date.
//! (The holder's name is printed on the card and is no factor.)

use linan_shared::{CardProof, check_card_number};

use crate::draft::FormError;
use crate::i18n::Key;

/// The counter form's inputs, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProofDraft {
    /// A counter code or QR payload.
    pub code: String,
    /// A card number.
    pub card_number: String,
    /// The last 4 characters of the holder's ID number.
    pub id_last4: String,
    /// The holder's birth date.
    pub birth_date: String,
}

/// One input of [`ProofDraft`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProofField {
    /// [`ProofDraft::code`].
    Code,
    /// [`ProofDraft::card_number`].
    CardNumber,
    /// [`ProofDraft::id_last4`].
    IdLast4,
    /// [`ProofDraft::birth_date`].
    BirthDate,
}

impl ProofField {
    /// The name errors use for this input (the API's `param`).
    pub fn path(self) -> &'static str {
        match self {
            ProofField::Code => "code",
            ProofField::CardNumber => "card_number",
            ProofField::IdLast4 => "id_last4",
            ProofField::BirthDate => "birth_date",
        }
    }
}

impl ProofDraft {
    /// Sets one input.
    pub fn set(&mut self, field: ProofField, value: String) {
        match field {
            ProofField::Code => self.code = value,
            ProofField::CardNumber => self.card_number = value,
            ProofField::IdLast4 => self.id_last4 = value,
            ProofField::BirthDate => self.birth_date = value,
        }
    }

    /// The proof to send: the code when one was typed, otherwise the card
    /// number with both halves of its factor, checked by the shared model
    /// (the API's own rules). Values are trimmed; the card number is sent
    /// in its one normal form ([`linan_shared::CardNumber`]).
    pub fn to_proof(&self) -> Result<CardProof, FormError> {
        let code = self.code.trim();
        if !code.is_empty() {
            return Ok(CardProof::code(code));
        }
        let inputs = [
            (ProofField::CardNumber, self.card_number.trim()),
            (ProofField::IdLast4, self.id_last4.trim()),
            (ProofField::BirthDate, self.birth_date.trim()),
        ];
        if inputs.iter().all(|(_, v)| v.is_empty()) {
            return Err(FormError::local(ProofField::Code.path(), Key::HintProof));
        }
        if let Some((field, _)) = inputs.iter().find(|(_, v)| v.is_empty()) {
            return Err(FormError::local(field.path(), Key::HintRequired));
        }
        let [(_, number), (_, last4), (_, birth)] = inputs;
        let number = check_card_number(number).map_err(|e| FormError::from_field(&e))?;
        let proof = CardProof::card(number.into_string(), last4, birth);
        proof.parse().map_err(|e| FormError::from_field(&e))?;
        Ok(proof)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(code: &str, number: &str, last4: &str, birth: &str) -> ProofDraft {
        ProofDraft { code: code.into(), card_number: number.into(), id_last4: last4.into(), birth_date: birth.into() }
    }

    #[test]
    fn a_typed_code_wins_and_is_sent_as_scanned() {
        let proof = draft(" LN1.12345678.abc \n", "LW2026000014", "", "").to_proof().unwrap();
        assert_eq!(proof.code.as_deref(), Some("LN1.12345678.abc"));
        assert_eq!(proof.card_number, None);
    }

    #[test]
    fn a_card_number_needs_both_halves_of_its_factor() {
        let proof = draft("", " lw2026000014 ", " 0014 ", "1990-01-01").to_proof().unwrap();
        assert_eq!(proof.card_number.as_deref(), Some("LW2026000014"));
        let spaced = draft("", "ｌｗ 2026\u{3000}0000 14", "0014", "1990-01-01").to_proof().unwrap();
        assert_eq!(spaced.card_number.as_deref(), Some("LW2026000014"), "one rule: blanks, width and case");
        assert!(draft("", "LW-2026", "0014", "1990-01-01").to_proof().unwrap_err().is_for("card_number"));
        assert_eq!((proof.id_last4.as_deref(), proof.birth_date.as_deref()), (Some("0014"), Some("1990-01-01")));
        assert!(draft("", "LW2026000014", " ", "1990-01-01").to_proof().unwrap_err().is_for("id_last4"));
        assert!(draft("", "LW2026000014", "0014", "").to_proof().unwrap_err().is_for("birth_date"));
        assert!(draft("", "", "0014", "1990-01-01").to_proof().unwrap_err().is_for("card_number"));
        let nothing = draft(" ", "", "", "").to_proof().unwrap_err();
        assert!(nothing.is_for("code"));
        assert_eq!(nothing.hint, Some(Key::HintProof));
    }

    #[test]
    fn the_holders_name_is_no_factor() {
        let named = draft("", "LW2026000014", "陈小荔", "1990-01-01").to_proof().unwrap_err();
        assert!(named.is_for("id_last4"));
        assert!(draft("", "LW2026000014", "0014", "1990-02-30").to_proof().unwrap_err().is_for("birth_date"));
    }
}
