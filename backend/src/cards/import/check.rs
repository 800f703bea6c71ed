//! Reading and checking the rows of an import file, on a blocking thread.
//!
//! Every problem of a row is reported with its line and column; no reason
//! ever repeats a cell's value (a shifted column could put an ID number
//! anywhere).

use std::{
    collections::{BTreeSet, HashMap},
    io::Read,
};

use chrono::NaiveDate;
use linan_shared::{CardNumber, CardNumberFormat, CardStatus, CheckDigit, Date, RejectedRow};
use tokio::sync::mpsc::Sender;

use super::Progress;
use crate::{
    calendar::to_naive,
    cards::{IdKey, NationalId},
    reference::Reference,
};

/// The columns, in the order rows are read.
pub(super) const COLUMNS: [&str; 8] =
    ["card_number", "scheme", "tier", "holder_name", "national_id", "valid_from", "valid_until", "status"];

/// Rows per batch handed to the writer (one statement each).
pub(super) const BATCH: usize = 2000;

/// Longest holder name, in characters.
const MAX_NAME_CHARS: usize = 100;

/// One checked row, ready to write: the ID number is already replaced by
/// its hashes.
#[derive(Debug)]
pub(super) struct CardRow {
    pub(super) number: String,
    pub(super) scheme_id: i64,
    pub(super) tier_id: i64,
    pub(super) person_hash: String,
    pub(super) holder_name: String,
    pub(super) last4_hash: String,
    pub(super) birth_date_hash: String,
    pub(super) valid_from: NaiveDate,
    pub(super) valid_until: NaiveDate,
    pub(super) status: CardStatus,
}

/// What checking the whole file found.
#[derive(Debug, Default)]
pub(super) struct Checked {
    /// Data rows read.
    pub(super) rows: u64,
    /// Every refused row.
    pub(super) rejected: Vec<RejectedRow>,
    /// Districts of the valid rows' schemes.
    pub(super) districts: BTreeSet<i64>,
}

/// A scheme as the checker needs it.
struct Scheme {
    id: i64,
    district_id: i64,
    /// `None`: no number format set.
    format: Option<CardNumberFormat>,
    /// Tier code → id.
    tiers: HashMap<String, i64>,
}

/// Everything a row is checked against.
pub(super) struct Rules {
    schemes: HashMap<String, Scheme>,
    district_id: Option<i64>,
    key: IdKey,
    today: NaiveDate,
}

fn format_of(s: &crate::entity::card_scheme::Model) -> Option<CardNumberFormat> {
    let digits = usize::try_from(s.number_digits?).ok()?;
    CardNumberFormat::new(s.number_prefix.as_deref()?, digits, CheckDigit::parse(&s.check_digit)?).ok()
}

impl Rules {
    pub(super) fn new(reference: &Reference, district_id: Option<i64>, key: IdKey, today: NaiveDate) -> Self {
        let schemes = reference
            .schemes
            .iter()
            .map(|s| {
                let tiers = reference.tiers_of(s.id).map(|t| (t.code.clone(), t.id)).collect();
                (s.code.clone(), Scheme { id: s.id, district_id: s.district_id, format: format_of(s), tiers })
            })
            .collect();
        Rules { schemes, district_id, key, today }
    }

    /// Reads `source` to the end, sending batches of valid rows to `out`
    /// until the first rejected row (or until `out` is closed).
    pub(super) fn run(&self, source: impl Read, out: &Sender<Vec<CardRow>>, progress: &dyn Progress) -> Checked {
        let mut checked = Checked::default();
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(source);
        let mut record = csv::ByteRecord::new();
        let reject =
            |checked: &mut Checked, line: u64, reason: String| checked.rejected.push(RejectedRow { line, reason });

        let order = match reader.read_byte_record(&mut record) {
            Ok(true) => match header(&record) {
                Ok(order) => order,
                Err(reason) => {
                    reject(&mut checked, 1, reason);
                    return checked;
                }
            },
            Ok(false) => {
                reject(
                    &mut checked,
                    1,
                    format!("header: the file is empty; expected the columns {}", COLUMNS.join(",")),
                );
                return checked;
            }
            Err(_) => {
                reject(&mut checked, 1, "header: not a readable CSV line".to_owned());
                return checked;
            }
        };

        let mut seen: HashMap<String, u64> = HashMap::new();
        let mut batch = Vec::with_capacity(BATCH);
        let mut sending = true;
        loop {
            let line = reader.position().line();
            match reader.read_byte_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => {
                    checked.rows += 1;
                    let line = e.position().map_or(line, csv::Position::line);
                    reject(&mut checked, line, "not a readable CSV row (unbalanced quotes?)".to_owned());
                    sending = false;
                    // A broken quote swallows the rest of the file; stop here.
                    break;
                }
            }
            checked.rows += 1;
            let line = record.position().map_or(line, csv::Position::line);
            match self.row(&record, &order, line, &mut seen) {
                Ok(row) => {
                    if let Some(s) = self.schemes.values().find(|s| s.id == row.scheme_id) {
                        checked.districts.insert(s.district_id);
                    }
                    if sending {
                        batch.push(row);
                    }
                }
                Err(reasons) => {
                    reject(&mut checked, line, reasons.join("; "));
                    sending = false;
                    batch.clear();
                }
            }
            if batch.len() == BATCH {
                progress.read(reader.position().byte());
                if out.blocking_send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH))).is_err() {
                    // The writer gave up (a database error): its error is the answer.
                    return checked;
                }
            }
        }
        progress.read(reader.position().byte());
        if sending && !batch.is_empty() {
            let _ = out.blocking_send(batch);
        }
        checked
    }

    /// Checks one data row.
    fn row(
        &self,
        record: &csv::ByteRecord,
        order: &[usize; 8],
        line: u64,
        seen: &mut HashMap<String, u64>,
    ) -> Result<CardRow, Vec<String>> {
        if record.len() != COLUMNS.len() {
            return Err(vec![format!("expected {} fields, found {}", COLUMNS.len(), record.len())]);
        }
        let mut problems = Vec::new();
        let [number, scheme, tier, name, id, from, until, status] =
            [0, 1, 2, 3, 4, 5, 6, 7].map(|i| match std::str::from_utf8(&record[order[i]]) {
                Ok(s) => s.trim().to_owned(),
                Err(_) => {
                    problems.push(format!("{}: not UTF-8 text", COLUMNS[i]));
                    String::new()
                }
            });

        // Stored by the one rule sign-in and the counter look numbers up by.
        let blank = number.is_empty();
        let parsed = CardNumber::parse(&number);
        let number = parsed.as_ref().map(|n| n.as_str().to_owned()).unwrap_or_default();
        let scheme = match self.schemes.get(scheme.as_str()) {
            None => {
                problems.push("scheme: unknown scheme code".to_owned());
                None
            }
            Some(s) if self.district_id.is_some_and(|d| d != s.district_id) => {
                problems.push("scheme: a scheme of another district; you may import only your district's cards".into());
                None
            }
            Some(s) => Some(s),
        };
        let tier_id = scheme.and_then(|s| {
            let id = s.tiers.get(tier.as_str()).copied();
            if id.is_none() {
                problems.push("tier: not a tier of this scheme".to_owned());
            }
            id
        });
        match (&parsed, scheme.map(|s| s.format.as_ref())) {
            (Err(_), _) if blank => problems.push("card_number: empty".to_owned()),
            (Err(e), _) => problems.push(format!("card_number: {e}")),
            (Ok(_), Some(None)) => problems.push("card_number: the scheme has no card number format set".to_owned()),
            (Ok(n), Some(Some(format))) => {
                if let Err(e) = format.check(n.as_str()) {
                    problems.push(format!("card_number: {e}"));
                }
            }
            (Ok(_), None) => {}
        }
        if let Some(first) = seen.get(&number).filter(|_| !number.is_empty()) {
            problems.push(format!("card_number: the same number as line {first}"));
        }
        if name.is_empty() {
            problems.push("holder_name: empty".to_owned());
        } else if name.chars().count() > MAX_NAME_CHARS || name.chars().any(char::is_control) {
            problems.push(format!("holder_name: at most {MAX_NAME_CHARS} characters, no control characters"));
        }
        let id = NationalId::parse(&id, self.today).map_err(|e| problems.push(format!("national_id: {e}"))).ok();
        let date = |s: &str, column: &str, problems: &mut Vec<String>| {
            Date::parse(s).map(to_naive).map_err(|_| problems.push(format!("{column}: not a date YYYY-MM-DD"))).ok()
        };
        let valid_from = date(&from, "valid_from", &mut problems);
        let valid_until = date(&until, "valid_until", &mut problems);
        if let (Some(f), Some(u)) = (valid_from, valid_until)
            && u < f
        {
            problems.push("valid_until: before valid_from".to_owned());
        }
        let status = CardStatus::parse(&status.to_ascii_lowercase());
        if status.is_none() {
            problems.push("status: must be active, suspended or expired".to_owned());
        }
        if !number.is_empty() {
            seen.entry(number.clone()).or_insert(line);
        }
        match (scheme, tier_id, id, valid_from, valid_until, status) {
            (Some(s), Some(tier_id), Some(id), Some(valid_from), Some(valid_until), Some(status))
                if problems.is_empty() =>
            {
                Ok(CardRow {
                    last4_hash: self.key.card_last4_hash(&number, &id),
                    birth_date_hash: self.key.card_birth_date_hash(&number, &id),
                    person_hash: self.key.person_hash(&id),
                    number,
                    scheme_id: s.id,
                    tier_id,
                    holder_name: name,
                    valid_from,
                    valid_until,
                    status,
                })
            }
            _ => Err(problems),
        }
    }
}

/// Where each column is in the file, from the header row.
fn header(record: &csv::ByteRecord) -> Result<[usize; 8], String> {
    let names: Vec<String> = record
        .iter()
        .map(|f| String::from_utf8_lossy(f).trim().trim_start_matches('\u{feff}').to_ascii_lowercase())
        .collect();
    let mut order = [0; 8];
    let mut missing = Vec::new();
    for (i, column) in COLUMNS.iter().enumerate() {
        match names.iter().position(|n| n == column) {
            Some(at) => order[i] = at,
            None => missing.push(*column),
        }
    }
    if !missing.is_empty() {
        return Err(format!("header: missing column(s) {}; expected {}", missing.join(", "), COLUMNS.join(",")));
    }
    if names.len() != COLUMNS.len() {
        return Err(format!("header: expected exactly the columns {}", COLUMNS.join(",")));
    }
    Ok(order)
}
