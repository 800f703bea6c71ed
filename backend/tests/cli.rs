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
