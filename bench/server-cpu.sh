#!/usr/bin/env bash
# What one cached page and one 304 cost the server in CPU time, kernel
# included (issue 11's 304 target; see docs/benchmarks.md): wrk loads the
# list page of an instance with the response cache plainly, with a browser's
# Accept-Encoding (brotli), and with its ETag in If-None-Match, alternating,
# pinned as bench/cached.sh pins (server on core 0, wrk -t1 -c64 on core 1),
# while `perf stat` counts the server's task clock, context switches and
# getrandom calls. Prints each per request, and the CPU time split into user
# space and kernel (from /proc/<pid>/stat): what the kernel spends on one
# request and one answer bounds how much cheaper a 304 can be than a page.
# Unlike req/s this does not depend on whether wrk or the server is the
# bottleneck.
#   BENCH_SIZE [1000]   BENCH_DURATION [5]   BENCH_REPEATS [3]
#   BENCH_LINAN [target/release/linan, built here; when set, nothing is built and
#               target/release/linan-bench-seed must exist]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
if [ "$(nproc)" -ge 2 ]; then
  export BENCH_PIN_SERVER="taskset -c 0" BENCH_PIN_LOAD="taskset -c 1"
fi
source bench/lib.sh
bench_setup
command -v perf >/dev/null || apt_install linux-perf
if [ -z "${BENCH_LINAN:-}" ]; then
  cargo build --release --locked -p linan-backend --bin linan -p linan-bench --bin linan-bench-seed
fi
LINAN=${BENCH_LINAN:-$PWD/target/release/linan}
SIZE=${BENCH_SIZE:-1000}
DURATION=${BENCH_DURATION:-5}
REPEATS=${BENCH_REPEATS:-3}
WORK=$(mktemp -d /tmp/linan-server-cpu.XXXXXX)
trap 'stop_servers; rm -rf "$WORK"' EXIT
start_seeded_model "$SIZE"
pid=${PIDS[0]}
url="http://127.0.0.1:$PORT/api/v1/benefits?limit=20"
etag=$(curl -fsS -D - -o /dev/null "$url" | tr -d '\r' | awk 'tolower($1) == "etag:" { print $2 }')
[ -n "$etag" ] || die "the list page has no ETag"
TICK=$(getconf CLK_TCK)
# The server's user and kernel time so far, in clock ticks.
cpu_ticks() { awk '{ print $14, $15 }' "/proc/$pid/stat"; }
printf '%-6s %4s %10s %14s %10s %10s %16s %14s\n' answer rep "req/s" "CPU us/req" "user us" "kernel us" \
  "switches/req" "getrandom/req"
for rep in $(seq 1 "$REPEATS"); do
  for answer in page br 304; do
    header=X-Bench:1
    [ "$answer" = br ] && header="Accept-Encoding: gzip, deflate, br, zstd"
    [ "$answer" = 304 ] && header="If-None-Match: $etag"
    perf stat -x, -e task-clock,context-switches,syscalls:sys_enter_getrandom -p "$pid" -o "$WORK/perf.csv" &
    perf_pid=$!
    read -r user0 kernel0 < <(cpu_ticks)
    requests=$($PIN_LOAD wrk -t1 -c64 -d"${DURATION}s" --header="$header" "$url" | awk '/requests in/ { print $1 }')
    read -r user1 kernel1 < <(cpu_ticks)
    kill -INT "$perf_pid"
    wait "$perf_pid" || true
    awk -F, -v a="$answer" -v r="$rep" -v n="$requests" -v s="$DURATION" -v t="$TICK" \
      -v u=$((user1 - user0)) -v k=$((kernel1 - kernel0)) '
      $3 == "task-clock" { ms = $1 } $3 == "context-switches" { cs = $1 } $3 ~ /getrandom/ { gr = $1 }
      END {
        printf "%-6s %4d %10.0f %14.2f %10.2f %10.2f %16.3f %14.3f\n", a, r, n / s, ms * 1000 / n,
          u / t * 1e6 / n, k / t * 1e6 / n, cs / n, gr / n
      }' "$WORK/perf.csv"
  done
done
