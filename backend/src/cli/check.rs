//! `linan check`: what an operator runs before (or beside) `linan serve` to
//! learn whether this configuration would start, and why not.
//!
//! It reads the same settings as `serve` and checks, in order: the
//! configuration ([`Config::check`]), that the database is reachable, which
//! migrations are pending (`serve` applies them at start-up), and production
//! safety — through [`install::check_start`], the very function `serve`
//! calls, run inside a transaction that is rolled back, so a check never
//! writes. It prints one line per finding; a finding that would stop `serve`
//! is a failure and makes the command exit non-zero.

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, Statement};
use sea_orm_migration::MigratorTrait;

use crate::{
    Config,
    cards::IdKey,
    clock::Clock,
    db, demo,
    entity::{install_fact, person},
    install,
    migration::Migrator,
};

/// The migration that created `install_fact`: production safety is only
/// checked once it is applied (`serve` applies it before checking).
const INSTALL_FACTS: &str = "m20261203_000008_install_facts";

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// As it should be.
    Ok,
    /// Worth knowing; `serve` starts anyway.
    Note,
    /// `serve` would refuse to start (or could not serve).
    Fail,
}

/// One line of the report.
#[derive(Debug, Clone)]
pub struct Finding {
    /// What was checked: `configuration`, `database`, `migrations`, `production safety`.
    pub topic: &'static str,
    /// How serious.
    pub level: Level,
    /// What was found.
    pub text: String,
}

/// Everything `linan check` found.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// The findings, in the order checked.
    pub findings: Vec<Finding>,
    /// Names of the migrations not yet applied.
    pub pending: Vec<String>,
}

impl Report {
    fn add(&mut self, topic: &'static str, level: Level, text: impl Into<String>) {
        self.findings.push(Finding { topic, level, text: text.into() });
    }

    /// The failures: each would stop `serve`.
    pub fn failures(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.level == Level::Fail)
    }

    /// Whether nothing failed.
    pub fn is_ok(&self) -> bool {
        self.failures().next().is_none()
    }

    /// The report as printed: one line per finding and a closing verdict.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for f in &self.findings {
            let tag = match f.level {
                Level::Ok => "ok  ",
                Level::Note => "note",
                Level::Fail => "FAIL",
            };
            out.push_str(&format!("{tag}  {}: {}\n", f.topic, f.text));
        }
        let failed = self.failures().count();
        if failed == 0 {
            out.push_str("linan check: ok, serve would start\n");
        } else {
            out.push_str(&format!("linan check: {failed} problem(s); serve would not start\n"));
        }
        out
    }
}

/// A database URL with its password replaced by `***`.
pub fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_owned() };
    let (authority, path) = rest.split_once('/').map_or((rest, None), |(a, p)| (a, Some(p)));
    let shown = match authority.rsplit_once('@') {
        Some((user_info, host)) => match user_info.split_once(':') {
            Some((user, _)) => format!("{user}:***@{host}"),
            None => authority.to_owned(),
        },
        None => authority.to_owned(),
    };
    match path {
        Some(p) => format!("{scheme}://{shown}/{p}"),
        None => format!("{scheme}://{shown}"),
    }
}

/// Checks `config` as `serve` would use it, without writing anything.
pub async fn check(config: &Config) -> Report {
    let mut report = Report::default();
    let key = configuration(config, &mut report);
    let shown = redacted(&config.database_url);
    if let Some(path) = db::sqlite_path(&config.database_url)
        && !std::path::Path::new(path).exists()
    {
        report.add("database", Level::Note, format!("{shown}: the file does not exist yet; serve creates it"));
        report.pending = Migrator::migrations().iter().map(|m| m.name().to_owned()).collect();
        report.add(
            "migrations",
            Level::Note,
            format!("all {} pending: {}", report.pending.len(), report.pending.join(", ")),
        );
        return report;
    }
    let conn = match db::connect(config).await {
        Ok(conn) => conn,
        Err(e) => {
            report.add("database", Level::Fail, format!("{shown}: cannot connect: {e}"));
            return report;
        }
    };
    report.add("database", Level::Ok, format!("{shown}: reachable ({})", server_version(&conn).await));
    if migrations(&conn, &mut report).await
        && let Some(key) = key
    {
        safety(&conn, config, &key, &mut report).await;
    }
    let _ = conn.close().await;
    report
}

/// The configuration's own checks and what it says; the identity key if it
/// can be made.
fn configuration(config: &Config, report: &mut Report) -> Option<IdKey> {
    let mode = if config.production { "production" } else { "development" };
    report.add("configuration", Level::Ok, format!("{mode} mode, listening on {}", config.bind));
    let key = match config.check().and_then(|()| IdKey::from_config(config)) {
        Ok(key) => Some(key),
        Err(e) => {
            report.add("configuration", Level::Fail, e.to_string());
            None
        }
    };
    if config.id_secret.is_none() && !config.production {
        report.add("configuration", Level::Note, "LINAN_ID_SECRET is not set: the public demo key hashes identities");
    }
    if config.production && !config.trust_forwarded_for {
        report.add(
            "configuration",
            Level::Note,
            "LINAN_TRUST_FORWARDED_FOR is off: behind a proxy every client shares the proxy's throttle budgets",
        );
    }
    if config.production && config.metrics_token.is_none() && config.metrics_bind.is_none() {
        report.add(
            "configuration",
            Level::Note,
            "/metrics is not served: set LINAN_METRICS_TOKEN or LINAN_METRICS_BIND",
        );
    }
    for (name, dir) in [("LINAN_WIDGET_DIR", &config.widget_dir), ("LINAN_PORTAL_DIR", &config.portal_dir)] {
        if !dir.is_dir() {
            report.add(
                "configuration",
                Level::Note,
                format!("{name} {} does not exist: it is answered 404", dir.display()),
            );
        }
    }
    key
}

/// `SQLite 3.x` or `PostgreSQL 16.x`, as the server says.
async fn server_version(conn: &DatabaseConnection) -> String {
    let backend = conn.get_database_backend();
    let (name, sql) = match backend {
        DbBackend::Sqlite => ("SQLite", "SELECT sqlite_version() AS v"),
        DbBackend::Postgres => ("PostgreSQL", "SELECT current_setting('server_version') AS v"),
        _ => ("database", "SELECT 'unknown' AS v"),
    };
    let row = conn.query_one_raw(Statement::from_string(backend, sql)).await;
    match row.ok().flatten().and_then(|r| r.try_get::<String>("", "v").ok()) {
        Some(v) => format!("{name} {v}"),
        None => name.to_owned(),
    }
}

/// Lists the applied and pending migrations; whether production safety can
/// be checked (its table exists).
async fn migrations(conn: &DatabaseConnection, report: &mut Report) -> bool {
    let all = match Migrator::get_migration_with_status_read_only(conn).await {
        Ok(all) => all,
        Err(e) => {
            // Typically a migration this binary does not know: the database
            // was migrated by a newer release.
            report.add("migrations", Level::Fail, format!("{e} (is this binary older than the database?)"));
            return false;
        }
    };
    let (pending, applied): (Vec<_>, Vec<_>) =
        all.iter().partition(|m| m.status() == sea_orm_migration::MigrationStatus::Pending);
    report.pending = pending.iter().map(|m| m.name().to_owned()).collect();
    if report.pending.is_empty() {
        report.add("migrations", Level::Ok, format!("all {} applied", applied.len()));
    } else {
        report.add(
            "migrations",
            Level::Note,
            format!(
                "{} applied, {} pending (serve applies them at start-up): {}",
                applied.len(),
                report.pending.len(),
                report.pending.join(", ")
            ),
        );
    }
    if report.pending.iter().any(|m| m == INSTALL_FACTS) {
        report.add("production safety", Level::Note, "checked once the pending migrations are applied");
        return false;
    }
    true
}

/// [`install::check_start`] in a transaction that is rolled back, and what
/// the install facts say.
async fn safety(conn: &DatabaseConnection, config: &Config, key: &IdKey, report: &mut Report) {
    let verdict = match db::begin_write(conn).await {
        Ok(txn) => {
            let verdict = install::check_start(&txn, config.production, key, Clock::default().now()).await;
            let _ = txn.rollback().await;
            verdict
        }
        Err(e) => Err(install::Unsafe::Database(e)),
    };
    if let Err(e) = verdict {
        report.add("production safety", Level::Fail, e.to_string());
        return;
    }
    let facts = install_fact::Entity::find().all(conn).await.unwrap_or_default();
    let fact = |k: &str| facts.iter().find(|f| f.key == k);
    if let Some(demo) = fact(install::DEMO_DATA) {
        report.add(
            "production safety",
            Level::Note,
            format!(
                "holds the demo data set (recorded {})",
                demo.recorded_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
            ),
        );
    } else if matches!(demo::is_empty(conn).await, Ok(true)) {
        let next = if config.loads_demo() { "serve loads the demo data set into it" } else { "serve starts it empty" };
        report.add("production safety", Level::Ok, format!("the database is empty: {next}"));
    } else {
        report.add("production safety", Level::Ok, "no demo data set");
    }
    match fact(install::ID_KEY_FINGERPRINT) {
        Some(f) => report.add(
            "production safety",
            Level::Ok,
            format!(
                "identities hashed under the configured key (fingerprint {}…)",
                f.value.chars().take(12).collect::<String>()
            ),
        ),
        None if matches!(person::Entity::find().one(conn).await, Ok(Some(_))) => report.add(
            "production safety",
            Level::Note,
            "identities are stored with no record of their key: serve records the configured key's fingerprint",
        ),
        None => report.add("production safety", Level::Ok, "no identities stored yet"),
    }
}

#[cfg(test)]
mod tests {
    use super::redacted;

    #[test]
    fn passwords_are_not_shown() {
        assert_eq!(redacted("postgres://linan:s3cret@db:5432/linan"), "postgres://linan:***@db:5432/linan");
        assert_eq!(
            redacted("postgres://postgres@127.0.0.1:5432/postgres"),
            "postgres://postgres@127.0.0.1:5432/postgres"
        );
        assert_eq!(redacted("sqlite://data/linan.sqlite?mode=rwc"), "sqlite://data/linan.sqlite?mode=rwc");
        assert_eq!(redacted("postgres://u:p@h"), "postgres://u:***@h");
    }
}
