#!/usr/bin/env bash
# The read model against SQL, side by side in one run (docs/benchmarks.md,
# issue 11): seeds a SQLite file with N synthetic benefits, starts two
# `linan serve` with the response cache off — one choosing pages by its read
# model, one by SQL (LINAN_NO_READ_MODEL) — checks both answer every path
# with the same bytes, and loads each path with wrk on one connection (both)
# and on 32 (the model). Reports the model's build time and both RSS.
#   BENCH_SIZE [100000]  BENCH_DURATION [3]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
apt_install wrk
ensure_rust
cargo build --release --locked -p linan-backend --bin linan -p linan-bench --bin linan-bench-seed
SIZE=${BENCH_SIZE:-100000}
SECS=${BENCH_DURATION:-3}
WORK=$(mktemp -d /tmp/linan-read-model.XXXXXX)
trap 'kill ${M:-} ${S:-} 2>/dev/null; rm -rf "$WORK"' EXIT
DB="sqlite://$WORK/bench.sqlite?mode=rwc"
target/release/linan-bench-seed --database-url "$DB" --count "$SIZE"
cd "$WORK"
RUST_LOG=warn,linan_backend::catalogue=info LINAN_RESPONSE_CACHE_ENTRIES=0 LINAN_NO_DEMO=true "$OLDPWD/target/release/linan" serve --database-url "$DB" --bind 127.0.0.1:18201 > model.log 2>&1 &
M=$!
RUST_LOG=warn LINAN_RESPONSE_CACHE_ENTRIES=0 LINAN_NO_DEMO=true LINAN_NO_READ_MODEL=true "$OLDPWD/target/release/linan" serve --database-url "$DB" --bind 127.0.0.1:18202 > sql.log 2>&1 &
S=$!
for _ in $(seq 1 600); do grep -q "built the catalogue's read model" model.log && break; sleep 0.2; done
grep -m1 "built the catalogue" model.log
echo "RSS model: $(awk '/^VmRSS/{print $2}' /proc/$M/status) kB, sql: $(awk '/^VmRSS/{print $2}' /proc/$S/status) kB"
paths=(
 "filtered|/api/v1/benefits?district=nanhai&category=scenic_discount&limit=20"
 "search_2ch|/api/v1/benefits?q=%E5%8C%BB%E9%99%A2&limit=20"
 "search_park|/api/v1/benefits?q=%E5%85%AC%E5%9B%AD&limit=20"
 "search_3ch|/api/v1/benefits?q=%E5%8D%9A%E7%89%A9%E9%A6%86&limit=20"
 "search_en|/api/v1/benefits?q=MUSEUM&limit=20"
 "search_and|/api/v1/benefits?q=%E5%85%8D%E8%B4%B9%20%E5%85%AC%E5%9B%AD&limit=20"
 "nearest|/api/v1/benefits?near=23.1291,113.2644&sort=nearest&limit=20"
 "nearest_radius|/api/v1/benefits?near=23.1291,113.2644&radius_km=3&sort=nearest&limit=20"
 "eligible|/api/v1/benefits?scheme=liwan_talent&tier=B&limit=20"
)
w() { wrk -t"$2" -c"$3" -d"$4"s --latency "$1" | awk 'function ms(v){if(v~/us$/)return v/1000;if(v~/ms$/)return v+0;if(v~/s$/)return v*1000;return v} /Requests\/sec/{r=$2} $1=="50%"{a=ms($2)} $1=="99%"{b=ms($2)} /Non-2xx/{bad=$NF} END{printf "%8.0f req/s p50 %7.2f ms p99 %7.2f ms bad %d", r,a,b,bad+0}'; }
for p in "${paths[@]}"; do
  n=${p%%|*}; u=${p#*|}
  cmp <(curl -s "http://127.0.0.1:18201$u") <(curl -s "http://127.0.0.1:18202$u") >/dev/null && same=same || same=DIFFERENT
  printf '%-15s c1  model: %s | sql: %s  [%s]\n' "$n" "$(w "http://127.0.0.1:18201$u" 1 1 "$SECS")" "$(w "http://127.0.0.1:18202$u" 1 1 "$SECS")" "$same"
  printf '%-15s c32 model: %s\n' "$n" "$(w "http://127.0.0.1:18201$u" 2 32 "$SECS")"
done
echo "RSS after: model $(awk '/^VmRSS/{print $2}' /proc/$M/status) kB, sql $(awk '/^VmRSS/{print $2}' /proc/$S/status) kB"
