#!/usr/bin/env bash
# The cached path of the public catalogue against nginx (issue 11; see
# docs/benchmarks.md): `GET /api/v1/benefits?limit=20` on the demo data,
# answered from the response cache, against nginx serving the same bytes
# as a static file — without compression, and with compression negotiated
# as a browser does (nginx serves the same gzip bytes with gzip_static) —
# and the 304 answer to If-None-Match (beside nginx's own 304 of the file),
# and nginx's empty 204: the most one wrk thread drives against any server
# (the ceiling). With 2+ cores the servers and nginx run pinned to core 0 and
# wrk (-t1) to core 1, one at a time.
#
# Settings: BENCH_DURATION [5] seconds per wrk run, BENCH_REPEATS [5]
# alternating rounds, BENCH_CONNECTIONS [64].
# Raw results: bench-results/cached-<timestamp>.tsv (and .md, the table).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
if [ "$(nproc)" -ge 2 ]; then
  export BENCH_PIN_SERVER="taskset -c 0" BENCH_PIN_LOAD="taskset -c 1"
fi
source bench/lib.sh

DURATION=${BENCH_DURATION:-5}
REPEATS=${BENCH_REPEATS:-5}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
SERVER_LOG=warn
NGINX_WORKERS=1
LIST=/api/v1/benefits?limit=20
# What Chromium sends.
BROWSER="gzip, deflate, br, zstd"

command -v taskset >/dev/null || apt_install util-linux
bench_setup
say "building linan (release)"
cargo build --release --locked -p linan-backend --bin linan
LINAN=$PWD/target/release/linan

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p bench-results
TSV=bench-results/cached-$STAMP.tsv
MD=bench-results/cached-$STAMP.md
WORK=$(mktemp -d /tmp/linan-bench.XXXXXX)
chmod 755 "$WORK" # nginx's workers run as nobody
trap 'stop_servers; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

DB_URL="sqlite://$WORK/demo.sqlite?mode=rwc"
NO_DEMO=false start_linan cached
linan=http://127.0.0.1:$PORT$LIST
mkdir -p "$WORK/www"
curl -fsS -o "$WORK/www/list.json" "$linan"
curl -fsS -H "Accept-Encoding: gzip" -o "$WORK/www/list.json.gz" "$linan"
gzip -t "$WORK/www/list.json.gz" || die "the gzip answer is not gzip"
coding=$(curl -fsS -D - -o /dev/null -H "Accept-Encoding: $BROWSER" "$linan" | tr -d '\r' |
  awk 'tolower($1) == "content-encoding:" { print $2 }')
[ "$coding" = br ] || die "a browser's Accept-Encoding was answered with '$coding', not br"
start_nginx
nginx=http://127.0.0.1:$PORT/list.json
curl -fsS "$nginx" | cmp -s - "$WORK/www/list.json" || die "nginx serves other bytes"
curl -fsS -H "Accept-Encoding: gzip" "$nginx" | cmp -s - "$WORK/www/list.json.gz" || die "nginx serves other gzip bytes"
etag=$(etag_of "$linan")
code=$(curl -sS -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$linan")
[ "$code" = 304 ] || die "If-None-Match answered $code, not 304"
say "list page $(wc -c <"$WORK/www/list.json") bytes, gzip $(wc -c <"$WORK/www/list.json.gz"); ETag $etag"
# nginx's own 304 for the same file: the same-sized answer from the fastest server
# here, so it shows how far the one wrk thread can go on tiny answers.
nginx_etag=$(etag_of "$nginx")
code=$(curl -sS -o /dev/null -w '%{http_code}' -H "If-None-Match: $nginx_etag" "$nginx")
[ "$code" = 304 ] || die "nginx answered If-None-Match with $code, not 304"
# The ceiling: nginx's 204 without a file or a body, the cheapest answer any
# server gives. What one wrk thread drives there bounds every ratio above it.
ceiling=http://127.0.0.1:$PORT/empty
code=$(curl -sS -o /dev/null -w '%{http_code}' "$ceiling")
[ "$code" = 204 ] || die "nginx's /empty answered $code, not 204"

# name, URL, header: nginx and our server alternate within every round.
names=(nginx_plain cached_plain not_modified_plain nginx_gzip cached_gzip cached_browser_br not_modified_browser
  nginx_not_modified ceiling)
urls=("$nginx" "$linan" "$linan" "$nginx" "$linan" "$linan" "$linan" "$nginx" "$ceiling")
headers=("X-Bench: 1" "X-Bench: 1" "If-None-Match: $etag" "Accept-Encoding: gzip" "Accept-Encoding: gzip"
  "Accept-Encoding: $BROWSER" "If-None-Match: $etag" "If-None-Match: $nginx_etag" "X-Bench: 1")
extra=("" "" "" "" "" "" "Accept-Encoding: $BROWSER" "" "")
printf 'path\trep\trps\tp50_ms\tp99_ms\tbad_status\tsocket_errors\n' >"$TSV"
for i in "${!names[@]}"; do # warm-up, not recorded
  run_wrk "${urls[$i]}" 2 1 "$CONNECTIONS" "--header=${headers[$i]}" ${extra[$i]:+"--header=${extra[$i]}"} >/dev/null
done
for rep in $(seq 1 "$REPEATS"); do
  for i in "${!names[@]}"; do
    read -r rps p50 p99 bad errs < <(run_wrk "${urls[$i]}" "$DURATION" 1 "$CONNECTIONS" \
      "--header=${headers[$i]}" ${extra[$i]:+"--header=${extra[$i]}"})
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "${names[$i]}" "$rep" "$rps" "$p50" "$p99" "$bad" "$errs" >>"$TSV"
    printf '  %-22s rep %s: %10s req/s  p50 %7s ms  p99 %7s ms  bad %s  errors %s\n' \
      "${names[$i]}" "$rep" "$rps" "$p50" "$p99" "$bad" "$errs"
  done
done

{
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'); $(date -u '+%Y-%m-%d %H:%M UTC'); load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "servers: ${BENCH_PIN_SERVER:-not pinned}; wrk: ${BENCH_PIN_LOAD:-not pinned} -t1 -c$CONNECTIONS -d${DURATION}s; median of $REPEATS alternating rounds"
  echo
  echo "| path | req/s | ratio | p50 ms | p99 ms |"
  echo "|---|---:|---|---:|---:|"
  python3 - "$TSV" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
med = lambda path, col: statistics.median(float(r[col]) for r in rows if r["path"] == path)
base = {"plain": "nginx_plain", "gzip": "nginx_gzip"}
against = {
    "cached_plain": ("nginx_plain", "× nginx"), "not_modified_plain": ("cached_plain", "× cached page"),
    "cached_gzip": ("nginx_gzip", "× nginx (same gzip bytes)"),
    "cached_browser_br": ("nginx_gzip", "× nginx gzip (brotli, smaller)"),
    "not_modified_browser": ("cached_browser_br", "× cached page"),
    "nginx_not_modified": ("nginx_plain", "× nginx page (nginx's own 304)"),
    "ceiling": ("cached_plain", "× cached page (the most any 304 can show here)"),
}
for path in dict.fromkeys(r["path"] for r in rows):
    rps = med(path, "rps")
    bad = sum(int(r["bad_status"]) + int(r["socket_errors"]) for r in rows if r["path"] == path)
    ratio = f"{rps / med(against[path][0], 'rps'):.2f} {against[path][1]}" if path in against else "baseline"
    note = f" ({bad} bad)" if bad else ""
    print(f"| {path} | {rps:.0f}{note} | {ratio} | {med(path, 'p50_ms'):.2f} | {med(path, 'p99_ms'):.2f} |")
PY
} | tee "$MD"
say "raw results: $TSV; table: $MD"
