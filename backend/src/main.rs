//! The `linan` command: see `linan --help`.

use std::process::ExitCode;

use clap::Parser;

// glibc's allocator spent a fifth of a card import in `malloc`, `free` and
// their arena locks (rows are allocated on the checking thread and freed on
// the writing one); mimalloc's per-thread heaps do not. This covers Rust's
// allocations only; SQLite keeps its own `malloc`, which measured no better
// replaced.
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
