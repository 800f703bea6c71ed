//! The `linan` command as an operator runs it: a refusal to start is a
//! message on standard error and a non-zero exit status.

// Test code states its expectations with unwrap: a panic is a failed test.
#![allow(clippy::unwrap_used)]

use std::{
    process::{Command, Output, Stdio},
    time::{Duration, Instant},
};

/// A fresh SQLite file's URL; the file is removed on drop.
struct TempDb(std::path::PathBuf);

impl TempDb {
    fn new(name: &str) -> Self {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        TempDb(std::env::temp_dir().join(format!("linan-cli-{name}-{}-{nanos}.sqlite", std::process::id())))
    }

    fn url(&self) -> String {
        format!("sqlite://{}?mode=rwc", self.0.display())
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.0.display()));
        }
    }
}

/// `linan ARGS` with none of the operator's `LINAN_*` settings.
fn linan(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_linan"));
    for (name, _) in std::env::vars().filter(|(name, _)| name.starts_with("LINAN_")) {
        command.env_remove(name);
    }
    command.env("RUST_LOG", "warn").args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
    command
}

/// Runs `command` to its end, or kills it after `limit` (a server that
/// should have refused to start would otherwise run forever).
fn run_within(mut command: Command, limit: Duration) -> Output {
    let mut child = command.spawn().unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            child.kill().unwrap();
            let output = child.wait_with_output().unwrap();
            panic!("still running after {limit:?}: {}", String::from_utf8_lossy(&output.stdout));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn production_mode_refuses_the_demo_database_with_a_message_and_a_failure_status() {
    let db = TempDb::new("demo");
    let seeded = run_within(linan(&["seed-demo", "--database-url", &db.url()]), Duration::from_secs(120));
    assert!(seeded.status.success(), "{}", String::from_utf8_lossy(&seeded.stderr));
    let serve = linan(&[
        "serve",
        "--production",
        "--database-url",
        &db.url(),
        "--bind",
        "127.0.0.1:0",
        "--id-secret",
        "a production secret of 32+ characters",
    ]);
    let served = run_within(serve, Duration::from_secs(60));
    let stderr = String::from_utf8_lossy(&served.stderr);
    assert_eq!(served.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("linan: refusing to start: this database holds the demo data set"), "{stderr}");
}

fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

#[test]
fn check_passes_a_new_database_and_fails_where_production_would_refuse() {
    let db = TempDb::new("check");
    let fresh = run_within(linan(&["check", "--database-url", &db.url()]), Duration::from_secs(60));
    assert!(fresh.status.success(), "{}", text(&fresh));
    assert!(text(&fresh).contains("linan check: ok"), "{}", text(&fresh));
    let seeded = run_within(linan(&["seed-demo", "--database-url", &db.url()]), Duration::from_secs(120));
    assert!(seeded.status.success(), "{}", text(&seeded));
    let secret = "a production secret of 32+ characters";
    let production = linan(&["check", "--production", "--id-secret", secret, "--database-url", &db.url()]);
    let refused = run_within(production, Duration::from_secs(60));
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("linan: check failed: production safety: this database holds the demo data set"),
        "{stderr}"
    );
}

#[test]
fn a_backup_restores_into_a_new_database_through_the_command() {
    let (db, copy) = (TempDb::new("source"), TempDb::new("copy"));
    let out = TempDb::new("backup");
    let seeded = run_within(linan(&["seed-demo", "--database-url", &db.url()]), Duration::from_secs(120));
    assert!(seeded.status.success(), "{}", text(&seeded));
    let file = out.0.display().to_string();
    let backup = run_within(linan(&["backup", "--out", &file, "--database-url", &db.url()]), Duration::from_secs(60));
    assert!(backup.status.success() && text(&backup).contains("backup written"), "{}", text(&backup));
    let restore = linan(&["restore", "--from", &file, "--database-url", &copy.url()]);
    let restored = run_within(restore, Duration::from_secs(60));
    assert!(restored.status.success(), "{}", text(&restored));
    assert!(text(&restored).contains("linan check: ok"), "{}", text(&restored));
}

#[test]
fn backup_and_restore_on_postgresql_exit_non_zero_with_the_tools_to_use() {
    let url = "postgres://postgres@127.0.0.1:5432/linan";
    let backup = run_within(linan(&["backup", "--out", "x.dump", "--database-url", url]), Duration::from_secs(30));
    assert_eq!(backup.status.code(), Some(1), "{}", text(&backup));
    assert!(String::from_utf8_lossy(&backup.stderr).contains("pg_dump"), "{}", text(&backup));
    let restore = run_within(linan(&["restore", "--from", "x.dump", "--database-url", url]), Duration::from_secs(30));
    assert_eq!(restore.status.code(), Some(1), "{}", text(&restore));
    assert!(String::from_utf8_lossy(&restore.stderr).contains("pg_restore"), "{}", text(&restore));
}

#[test]
fn every_setting_of_serve_is_in_the_environment_file_example() {
    use clap::CommandFactory;
    let example = include_str!("../../deploy/linan.env.example");
    let command = linan_backend::cli::Cli::command();
    let serve = command.find_subcommand("serve").unwrap();
    let names: Vec<String> =
        serve.get_arguments().filter_map(|a| a.get_env()).map(|e| e.to_string_lossy().into_owned()).collect();
    assert!(names.len() > 10, "{names:?}");
    for name in names {
        assert!(
            example.contains(&format!("\n{name}=")) || example.contains(&format!("\n#{name}=")),
            "{name} is missing"
        );
    }
}

#[test]
fn reference_load_gives_a_production_database_its_districts_schemes_and_categories_once() {
    let db = TempDb::new("reference");
    let secret = "a production secret of 32+ characters";
    let load = |extra: &[&str]| {
        let mut args = vec!["reference", "load", "--production", "--id-secret", secret, "--database-url"];
        let url = db.url();
        args.push(&url);
        args.extend_from_slice(extra);
        run_within(linan(&args), Duration::from_secs(60))
    };
    let dry = load(&["--dry-run"]);
    assert!(dry.status.success(), "{}", text(&dry));
    assert!(text(&dry).contains("dry run, nothing written"), "{}", text(&dry));
    let first = load(&[]);
    assert!(first.status.success(), "{}", text(&first));
    // 2 districts, 4 categories, 2 schemes, 7 tiers and 7 recognition rows.
    assert!(text(&first).contains("22 added, 0 updated"), "{}", text(&first));
    let again = load(&[]);
    assert!(text(&again).contains("already up to date"), "{}", text(&again));

    let bad = TempDb::new("reference-file");
    std::fs::write(&bad.0, r#"{"districts":[],"categories":[],"schemes":[{"code":"x","district":"nowhere","name":{"zh-CN":"某卡"},"card_numbers":{"prefix":"X","digits":8,"check_digit":"none"},"tiers":[{"code":"A","rank":1,"name":{"zh-CN":"A"}}]}]}"#).unwrap();
    let refused = load(&[&bad.0.display().to_string()]);
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("scheme `x` names the unknown district `nowhere`"),
        "{}",
        text(&refused)
    );
}
