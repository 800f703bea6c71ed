#!/usr/bin/env bash
# Two builds of `linan` side by side on the uncached catalogue paths, for a
# change measured against the binary before it in the same run (see
# docs/benchmarks.md): seeds one SQLite file with N synthetic benefits,
# starts both binaries on it with the response cache off, checks that they
# answer every path with the same bytes, then loads each path with wrk on 32
# connections and on one, alternating A and B, and prints the medians and
# B/A. Build A first and copy it away, e.g.
#   cp target/release/linan /tmp/linan-before   # then change, rebuild
#   bash bench/ab.sh /tmp/linan-before target/release/linan
#   BENCH_SIZE [10000]  BENCH_DURATION [3]  BENCH_REPEATS [3]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
source bench/lib.sh
[ $# -eq 2 ] || die "usage: bench/ab.sh BINARY_A BINARY_B"
A=$(realpath "$1")
B=$(realpath "$2")
[ -x "$A" ] && [ -x "$B" ] || die "both binaries must exist and be executable"
bench_setup
cargo build --release --locked -p linan-bench --bin linan-bench-seed
SIZE=${BENCH_SIZE:-10000}
DURATION=${BENCH_DURATION:-3}
REPEATS=${BENCH_REPEATS:-3}
WORK=$(mktemp -d /tmp/linan-ab.XXXXXX)
trap 'stop_servers; rm -rf "$WORK"' EXIT
DB_URL="sqlite://$WORK/bench.sqlite?mode=rwc"
target/release/linan-bench-seed --database-url "$DB_URL" --count "$SIZE"
LOG="RUST_LOG=$SERVER_LOG,linan_backend::catalogue=info"
LINAN=$A start_linan a "$LOG" LINAN_RESPONSE_CACHE_ENTRIES=0
port_a=$PORT
LINAN=$B start_linan b "$LOG" LINAN_RESPONSE_CACHE_ENTRIES=0
port_b=$PORT
# Both answer from their read models once built (seen in their logs).
for name in a b; do
  for _ in $(seq 1 1200); do grep -q "built the catalogue's read model" "$WORK/$name.log" && break; sleep 0.2; done
  grep -q "built the catalogue's read model" "$WORK/$name.log" || die "$name built no read model"
done
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
printf '%-22s %10s %10s %7s %9s %9s\n' path "A req/s" "B req/s" "B/A" "A p50 ms" "B p50 ms"
for k in "${!UNCACHED_NAMES[@]}"; do
  path=${UNCACHED_PATHS[$k]}
  cmp -s <(curl -fsS "http://127.0.0.1:$port_a$path") <(curl -fsS "http://127.0.0.1:$port_b$path") ||
    die "${UNCACHED_NAMES[$k]}: A and B answer with different bytes"
  for load in "2 32" "1 1"; do
    read -r threads conns <<<"$load"
    : >"$WORK/a" && : >"$WORK/b"
    for _ in $(seq 1 "$REPEATS"); do
      run_wrk "http://127.0.0.1:$port_a$path" "$DURATION" "$threads" "$conns" >>"$WORK/a"
      run_wrk "http://127.0.0.1:$port_b$path" "$DURATION" "$threads" "$conns" >>"$WORK/b"
    done
    name=${UNCACHED_NAMES[$k]}
    [ "$conns" = 1 ] && name+=_c1
    ra=$(cut -d' ' -f1 "$WORK/a" | median) rb=$(cut -d' ' -f1 "$WORK/b" | median)
    pa=$(cut -d' ' -f2 "$WORK/a" | median) pb=$(cut -d' ' -f2 "$WORK/b" | median)
    awk -v n="$name" -v ra="$ra" -v rb="$rb" -v pa="$pa" -v pb="$pb" \
      'BEGIN { printf "%-22s %10.0f %10.0f %6.2fx %9.3f %9.3f\n", n, ra, rb, rb / ra, pa, pb }'
  done
done
echo "load average: before ${LOAD_BEFORE}, after $(cut -d' ' -f1-3 /proc/loadavg)"
