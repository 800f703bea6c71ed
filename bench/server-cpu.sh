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
# bottleneck. nginx (one worker, on core 0 too) is measured the same way on
# the same bytes as a file, its 304 of that file and its empty 204: the
# cheapest answer any server gives, so its kernel time is the floor.
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
chmod 755 "$WORK" # nginx's worker runs as nobody
trap 'stop_servers; rm -rf "$WORK"' EXIT
start_seeded_model "$SIZE"
linan_pid=${PIDS[0]}
url="http://127.0.0.1:$PORT/api/v1/benefits?limit=20"
etag=$(etag_of "$url")
[ -n "$etag" ] || die "the list page has no ETag"
mkdir -p "$WORK/www"
curl -fsS -o "$WORK/www/list.json" "$url"
NGINX_WORKERS=1 start_nginx
nginx=http://127.0.0.1:$PORT
nginx_pid=$(pgrep -P "${PIDS[1]}" | head -1)
[ -n "$nginx_pid" ] || die "nginx has no worker"
nginx_etag=$(etag_of "$nginx/list.json")
TICK=$(getconf CLK_TCK)

# Loads URL with HEADER and prints one row for the process PID as ANSWER.
measure() {
  local answer=$1 rep=$2 pid=$3 url=$4 header=$5 user0 kernel0 user1 kernel1 requests perf_pid
  perf stat -x, -e task-clock,context-switches,syscalls:sys_enter_getrandom -p "$pid" -o "$WORK/perf.csv" &
  perf_pid=$!
  # The process's user and kernel time so far, in clock ticks.
  read -r user0 kernel0 < <(awk '{ print $14, $15 }' "/proc/$pid/stat")
  requests=$($PIN_LOAD wrk -t1 -c64 -d"${DURATION}s" --header="$header" "$url" | awk '/requests in/ { print $1 }')
  read -r user1 kernel1 < <(awk '{ print $14, $15 }' "/proc/$pid/stat")
  kill -INT "$perf_pid"
  wait "$perf_pid" || true
  awk -F, -v a="$answer" -v r="$rep" -v n="$requests" -v s="$DURATION" -v t="$TICK" \
    -v u=$((user1 - user0)) -v k=$((kernel1 - kernel0)) '
    $3 == "task-clock" { ms = $1 } $3 == "context-switches" { cs = $1 } $3 ~ /getrandom/ { gr = $1 }
    END {
      printf "%-11s %4d %10.0f %14.2f %10.2f %10.2f %16.3f %14.3f\n", a, r, n / s, ms * 1000 / n,
        u / t * 1e6 / n, k / t * 1e6 / n, cs / n, gr / n
    }' "$WORK/perf.csv"
}

printf '%-11s %4s %10s %14s %10s %10s %16s %14s\n' answer rep "req/s" "CPU us/req" "user us" "kernel us" \
  "switches/req" "getrandom/req"
for rep in $(seq 1 "$REPEATS"); do
  measure page "$rep" "$linan_pid" "$url" X-Bench:1
  measure br "$rep" "$linan_pid" "$url" "Accept-Encoding: gzip, deflate, br, zstd"
  measure 304 "$rep" "$linan_pid" "$url" "If-None-Match: $etag"
  measure nginx-page "$rep" "$nginx_pid" "$nginx/list.json" X-Bench:1
  measure nginx-304 "$rep" "$nginx_pid" "$nginx/list.json" "If-None-Match: $nginx_etag"
  measure nginx-204 "$rep" "$nginx_pid" "$nginx/empty" X-Bench:1
done
