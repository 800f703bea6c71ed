//! The `linan` command line: `serve`, `migrate`, `seed-demo`.

use clap::{Parser, Subcommand};
use tracing_subscriber::EnvFilter;

use crate::{Application, Config, StartupError, db, demo};

/// Linan Talent Home (荔南人才之家): benefits for Liwan Talent Card and
/// Youyue Foshan Card holders.
#[derive(Debug, Parser)]
#[command(name = "linan", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the HTTP server. Creates and migrates the database on first start;
    /// an empty database gets the demo data set unless `--no-demo` or
    /// production mode is set.
    Serve(Config),
    /// Apply pending database migrations, then exit.
    Migrate(Config),
    /// Load the demo data set (both districts, card schemes, recognition,
    /// partners and benefits) into an empty database, then exit. A database
    /// that already has a catalogue is left untouched.
    SeedDemo(Config),
}

impl Cli {
    fn config(&self) -> &Config {
        match &self.command {
            Command::Serve(c) | Command::Migrate(c) | Command::SeedDemo(c) => c,
        }
    }
}

/// Sets up logging: `RUST_LOG` (default `info`), JSON lines in production.
pub fn init_tracing(cli: &Cli) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    if cli.config().production {
        builder.json().init();
    } else {
        builder.init();
    }
}

/// Errors of the command line.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Starting the application failed.
    #[error(transparent)]
    Startup(#[from] StartupError),
    /// The database failed.
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
    /// Loading demo data failed.
    #[error("demo data: {0}")]
    Demo(#[from] demo::DemoError),
    /// Serving failed.
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
    /// The command is not allowed in this mode.
    #[error("{0}")]
    Refused(String),
}

/// Runs a parsed command line.
pub async fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        Command::Serve(config) => {
            let app = Application::build(config).await?;
            let addr = app.local_addr();
            tracing::info!(%addr, "listening");
            println!("Linan Talent Home is running at http://{addr}/ (API: http://{addr}/api/v1/benefits)");
            app.run_until_stopped().await?;
        }
        Command::Migrate(config) => {
            let db = db::connect(&config).await?;
            db::migrate(&db).await?;
            println!("migrations applied");
        }
        Command::SeedDemo(config) => {
            if config.production {
                return Err(CliError::Refused("seed-demo is refused in production mode".to_owned()));
            }
            let db = db::connect(&config).await?;
            db::migrate(&db).await?;
            if demo::is_empty(&db).await? {
                let loaded = demo::load(&db).await?;
                println!("demo data loaded: {} partners, {} benefits", loaded.partners, loaded.benefits);
            } else {
                println!("the database already has a catalogue; demo data not loaded");
            }
        }
    }
    Ok(())
}
