#!/usr/bin/env bash
# The card import benchmark (see docs/benchmarks.md, "Card registry import").
#
# Writes a valid N-row registry CSV (linan-bench-cards), then times with
# hyperfine, each run on a fresh database:
#   sqlite3 .import of the file into one table of its columns      (baseline "bare table"),
#   sqlite3 .import of the file into the registry's own tables     (baseline "registry schema":
#     a staging table, then persons and cards by INSERT … SELECT, with the raw ID number as the
#     person key — no checks, no hashing),
#   `linan cards import` on SQLite, then the same file again (everything unchanged);
# and the same three with psql \copy and `linan cards import` on PostgreSQL.
#
# Settings (environment variables, defaults in brackets):
#   BENCH_ROWS [1000000]   rows of the file      BENCH_RUNS [5]   runs per command
#   BENCH_DATABASES ["sqlite postgres"]
#   BENCH_POSTGRES_URL [postgres://postgres@127.0.0.1:5432]  server; the script creates and
#                          drops linan_bench_cards_* databases
#   BENCH_LINAN_PROFILE [release]   cargo profile of the measured binaries (CARGO_TARGET_DIR is honoured)
# Results: bench-results/cards-<timestamp>.md (hyperfine's tables) and .json.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ROWS=${BENCH_ROWS:-1000000}
RUNS=${BENCH_RUNS:-5}
DATABASES=${BENCH_DATABASES:-"sqlite postgres"}
PG=${BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432}
PROFILE=${BENCH_LINAN_PROFILE:-release}

apt_install sqlite3 hyperfine postgresql-client
ensure_rust
say "building linan and linan-bench-cards ($PROFILE)"
cargo build --profile "$PROFILE" -q -p linan-backend -p linan-bench --bin linan --bin linan-bench-cards
target=${CARGO_TARGET_DIR:-target}
dir=$target/$PROFILE
[ "$PROFILE" = dev ] && dir=$target/debug
LINAN=$(realpath "$dir/linan")

work=$(mktemp -d)
cleanup() {
  rm -rf "$work"
  if [[ " $DATABASES " == *" postgres "* ]]; then
    for db in plain registry linan template; do psql -q "$PG/postgres" -c "DROP DATABASE IF EXISTS linan_bench_cards_$db" 2>/dev/null || true; done
  fi
}
trap cleanup EXIT
mkdir -p bench-results
stamp=$(date -u +%Y%m%dT%H%M%SZ)
csv=$work/cards.csv
say "writing $ROWS rows"
"$dir/linan-bench-cards" --rows "$ROWS" --out "$csv"
ls -l "$csv"

# The same columns as the file, the card number unique (as in `card`).
TABLE="CREATE TABLE card_import (card_number TEXT NOT NULL PRIMARY KEY, scheme TEXT NOT NULL, tier TEXT NOT NULL,
  holder_name TEXT NOT NULL, national_id TEXT NOT NULL, valid_from TEXT NOT NULL, valid_until TEXT NOT NULL,
  status TEXT NOT NULL)"
export RUST_LOG=warn LINAN_ID_SECRET=bench-secret-bench-secret-bench-secret

# The registry-schema baseline: what the database CLI alone takes to put the same file into
# `person` and `card` (same columns, keys, indexes and foreign keys as `linan` writes).
# $1: the CLI's command to read a CSV into the staging table.
registry_sql() {
  cat <<SQL
CREATE TEMP TABLE staging (card_number TEXT, scheme TEXT, tier TEXT, holder_name TEXT,
  national_id TEXT, valid_from DATE, valid_until DATE, status TEXT);
$1
INSERT INTO person (id_hash, status, created_at)
  SELECT national_id, 'active', CURRENT_TIMESTAMP FROM staging WHERE true GROUP BY national_id
  ON CONFLICT (id_hash) DO NOTHING;
INSERT INTO card (number, scheme_id, tier_id, person_id, holder_name, id_last4_hash, valid_from,
    valid_until, status, version, created_at, updated_at)
  SELECT s.card_number, cs.id, ct.id, p.id, s.holder_name, substr(s.national_id, 15),
    s.valid_from, s.valid_until, s.status, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
  FROM staging s JOIN card_scheme cs ON cs.code = s.scheme
    JOIN card_tier ct ON ct.scheme_id = cs.id AND ct.code = s.tier
    JOIN person p ON p.id_hash = s.national_id
  WHERE true ON CONFLICT (number) DO NOTHING;
SQL
}

if [[ " $DATABASES " == *" sqlite "* ]]; then
  say "SQLite"
  LINAN_DATABASE_URL="sqlite://$work/template.sqlite?mode=rwc" "$LINAN" seed-demo >/dev/null
  sqlite3 "$work/template.sqlite" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
  cp "$work/template.sqlite" "$work/loaded.sqlite"
  {
    echo "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; BEGIN IMMEDIATE;"
    registry_sql ".import --csv --skip 1 $csv staging"
    echo "COMMIT;"
  } >"$work/registry-sqlite.sql"
  LINAN_DATABASE_URL="sqlite://$work/loaded.sqlite" "$LINAN" cards import "$csv" >/dev/null
  sqlite3 "$work/loaded.sqlite" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
  hyperfine --runs "$RUNS" --export-markdown "bench-results/cards-$stamp-sqlite.md" \
    --export-json "bench-results/cards-$stamp-sqlite.json" \
    --prepare "rm -f $work/plain.sqlite*; sqlite3 $work/plain.sqlite \"$TABLE\"" \
    -n 'sqlite3 .import' "sqlite3 $work/plain.sqlite '.import --csv --skip 1 $csv card_import'" \
    --prepare "rm -f $work/registry.sqlite*; cp $work/template.sqlite $work/registry.sqlite" \
    -n 'sqlite3 .import, registry schema' "sqlite3 $work/registry.sqlite < $work/registry-sqlite.sql" \
    --prepare "rm -f $work/linan.sqlite*; cp $work/template.sqlite $work/linan.sqlite" \
    -n 'linan cards import (SQLite)' "LINAN_DATABASE_URL=sqlite://$work/linan.sqlite $LINAN cards import $csv" \
    --prepare "rm -f $work/again.sqlite*; cp $work/loaded.sqlite $work/again.sqlite" \
    -n 'linan cards import, again (SQLite)' "LINAN_DATABASE_URL=sqlite://$work/again.sqlite $LINAN cards import $csv"
fi

if [[ " $DATABASES " == *" postgres "* ]]; then
  ensure_postgres
  say "PostgreSQL"
  admin="psql -q $PG/postgres"
  $admin -c "DROP DATABASE IF EXISTS linan_bench_cards_template"
  $admin -c "CREATE DATABASE linan_bench_cards_template"
  LINAN_DATABASE_URL="$PG/linan_bench_cards_template" "$LINAN" seed-demo >/dev/null
  {
    echo "BEGIN;"
    registry_sql "\\copy staging FROM '$csv' CSV HEADER"
    echo "COMMIT;"
  } >"$work/registry-postgres.sql"
  hyperfine --runs "$RUNS" --export-markdown "bench-results/cards-$stamp-postgres.md" \
    --export-json "bench-results/cards-$stamp-postgres.json" \
    --prepare "$admin -c 'DROP DATABASE IF EXISTS linan_bench_cards_plain' -c 'CREATE DATABASE linan_bench_cards_plain' && psql -q $PG/linan_bench_cards_plain -c \"$TABLE\"" \
    -n 'psql \copy' "psql -q $PG/linan_bench_cards_plain -c \"\\copy card_import FROM '$csv' CSV HEADER\"" \
    --prepare "$admin -c 'DROP DATABASE IF EXISTS linan_bench_cards_registry' -c 'CREATE DATABASE linan_bench_cards_registry TEMPLATE linan_bench_cards_template'" \
    -n 'psql \copy, registry schema' "psql -q -v ON_ERROR_STOP=1 $PG/linan_bench_cards_registry -f $work/registry-postgres.sql" \
    --prepare "$admin -c 'DROP DATABASE IF EXISTS linan_bench_cards_linan' -c 'CREATE DATABASE linan_bench_cards_linan TEMPLATE linan_bench_cards_template'" \
    -n 'linan cards import (PostgreSQL)' "LINAN_DATABASE_URL=$PG/linan_bench_cards_linan $LINAN cards import $csv" \
    --prepare true \
    -n 'linan cards import, again (PostgreSQL)' "LINAN_DATABASE_URL=$PG/linan_bench_cards_linan $LINAN cards import $csv"
fi
say "results in bench-results/cards-$stamp-*.md"
