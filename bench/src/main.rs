//! `linan-bench-seed`: fills a database with the demo reference data and
//! partners plus N synthetic benefits, for the catalogue benchmark
//! (`bench/run.sh`, results in `docs/benchmarks.md`).
//!
//! The rows are generated deterministically from `--seed`, so two runs with
//! the same arguments (on the same day) load the same catalogue. They are
//! written in bulk — multi-row inserts in one transaction — because going
//! through `create_benefit` one row at a time would take minutes at 100k.

mod load;
mod rng;
mod synth;
mod words;

use std::process::ExitCode;

use clap::Parser;
use linan_backend::{Config, db, demo};
use sea_orm::{ConnectionTrait, DbBackend};

/// Seeds a database for the catalogue benchmark.
#[derive(Debug, Parser)]
#[command(name = "linan-bench-seed", about, long_about = None)]
struct Args {
    /// Database URL: `sqlite://PATH?mode=rwc` or `postgres://USER@HOST:PORT/DB`.
    /// The database must hold no catalogue yet.
    #[arg(long, env = "LINAN_DATABASE_URL")]
    database_url: String,

    /// Synthetic benefits to insert (besides the demo's own).
    #[arg(long, default_value_t = 1000)]
    count: usize,

    /// Seed of the generator; equal seeds give equal catalogues.
    #[arg(long, default_value_t = 1)]
    seed: u64,

    /// Also run `ANALYZE` on SQLite. (PostgreSQL is always analyzed, as its
    /// autovacuum would soon do; `linan` itself never analyzes SQLite.)
    #[arg(long, default_value_t = false)]
    analyze: bool,
}

/// Why seeding failed.
#[derive(Debug, thiserror::Error)]
enum SeedError {
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
    #[error("demo data: {0}")]
    Demo(#[from] demo::DemoError),
    #[error("{0}")]
    Refused(String),
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("linan-bench-seed: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: &Args) -> Result<(), SeedError> {
    let config = Config::for_database(&args.database_url);
    let db = db::connect(&config).await?;
    db::migrate(&db).await?;
    if !demo::is_empty(&db).await? {
        return Err(SeedError::Refused("the database already has a catalogue; use a fresh one".to_owned()));
    }
    let started = std::time::Instant::now();
    let loaded = demo::load(&db).await?;
    let stats = load::synthetic_benefits(&db, args.count, args.seed).await?;
    let analyzed = args.analyze || db.get_database_backend() == DbBackend::Postgres;
    if analyzed {
        db.execute_unprepared("ANALYZE").await?;
    }
    println!(
        "seeded {} demo + {} synthetic benefits ({} public today, {} eligibility rules) over {} partners in {:.1}s{}",
        loaded.benefits,
        stats.benefits,
        stats.public,
        stats.rules,
        loaded.partners,
        started.elapsed().as_secs_f64(),
        if analyzed { ", analyzed" } else { ", not analyzed" }
    );
    for (term, hits) in &stats.term_hits {
        let share = 100.0 * *hits as f64 / stats.benefits.max(1) as f64;
        println!("  search term {term:>8}: {hits} rows ({share:.1}%)");
    }
    db.close().await?;
    Ok(())
}
