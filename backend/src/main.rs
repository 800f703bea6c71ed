//! The `linan` command: see `linan --help`.

use std::process::ExitCode;

use clap::Parser;

// glibc's allocator spent a fifth of a card import in `malloc`, `free` and
// their arena locks (rows are allocated on one thread and freed on another,
// SQLite's page cache churns); mimalloc's per-thread heaps do not.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = linan_backend::cli::Cli::parse();
    linan_backend::cli::init_tracing(&cli);
    match linan_backend::cli::run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("{e}");
            eprintln!("linan: {e}");
            ExitCode::FAILURE
        }
    }
}
