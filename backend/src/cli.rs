//! The `linan` command line: `serve`, `check`, `migrate`, `backup`,
//! `restore`, `seed-demo`, `admin create`, `cards import`, `reference load`.

pub mod backup;
pub mod cards_import;
pub mod check;
pub mod reference;

use clap::{Parser, Subcommand};
use tracing_subscriber::EnvFilter;

use linan_shared::Role;

use crate::{Application, Config, StartupError, accounts, cards, clock::Clock, db, demo};

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
    /// Check what `serve` would start with, without writing anything: the
    /// configuration, that the database is reachable, the pending
    /// migrations, and production safety. Prints what it found; exits
    /// non-zero if `serve` would refuse to start.
    Check(Config),
    /// Apply pending database migrations, then exit.
    Migrate(Config),
    /// Load the demo data set (both districts, card schemes, recognition,
    /// partners and benefits) into an empty database, then exit. A database
    /// that already has a catalogue is left untouched.
    SeedDemo(Config),
    /// Write a consistent copy of a SQLite database to a new file, safe
    /// while `serve` runs (`VACUUM INTO`). PostgreSQL: use `pg_dump` (see
    /// docs/operations.md).
    Backup(backup::BackupArgs),
    /// Replace the SQLite database with a backup, then migrate it and check
    /// it. Stop every `serve` on the database first. Refuses to overwrite a
    /// database that holds data without `--force`. PostgreSQL: use
    /// `pg_restore`.
    Restore(backup::RestoreArgs),
    /// Manage admin accounts.
    Admin {
        /// What to do.
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Manage the card registry.
    Cards {
        /// What to do.
        #[command(subcommand)]
        command: CardsCommand,
    },
    /// Manage the reference data: districts, categories, card schemes, recognition.
    Reference {
        /// What to do.
        #[command(subcommand)]
        command: ReferenceCommand,
    },
}

/// `linan reference …`.
#[derive(Debug, Subcommand)]
pub enum ReferenceCommand {
    /// Apply a reference file (or the built-in Liwan–Nanhai data) by code:
    /// new rows are added, names, order and tier ranks updated, nothing is
    /// deleted; a scheme's district and card number format never change.
    /// All or nothing. Run it once on a new production database.
    Load(reference::ReferenceLoad),
}

/// `linan cards …`.
#[derive(Debug, Subcommand)]
pub enum CardsCommand {
    /// Import cards from a CSV file with the header
    /// `card_number,scheme,tier,holder_name,national_id,valid_from,valid_until,status`.
    /// All or nothing: every rejected row is listed with its line and reason,
    /// and then nothing is written. Re-importing a file changes nothing.
    Import(cards_import::CardsImport),
}

/// `linan admin …`.
#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create an admin account. The password is asked for at a prompt (or
    /// read from the first line of standard input when it is not a terminal);
    /// there is never a default.
    Create(AdminCreate),
}

/// `linan admin create`.
#[derive(Debug, clap::Args)]
pub struct AdminCreate {
    /// The admin's login email.
    #[arg(long)]
    pub email: String,
    /// `alliance_admin` (every district) or `district_admin` (needs `--district`).
    #[arg(long, value_parser = ["alliance_admin", "district_admin"])]
    pub role: String,
    /// The district a district admin acts in (e.g. `liwan`, `nanhai`).
    #[arg(long)]
    pub district: Option<String>,
    /// Database and other settings.
    #[command(flatten)]
    pub config: Config,
}

impl Cli {
    fn config(&self) -> &Config {
        match &self.command {
            Command::Serve(c) | Command::Check(c) | Command::Migrate(c) | Command::SeedDemo(c) => c,
            Command::Backup(a) => &a.config,
            Command::Restore(a) => &a.config,
            Command::Admin { command: AdminCommand::Create(a) } => &a.config,
            Command::Cards { command: CardsCommand::Import(a) } => &a.config,
            Command::Reference { command: ReferenceCommand::Load(a) } => &a.config,
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
    /// The configuration must not run.
    #[error("configuration: {0}")]
    Config(#[from] crate::config::ConfigError),
    /// The card import failed (not a rejected row: those are reported).
    #[error("{0}")]
    Import(#[from] crate::error::ApiError),
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
            if app.state().config.loads_demo() {
                println!("{}", demo::banner());
            }
            app.run_until_stopped().await?;
        }
        Command::Check(config) => {
            let report = check::check(&config).await;
            print!("{}", report.render());
            if !report.is_ok() {
                let failures: Vec<_> = report.failures().map(|f| format!("{}: {}", f.topic, f.text)).collect();
                return Err(CliError::Refused(format!("check failed: {}", failures.join("; "))));
            }
        }
        Command::Backup(args) => backup::backup(&args).await?,
        Command::Restore(args) => backup::restore(&args).await?,
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
                let loaded =
                    demo::load_with_key(&db, &cards::IdKey::from_config(&config)?, Clock::default().now()).await?;
                crate::statistics::analyze(&db).await?;
                println!(
                    "demo data loaded: {} partners, {} benefits, {} cards",
                    loaded.partners, loaded.benefits, loaded.cards
                );
            } else {
                println!("the database already has a catalogue; demo data not loaded");
            }
        }
        Command::Admin { command: AdminCommand::Create(args) } => create_admin(args).await?,
        Command::Cards { command: CardsCommand::Import(args) } => cards_import::import(args).await?,
        Command::Reference { command: ReferenceCommand::Load(args) } => reference::load(args).await?,
    }
    Ok(())
}

/// Reads the new admin's password: at a hidden prompt (twice) on a
/// terminal, otherwise the first line of standard input.
fn read_password() -> Result<String, CliError> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("New admin password: ")?;
        let again = rpassword::prompt_password("Repeat it: ")?;
        if first != again {
            return Err(CliError::Refused("the passwords differ".to_owned()));
        }
        return Ok(first);
    }
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

async fn create_admin(args: AdminCreate) -> Result<(), CliError> {
    let role = Role::parse(&args.role).ok_or_else(|| CliError::Refused(format!("unknown role `{}`", args.role)))?;
    let password = read_password()?;
    let db = db::connect(&args.config).await?;
    db::migrate(&db).await?;
    let state = crate::catalogue::CatalogueState::new(0);
    let reference = state.reference(&db).await?;
    let district = args.district.as_deref();
    let created =
        accounts::create_admin(&db, &reference, &args.email, role, district, &password, Clock::default().now())
            .await
            .map_err(|e| CliError::Refused(e.to_string()))?;
    println!("created {} {} (id {})", role.as_str(), created.email, created.id);
    Ok(())
}
