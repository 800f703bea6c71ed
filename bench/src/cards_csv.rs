//! `linan-bench-cards`: writes a valid card registry CSV of N rows for the
//! import benchmark (`bench/cards.sh`, results in `docs/benchmarks.md`).
//!
//! Deterministic from `--seed`: both schemes of the demo data (Liwan `LW` +
//! 10 digits, Youyue `YF` + 12 digits, Luhn check digits), every tier, about
//! nine persons per ten cards (every tenth person holds a card of each
//! scheme), valid made-up ID numbers, and a few suspended or expired cards.

// The catalogue seeder's generator, shared by path; this binary uses part of it.
#[allow(dead_code)]
#[path = "rng.rs"]
mod rng;

use std::{
    io::{BufWriter, Write},
    path::PathBuf,
    process::ExitCode,
};

use chrono::{Duration, NaiveDate};
use clap::Parser;
use linan_backend::cards::check_character;
use linan_shared::{CardNumberFormat, CheckDigit};

use crate::rng::Rng;

/// Writes a card registry CSV.
#[derive(Debug, Parser)]
#[command(name = "linan-bench-cards", about, long_about = None)]
struct Args {
    /// Data rows to write.
    #[arg(long, default_value_t = 1_000_000)]
    rows: u64,
    /// Seed of the generator; equal seeds give equal files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The file to write.
    #[arg(long)]
    out: PathBuf,
}

const SURNAMES: [&str; 20] = [
    "陈", "李", "张", "黄", "何", "梁", "周", "吴", "林", "刘", "郭", "罗", "冯", "邓", "谢", "伍", "麦", "区", "关",
    "潘",
];
const GIVEN: [&str; 24] = [
    "小荔", "文", "敏", "海", "静", "志", "嘉", "伟", "婷", "健", "颖", "俊", "慧", "杰", "欣", "明", "华", "玲", "强",
    "燕", "涛", "芳", "斌", "琳",
];
const REGIONS: [&str; 5] = ["440103", "440605", "440104", "440604", "110105"];
const LIWAN_TIERS: [&str; 3] = ["A", "B", "C"];
const YOUYUE_TIERS: [&str; 4] = ["A", "B", "C", "T"];

/// A valid, made-up ID number, distinct for each `person` below 75 million.
fn national_id(person: u64) -> String {
    let region = REGIONS[(person % 5) as usize];
    let born = NaiveDate::from_ymd_opt(1960, 1, 1).unwrap_or_default()
        + Duration::days(i64::try_from((person / 5) % 15_000).unwrap_or(0));
    let body = format!("{region}{}{:03}", born.format("%Y%m%d"), (person / 75_000) % 1000);
    let digits: [u8; 17] = body.as_bytes().try_into().unwrap_or([b'0'; 17]);
    format!("{body}{}", char::from(check_character(&digits)))
}

fn write_rows(args: &Args) -> std::io::Result<()> {
    let liwan = CardNumberFormat::new("LW", 10, CheckDigit::Luhn).map_err(std::io::Error::other)?;
    let youyue = CardNumberFormat::new("YF", 12, CheckDigit::Luhn).map_err(std::io::Error::other)?;
    let mut rng = Rng::new(args.seed);
    let mut out = BufWriter::with_capacity(1 << 20, std::fs::File::create(&args.out)?);
    writeln!(out, "card_number,scheme,tier,holder_name,national_id,valid_from,valid_until,status")?;
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    for i in 0..args.rows {
        // Rows 10k and 10k+1 belong to one person: one card of each scheme.
        let person = i * 9 / 10;
        let (number, scheme, tier) = if i % 2 == 0 {
            (liwan.number(&format!("{i:09}")), "liwan_talent", *rng.pick(&LIWAN_TIERS))
        } else {
            (youyue.number(&format!("{i:011}")), "youyue_foshan", *rng.pick(&YOUYUE_TIERS))
        };
        let mut names = Rng::new(person);
        let name = format!("{}{}", names.pick(&SURNAMES), names.pick(&GIVEN));
        let from = start + Duration::days(rng.between(0, 700));
        let until = from + Duration::days(3 * 365);
        let status = match rng.below(100) {
            0..=2 => "suspended",
            3..=4 => "expired",
            _ => "active",
        };
        writeln!(out, "{number},{scheme},{tier},{name},{},{from},{until},{status}", national_id(person))?;
    }
    out.flush()
}

fn main() -> ExitCode {
    let args = Args::parse();
    match write_rows(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("linan-bench-cards: {e}");
            ExitCode::FAILURE
        }
    }
}
