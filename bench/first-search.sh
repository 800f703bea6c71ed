#!/usr/bin/env bash
# The cost of a search term's first search at N benefits (issue 11; see
# docs/benchmarks.md): the read model builds a term's posting the first time
# a search names it, on the request's thread. Seeds a SQLite file with N
# synthetic benefits, starts one `linan serve` with the response cache off,
# waits for its read model, then asks each term three times with curl and
# prints the first answer's time against the faster of the other two.
#   BENCH_SIZE [100000]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
source bench/lib.sh
bench_setup
cargo build --release --locked -p linan-backend --bin linan -p linan-bench --bin linan-bench-seed
LINAN=$PWD/target/release/linan
SIZE=${BENCH_SIZE:-100000}
WORK=$(mktemp -d /tmp/linan-first-search.XXXXXX)
trap 'stop_servers; rm -rf "$WORK"' EXIT
start_seeded_model "$SIZE" LINAN_RESPONSE_CACHE_ENTRIES=0
# Terms of one, two, three and four characters, common and rare, English,
# a term found nowhere and a query of many two-character terms.
terms=(的 湿地 公园 博物馆 祠堂免费 wetland Museum 龘靐 "免费 公园 医院 景区 门票 优惠 折扣 体检")
printf '%-40s %10s %10s\n' term "first ms" "then ms"
for term in "${terms[@]}"; do
  url="http://127.0.0.1:$PORT/api/v1/benefits?limit=20&q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$term")"
  times=()
  for _ in 1 2 3; do
    times+=("$(curl -fsS -o /dev/null -w '%{time_total}' "$url")")
  done
  awk -v t="$term" -v a="${times[0]}" -v b="${times[1]}" -v c="${times[2]}" \
    'BEGIN { printf "%-40s %10.2f %10.2f\n", t, a * 1000, (b < c ? b : c) * 1000 }'
done
echo "RSS after: $(awk '/^VmRSS/ { print $2 " " $3 }' "/proc/${PIDS[0]}/status")"
