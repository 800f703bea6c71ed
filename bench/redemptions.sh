#!/usr/bin/env bash
# The redemption benchmark (see docs/benchmarks.md): redemptions per second
# on PostgreSQL with two `linan serve` replicas sharing one database.
#
# Seeds a fresh PostgreSQL database with the demo data, starts two replicas,
# signs in the demo merchant, publishes one offer with a per-person daily
# limit and a daily stock (both far above what the run uses, so every
# request takes both usage counters — the same hot rows on every request:
# the worst case), and loads POST /api/v1/redemptions on both replicas at
# once with wrk (a unique Idempotency-Key per request; both cards of one
# demo holder, so the person's counter is shared too).
#
# Baseline, in the same run: pgbench running the same database work — the
# two counter upserts with their conditional updates and the redemption
# insert, in one transaction — straight against PostgreSQL, with as many
# clients as wrk has connections. The ratio says what the HTTP layer, the
# session lookup, the eligibility decision and the audit record cost on top.
#
# Settings: BENCH_DURATION [10] seconds per run, BENCH_REPEATS [3],
# BENCH_CONNECTIONS [16] per replica, BENCH_POSTGRES_URL [postgres://postgres@127.0.0.1:5432].
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

DURATION=${BENCH_DURATION:-10}
REPEATS=${BENCH_REPEATS:-3}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
PG_URL=${BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432}

apt_install wrk
command -v curl >/dev/null || apt_install curl
command -v psql >/dev/null || apt_install postgresql-client
command -v pgbench >/dev/null || apt_install postgresql-contrib
ensure_rust
say "building linan (release)"
cargo build --release --locked -p linan-backend --bin linan
LINAN=$PWD/target/release/linan

WORK=$(mktemp -d /tmp/linan-redeem.XXXXXX)
PG_DB="linan_bench_redeem_$$"
DB_URL="$PG_URL/$PG_DB"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 0.5
  psql -q "$PG_URL/postgres" -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

psql -q "$PG_URL/postgres" -c "CREATE DATABASE $PG_DB" >/dev/null
"$LINAN" seed-demo --database-url "$DB_URL" >/dev/null

start() {
  local port=$1
  env RUST_LOG=warn LINAN_DATABASE_URL="$DB_URL" LINAN_BIND="127.0.0.1:$port" LINAN_DB_MAX_CONNECTIONS=16 \
    "$LINAN" serve >"$WORK/linan-$port.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 300); do curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null && return 0; sleep 0.1; done
  die "replica on $port did not start (log: $WORK/linan-$port.log)"
}
A=18931
B=18932
start $A
start $B

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
post() { curl -fsS -X POST "http://127.0.0.1:$A$1" -H 'content-type: application/json' -H "authorization: Bearer $2" -d "$3"; }
login() {
  curl -fsS -X POST "http://127.0.0.1:$A/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"linan-demo-2026\",\"bearer\":true}" | json 'd["token"]'
}
MERCHANT=$(login merchant1@demo.linan)
ADMIN=$(login alliance@demo.linan)
TODAY=$(TZ=Asia/Shanghai date +%F)
UNTIL=$(TZ=Asia/Shanghai date -d '+30 days' +%F)
OFFER=$(post /api/v1/merchant/offers "$MERCHANT" "{\"category\":\"merchant_offer\",\"title\":{\"zh-CN\":\"压测\"},\"summary\":{\"zh-CN\":\"压测\"},\"description\":{\"zh-CN\":\"压测\"},\"terms\":{\"zh-CN\":\"压测\"},\"gives\":{\"kind\":\"gift\"},\"quota\":{\"per_person_limit\":100000000,\"per_person_period\":\"day\",\"daily_stock\":100000000},\"eligibility\":[{\"scheme\":\"liwan_talent\",\"min_tier\":\"C\"},{\"scheme\":\"youyue_foshan\",\"min_tier\":\"C\"}],\"validity\":{\"from\":\"$TODAY\",\"until\":\"$UNTIL\"}}" | json 'd["id"]')
post "/api/v1/merchant/offers/$OFFER/submit" "$MERCHANT" '{"version":1}' >/dev/null
post "/api/v1/admin/offers/$OFFER/approve" "$ADMIN" '{"version":2}' >/dev/null
sleep 1.5 # both replicas' version pollers

cat >"$WORK/redeem.lua" <<LUA
local counter = 0
local thread_id = 0
local cards = { "LW2026000014", "YF202600000014" }
function setup(thread) thread_id = thread_id + 1; thread:set("tid", thread_id .. "-" .. os.time()) end
function request()
  counter = counter + 1
  local body = '{"benefit_id":$OFFER,"card_number":"' .. cards[counter % 2 + 1] .. '","id_last4":"0014","birth_date":"1990-01-01"}'
  return wrk.format("POST", "/api/v1/redemptions", {
    ["content-type"] = "application/json",
    ["authorization"] = "Bearer $MERCHANT",
    ["idempotency-key"] = tid .. "-" .. counter,
  }, body)
end
LUA

cat >"$WORK/baseline.sql" <<SQL
\set k random(1, 2000000000)
BEGIN;
INSERT INTO quota_usage (person_id, benefit_id, period_key, used) VALUES (1, $OFFER, 'd$TODAY', 0) ON CONFLICT DO NOTHING;
UPDATE quota_usage SET used = used + 1 WHERE person_id = 1 AND benefit_id = $OFFER AND period_key = 'd$TODAY' AND used < 100000000;
INSERT INTO stock_usage (benefit_id, day, used) VALUES ($OFFER, '$TODAY', 0) ON CONFLICT DO NOTHING;
UPDATE stock_usage SET used = used + 1 WHERE benefit_id = $OFFER AND day = '$TODAY' AND used < 100000000;
INSERT INTO redemption (benefit_id, partner_id, card_id, person_id, account_id, redeemed_at, day, period_key, idempotency_key)
  SELECT $OFFER, b.partner_id, 1, 1, 1, now(), '$TODAY', 'd$TODAY', 'pgbench-' || :client_id || '-' || :k
  FROM benefit b WHERE b.id = $OFFER ON CONFLICT DO NOTHING;
COMMIT;
SQL

rps() { grep -o 'Requests/sec: *[0-9.]*' "$1" | grep -o '[0-9.]*$'; }
say "loading POST /api/v1/redemptions on both replicas, ${DURATION}s × $REPEATS, $CONNECTIONS connections each"
printf 'run\tlinan_2_replicas_rps\tnon_201\tpgbench_tps\tratio\n' | tee "$WORK/results.tsv"
for i in $(seq 1 "$REPEATS"); do
  wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -s "$WORK/redeem.lua" "http://127.0.0.1:$A" >"$WORK/wrk-a.txt" 2>&1 &
  wa=$!
  wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -s "$WORK/redeem.lua" "http://127.0.0.1:$B" >"$WORK/wrk-b.txt" 2>&1 &
  wb=$!
  wait $wa $wb
  total=$(python3 -c "print(round($(rps "$WORK/wrk-a.txt") + $(rps "$WORK/wrk-b.txt"), 1))")
  bad=$(cat "$WORK/wrk-a.txt" "$WORK/wrk-b.txt" | grep -o 'Non-2xx or 3xx responses: *[0-9]*' | grep -o '[0-9]*$' | paste -sd+ | bc 2>/dev/null || echo 0)
  tps=$(pgbench -n -f "$WORK/baseline.sql" -c $((CONNECTIONS * 2)) -j 2 -T "$DURATION" "$DB_URL" 2>/dev/null | grep -o 'tps = [0-9.]*' | grep -o '[0-9.]*$' | head -1)
  ratio=$(python3 -c "print(round($total / $tps, 3))")
  printf '%s\t%s\t%s\t%s\t%s\n' "$i" "$total" "${bad:-0}" "$tps" "$ratio" | tee -a "$WORK/results.tsv"
done
python3 - "$WORK/results.tsv" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
med = lambda k: statistics.median(float(r[k]) for r in rows)
print(f"median: {med('linan_2_replicas_rps'):.0f} redemptions/s over two replicas; "
      f"pgbench baseline {med('pgbench_tps'):.0f} tps; ratio {med('ratio'):.3f}")
PY
COUNT=$(psql -qtA "$DB_URL" -c "SELECT count(*) FROM redemption WHERE benefit_id = $OFFER AND idempotency_key NOT LIKE 'pgbench-%'")
USED=$(psql -qtA "$DB_URL" -c "SELECT used FROM stock_usage WHERE benefit_id = $OFFER")
PGB=$(psql -qtA "$DB_URL" -c "SELECT count(*) FROM redemption WHERE benefit_id = $OFFER AND idempotency_key LIKE 'pgbench-%'")
say "check: $COUNT redemptions through the API + $PGB by pgbench = $((COUNT + PGB)); the stock counter says $USED"
