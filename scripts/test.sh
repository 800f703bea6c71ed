#!/usr/bin/env bash
# Sets up and runs the whole test suite:
#   formatting and lints (host and wasm32), unit and doc tests, the API
#   integration tests against SQLite and PostgreSQL, the widget build with its
#   size budget, schemathesis against the built server (scripts/schemathesis.sh),
#   the widget's component tests (wasm-bindgen-test in headless
#   Chromium), the portal build, the deployment files (nginx -t, systemd-analyze),
#   the cluster test (nginx and two replicas on PostgreSQL, when reachable), and
#   the end-to-end browser tests of the widget and the portal against the real
#   backend, and then the widget's first-paint benchmark (figures only).
#
# PostgreSQL: LINAN_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres,
# a user that may create databases). Under CI=true an unreachable PostgreSQL
# fails the run; elsewhere the PostgreSQL pass is skipped with a warning.
# Browser screenshots are saved in target/e2e-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_rust
export LINAN_TEST_POSTGRES_URL="${LINAN_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"

# The browsers' temp folders (Chromium's profiles and scoped folders, about
# 25 MB a run, which it does not always remove) go here, removed at exit.
browser_tmp="$(mktemp -d)"
drop_test_databases() { :; }
trap 'drop_test_databases; rm -rf "$browser_tmp"' EXIT

if ensure_postgres; then
  say "PostgreSQL reachable: both database passes will run"
  # Each test drops its own database; this sweeps up after a killed run.
  drop_test_databases() {
    psql "$LINAN_TEST_POSTGRES_URL" -Atqc "SELECT datname FROM pg_database WHERE datname LIKE 'linan_test_%'" 2>/dev/null |
      while read -r db; do psql "$LINAN_TEST_POSTGRES_URL" -qc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true; done
  }
  drop_test_databases
elif [ "${CI:-}" = "true" ]; then
  die "PostgreSQL is not reachable on 127.0.0.1:5432; under CI=true the PostgreSQL pass must run"
else
  printf '\033[1;33mwarning:\033[0m PostgreSQL not reachable; running the SQLite pass only\n' >&2
  unset LINAN_TEST_POSTGRES_URL
fi

log="$(mktemp)"
# Every test step's output also goes to $log, for the closing summary line.
run() { "$@" 2>&1 | tee -a "$log"; }

say "formatting"
cargo fmt --all -- --check
say "lints (host and wasm32)"
cargo clippy --locked --workspace --all-targets -- -D warnings
cargo clippy --locked -p linan-shared -p linan-frontend -p linan-portal --target wasm32-unknown-unknown -- -D warnings
# The widget's own bundle alone: the code that opens the detail from its bundle
# (LazyDetail) is compiled only without the `detail` feature.
cargo clippy --locked -p linan-frontend --no-default-features --features catalogue --target wasm32-unknown-unknown -- -D warnings

say "unit, doc and API integration tests (SQLite and PostgreSQL)"
run cargo test --locked --workspace

say "widget and portal builds"
scripts/build-widget.sh
scripts/build-portal.sh
cargo build --locked -p linan-backend --bin linan

say "schemathesis: requests generated from the OpenAPI document (SQLite and PostgreSQL)"
# Not through `run`: its phase counts are not test counts for the closing line.
scripts/schemathesis.sh target/debug/linan

say "deployment files (nginx -t, systemd-analyze verify)"
scripts/verify-deploy.sh
if [ -n "${LINAN_TEST_POSTGRES_URL:-}" ]; then
  say "cluster test: nginx in front of two replicas on PostgreSQL"
  run scripts/cluster-test.sh
fi

ensure_chromium
say "widget component tests (wasm-bindgen-test, headless Chromium)"
run env TMPDIR="$browser_tmp" CHROMEDRIVER="$(command -v chromedriver)" \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER="$PWD/.tools/bin/wasm-bindgen-test-runner" \
  WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --locked -p linan-frontend --target wasm32-unknown-unknown

say "end-to-end browser tests (headless Chromium, real backend, demo data)"
(cd frontend && TMPDIR="$browser_tmp" run node --test --test-concurrency=1 --test-reporter=tap e2e/)
(cd portal && TMPDIR="$browser_tmp" run node --test --test-concurrency=1 --test-reporter=tap e2e/)

# Issue 12's first-paint ratio on every run: a benchmark, so its figures are
# printed and never pass or fail the run (docs/benchmarks.md has the
# release-build figures; here the debug backend answers both pages alike).
say "benchmark: the widget's first paint against its plain-JavaScript twin (figures, not a test)"
RUNS=9 TMPDIR="$browser_tmp" node frontend/bench/first-paint.mjs

# One closing line over every runner (cargo's "N passed; N failed", node's
# TAP "# pass N"/"# fail N"), so the total is not hidden behind the last
# binary's own summary.
passed=$(grep -Eo '[0-9]+ passed|^# pass [0-9]+' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
failed=$(grep -Eo '[0-9]+ failed|^# fail [0-9]+' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
rm -f "$log"
echo
echo "tests: ${passed} passed, ${failed} failed"
[ "$failed" = 0 ] || exit 1
