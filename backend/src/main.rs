//! The `linan` command: see `linan --help`.

use std::process::ExitCode;

use clap::Parser;

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
