//! Money as the platform writes it: amounts are whole fen (分) in the model
//! and yuan (元) on screen, in the widget and the portal alike.

/// Fen as yuan, with no trailing zeros: `1200` → `12`, `1250` → `12.5`,
/// `1205` → `12.05`.
///
/// ```
/// use linan_shared::yuan;
/// assert_eq!(yuan(1200), "12");
/// assert_eq!(yuan(1250), "12.5");
/// assert_eq!(yuan(1205), "12.05");
/// assert_eq!(yuan(5), "0.05");
/// ```
pub fn yuan(fen: u32) -> String {
    let (whole, cents) = (fen / 100, fen % 100);
    match cents {
        0 => whole.to_string(),
        c if c % 10 == 0 => format!("{whole}.{}", c / 10),
        c => format!("{whole}.{c:02}"),
    }
}
