#!/usr/bin/env bash
# Property-based tests of the API against its own OpenAPI document
# (schemathesis, pinned in scripts/schemathesis-requirements.txt): starts the
# built server with the demo data on a fresh SQLite database and, when
# LINAN_TEST_POSTGRES_URL is set, on a fresh PostgreSQL database (the two in
# parallel), then runs every phase (examples, coverage, fuzzing, stateful)
# with a fixed seed and one worker: every operation anonymously, then the
# operations behind a session signed in as each role: cardholder, merchant
# staff, merchant owner, district admin, alliance admin.
# Any failure fails the script. Settings: schemathesis.toml at the root.
#
# Usage: scripts/schemathesis.sh [path/to/linan]   (default target/debug/linan)
# SCHEMATHESIS_EXAMPLES sets the examples per operation (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_schemathesis
bin="${1:-target/debug/linan}"
[ -x "$bin" ] || die "no server binary at $bin (cargo build -p linan-backend --bin linan)"
examples="${SCHEMATHESIS_EXAMPLES:-5}"
work="$(mktemp -d)"
databases=()
# Stops the servers (their pids are in $work/pids: see `start`), waits until
# they are gone, then drops the databases they held.
cleanup() {
  local pids=()
  [ -f "$work/pids" ] && mapfile -t pids <"$work/pids"
  stop_pids "${pids[@]}"
  for db in "${databases[@]}"; do
    psql "$LINAN_TEST_POSTGRES_URL" -qc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

# A field of the JSON document on stdin, e.g. `json token`.
json() { .tools/schemathesis/bin/python -c "import json,sys; print(json.load(sys.stdin)$(printf "['%s']" "$@"))"; }

# POSTs JSON $3 to $2 on server $1 (with bearer $4, if given) and prints the answer.
post() {
  local auth=()
  [ -n "${4:-}" ] && auth=(-H "authorization: Bearer $4")
  curl -sS --fail-with-body -X POST "$1$2" -H 'content-type: application/json' "${auth[@]}" -d "$3"
}

# Bearer tokens of each role on server $1, one `role token` line each.
sign_in_all() {
  local base="$1" password=linan-demo-2026 owner code
  for who in "district-admin liwan-admin@demo.linan" "alliance-admin alliance@demo.linan" "merchant-owner merchant1@demo.linan"; do
    set -- $who
    echo "$1 $(post "$base" /api/v1/auth/login "{\"email\":\"$2\",\"password\":\"$password\",\"bearer\":true}" | json token)"
  done
  owner="$(post "$base" /api/v1/auth/login "{\"email\":\"merchant1@demo.linan\",\"password\":\"$password\",\"bearer\":true}" | json token)"
  code="$(post "$base" /api/v1/merchant/staff/invites '{"email":"staff@demo.linan"}' "$owner" | json code)"
  echo "merchant-staff $(post "$base" /api/v1/auth/signup \
    "{\"email\":\"staff@demo.linan\",\"password\":\"$password\",\"invite\":\"$code\",\"bearer\":true}" | json token)"
  echo "cardholder $(post "$base" /api/v1/cardholder/session \
    '{"card_number":"LW2026000022","id_last4":"0023","birth_date":"1985-05-05"}' | json token)"
}

# Starts the server on database URL $2 under name $1, waits until ready,
# prints its base URL.
start() {
  local name="$1" url="$2" port
  port="$(.tools/schemathesis/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  LINAN_DATABASE_URL="$url" LINAN_BIND="127.0.0.1:$port" RUST_LOG=warn \
    "$bin" serve >"$work/$name-server.log" 2>&1 &
  # `start` runs in a command substitution (it prints the URL), so a variable
  # set here would never reach `cleanup`: the pid goes to a file. (It was an
  # array, and every run left both servers running.)
  echo "$!" >>"$work/pids"
  for _ in $(seq 1 60); do
    curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && { echo "http://127.0.0.1:$port"; return 0; }
    sleep 0.5
  done
  cat "$work/$name-server.log" >&2
  die "$name: the server did not become ready"
}

# The paths (a regular expression) whose answers depend on role $1's session.
scope() {
  case "$1" in
    cardholder) echo '^/api/v1/cardholder/' ;;
    merchant-*) echo '^/api/v1/(merchant/|redemptions|auth/)' ;;
    *-admin) echo '^/api/v1/(admin/|auth/)' ;;
  esac
}

# Runs every phase against server $2 (named $1), anonymously and as each role.
run_all() {
  local name="$1" base="$2" failed=0 role token
  local common=(--seed 1 --workers 1 --max-examples "$examples" --no-color)
  {
    say "$name: anonymous"
    .tools/schemathesis/bin/st run "$base/api/openapi.json" "${common[@]}" || failed=1
    while read -r role token; do
      say "$name: signed in as $role"
      # Each role runs the operations a session changes for it (public ones
      # answer alike with or without one, and ran above). Signing out or
      # changing the password would end the session the run is about; they
      # ran anonymously above and are covered by the API tests.
      .tools/schemathesis/bin/st run "$base/api/openapi.json" "${common[@]}" \
        -H "Authorization: Bearer $token" --include-path-regex "$(scope "$role")" \
        --exclude-path /api/v1/auth/logout --exclude-path /api/v1/cardholder/session --exclude-path /api/v1/auth/password \
        || failed=1
    done < <(sign_in_all "$base")
  } >"$work/$name.log" 2>&1
  return "$failed"
}

start_time=$SECONDS
sqlite_base="$(start sqlite "sqlite://$work/linan.sqlite?mode=rwc")"
run_all sqlite "$sqlite_base" & runs=($!); names=(sqlite)
if [ -n "${LINAN_TEST_POSTGRES_URL:-}" ]; then
  db="linan_test_st_$$"
  psql "$LINAN_TEST_POSTGRES_URL" -qc "CREATE DATABASE \"$db\"" >/dev/null
  databases+=("$db")
  pg_base="$(start postgres "${LINAN_TEST_POSTGRES_URL%/*}/$db")"
  run_all postgres "$pg_base" & runs+=($!); names+=(postgres)
fi

status=0
for i in "${!runs[@]}"; do
  if wait "${runs[$i]}"; then result=passed; else result=FAILED; status=1; fi
  cat "$work/${names[$i]}.log"
  say "schemathesis on ${names[$i]}: $result"
done
say "schemathesis: $((SECONDS - start_time)) s"
exit "$status"
