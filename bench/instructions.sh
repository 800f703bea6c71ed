#!/usr/bin/env bash
# What one request costs the server in instructions (issue 11; see
# docs/benchmarks.md): counted by callgrind, so the noisy machine does not
# matter. Seeds a SQLite file with N synthetic benefits, starts one
# `linan serve` under callgrind with the response cache off (or on, with
# BENCH_CACHE=1), waits for its read model, then for each path loads it with
# wrk on one connection while instrumentation is on, and prints the
# instructions of user space per request (the kernel's work is not counted).
# The profile of each path is kept in $BENCH_KEEP when that is set, for
# callgrind_annotate. BENCH_NOT_MODIFIED=1 sends each path's ETag in
# If-None-Match (the 304; with BENCH_CACHE=1, the cached 304).
#   BENCH_SIZE [1000]   BENCH_SECONDS [8]   BENCH_CACHE [0]   BENCH_KEEP []
#   BENCH_NOT_MODIFIED [0]
#   BENCH_LINAN [target/release/linan, built here; when set, nothing is built and
#               target/release/linan-bench-seed must exist]
#   arguments: paths (default: the uncached paths of bench/run.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
source bench/lib.sh
bench_setup
command -v valgrind >/dev/null || apt_install valgrind
if [ -z "${BENCH_LINAN:-}" ]; then
  cargo build --release --locked -p linan-backend --bin linan -p linan-bench --bin linan-bench-seed
fi
SIZE=${BENCH_SIZE:-1000}
SECONDS_EACH=${BENCH_SECONDS:-8}
WORK=$(mktemp -d /tmp/linan-instructions.XXXXXX)
trap 'stop_servers; rm -rf "$WORK"' EXIT
# A server under callgrind starts some ten times slower.
READY_SECONDS=120
CACHE=()
[ "${BENCH_CACHE:-0}" = 1 ] || CACHE=(LINAN_RESPONSE_CACHE_ENTRIES=0)
# start_linan runs "$LINAN serve": a wrapper puts callgrind in front.
LINAN=$WORK/linan-under-callgrind
printf '#!/bin/sh\nexec valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=%s/callgrind.out.%%p %s "$@"\n' \
  "$WORK" "${BENCH_LINAN:-$PWD/target/release/linan}" >"$LINAN"
chmod +x "$LINAN"
start_seeded_model "$SIZE" "${CACHE[@]}"
pid=${PIDS[0]}

paths=("$@")
[ ${#paths[@]} = 0 ] && paths=("${UNCACHED_PATHS[@]}")
printf '%-80s %9s %12s %8s\n' path requests instructions bytes
for path in "${paths[@]}"; do
  url="http://127.0.0.1:$PORT$path"
  bytes=$(curl -fsS "$url" | wc -c)
  header=X-Bench:1
  if [ "${BENCH_NOT_MODIFIED:-0}" = 1 ]; then
    header="If-None-Match: $(etag_of "$url")"
    code=$(curl -sS -o /dev/null -w '%{http_code}' -H "$header" "$url")
    [ "$code" = 304 ] || die "$path answered its own ETag with $code, not 304"
    bytes=0
  fi
  # Warm: the term's posting is built, the connection pools filled.
  wrk -t1 -c1 -d1s --header="$header" "$url" >/dev/null
  callgrind_control -z "$pid" >/dev/null 2>&1
  callgrind_control -i on "$pid" >/dev/null 2>&1
  requests=$(wrk -t1 -c1 -d"${SECONDS_EACH}s" --header="$header" "$url" | awk '/requests in/ { print $1 }')
  callgrind_control -i off "$pid" >/dev/null 2>&1
  callgrind_control -d "$pid" >/dev/null 2>&1
  out=$(ls -t "$WORK"/callgrind.out.* | head -1)
  total=$(awk '/^totals:/ { print $2 }' "$out")
  [ -n "${BENCH_KEEP:-}" ] && mkdir -p "$BENCH_KEEP" && cp "$out" "$BENCH_KEEP/$(echo "$path" | tr -c 'a-zA-Z0-9' _ | cut -c1-80).out"
  rm -f "$out"
  awk -v p="$path" -v r="$requests" -v t="$total" -v b="$bytes" \
    'BEGIN { printf "%-80s %9d %12.0f %8d\n", p, r, t / r, b }'
done
