#!/usr/bin/env bash
# Sets up and runs the whole test suite: formatting, lints, unit and doc
# tests, the integration tests against SQLite and PostgreSQL, and the wasm
# build of the model crate.
#
# PostgreSQL: LINAN_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres,
# a user that may create databases). Under CI=true an unreachable PostgreSQL
# fails the run; elsewhere the PostgreSQL pass is skipped with a warning.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_rust
export LINAN_TEST_POSTGRES_URL="${LINAN_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"

if ensure_postgres; then
  say "PostgreSQL reachable: both database passes will run"
  drop_test_databases() {
    psql "$LINAN_TEST_POSTGRES_URL" -Atqc "SELECT datname FROM pg_database WHERE datname LIKE 'linan_test_%'" 2>/dev/null |
      while read -r db; do psql "$LINAN_TEST_POSTGRES_URL" -qc "DROP DATABASE IF EXISTS \"$db\"" >/dev/null 2>&1 || true; done
  }
  drop_test_databases
  trap drop_test_databases EXIT
elif [ "${CI:-}" = "true" ]; then
  die "PostgreSQL is not reachable on 127.0.0.1:5432; under CI=true the PostgreSQL pass must run"
else
  printf '\033[1;33mwarning:\033[0m PostgreSQL not reachable; running the SQLite pass only\n' >&2
  unset LINAN_TEST_POSTGRES_URL
fi

say "formatting"
cargo fmt --all -- --check
say "lints"
cargo clippy --locked --workspace --all-targets -- -D warnings
say "model crate and frontend build for wasm32"
cargo check --locked --target wasm32-unknown-unknown -p linan-shared -p linan-frontend
say "tests (SQLite and PostgreSQL)"
log="$(mktemp)"
status=0
cargo test --locked --workspace 2>&1 | tee "$log" || status=$?
# One closing line over all test binaries, so the total is not hidden behind
# the last (often empty) doc-test binary's summary.
passed=$(grep -Eo '[0-9]+ passed' "$log" | awk '{s+=$1} END {print s+0}')
failed=$(grep -Eo '[0-9]+ failed' "$log" | awk '{s+=$1} END {print s+0}')
rm -f "$log"
echo
echo "tests: ${passed} passed, ${failed} failed"
exit "$status"
