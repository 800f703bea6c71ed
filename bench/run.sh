#!/usr/bin/env bash
# The catalogue benchmark (see docs/benchmarks.md).
#
# For each catalogue size and database: seeds a fresh database with the demo
# data plus N synthetic benefits (linan-bench-seed), starts two `linan serve`
# instances on it — one as configured by default (response cache on) and one
# with LINAN_RESPONSE_CACHE_ENTRIES=0 — and a throw-away nginx serving the
# list page's exact JSON bytes as a static file, then loads each path with
# wrk, round-robin, REPEATS times, and reports medians and ratios to nginx.
#
# Settings (environment variables, defaults in brackets):
#   BENCH_SIZES ["1000 10000 100000"]   synthetic benefits per run
#   BENCH_DATABASES ["sqlite postgres"]
#   BENCH_DURATION [5]    seconds per wrk run     BENCH_REPEATS [3]
#   BENCH_THREADS [2]     wrk threads             BENCH_CONNECTIONS [32]
#   BENCH_POSTGRES_URL [postgres://postgres@127.0.0.1:5432]  server, no database
#   BENCH_PROBE [1]       on PostgreSQL, count database transactions per request
#   BENCH_ANALYZE [0]     1: run ANALYZE on SQLite after seeding (PostgreSQL always is)
#   BENCH_RUST_LOG [warn] log filter of the linan servers (info logs every request;
#                         nginx runs with access_log off)
# Raw results: bench-results/<timestamp>.tsv (and .md, the printed table).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
source bench/lib.sh

SIZES=${BENCH_SIZES:-"1000 10000 100000"}
DATABASES=${BENCH_DATABASES:-"sqlite postgres"}
DURATION=${BENCH_DURATION:-5}
REPEATS=${BENCH_REPEATS:-3}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
PG_URL=${BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432}
PROBE=${BENCH_PROBE:-1}
ANALYZE=${BENCH_ANALYZE:-0}
SERVER_LOG=${BENCH_RUST_LOG:-warn}

# The measured paths. LIST is served by the instance with the response cache
# (cached_list, not_modified) and by nginx as a static file (nginx_static);
# the UNCACHED paths (bench/lib.sh) by the instance without it, each with 32
# connections and again with one (`_c1`: the time one request takes, without
# queueing).
LIST=/api/v1/benefits?limit=20

command -v psql >/dev/null || apt_install postgresql-client
bench_setup
say "building linan and linan-bench-seed (release)"
cargo build --release --locked -p linan-backend --bin linan -p linan-bench --bin linan-bench-seed
LINAN=$PWD/target/release/linan
SEED=$PWD/target/release/linan-bench-seed

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p bench-results
TSV=bench-results/$STAMP.tsv
MD=bench-results/$STAMP.md
WORK=$(mktemp -d /tmp/linan-bench.XXXXXX)
chmod 755 "$WORK" # nginx's workers run as nobody
PG_DB=""

drop_pg_db() {
  [ -n "$PG_DB" ] && psql -q "$PG_URL/postgres" -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true
  PG_DB=""
}

cleanup() {
  stop_servers
  drop_pg_db
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# CPU ticks (1/100 s) the servers we started have used so far.
cpu_ticks() {
  local t=0 pid f
  for pid in "${PIDS[@]}"; do
    f=($(cut -d' ' -f14,15 "/proc/$pid/stat" 2>/dev/null)) || continue
    t=$((t + ${f[0]:-0} + ${f[1]:-0}))
  done
  echo "$t"
}

# Queries running in the benchmark's PostgreSQL database (0 without one).
pg_busy() {
  if [ -z "$PG_DB" ]; then echo 0; return; fi
  psql -Atq "$PG_URL/postgres" -c "SELECT count(*) FROM pg_stat_activity WHERE datname = '$PG_DB' AND state = 'active'"
}

# Waits (at most 30 s) until the servers and the database are idle: requests
# wrk gave up on may still be running, and would slow the next measurement.
settle() {
  local a b
  for _ in $(seq 1 60); do
    a=$(cpu_ticks)
    sleep 0.5
    b=$(cpu_ticks)
    [ $((b - a)) -le 5 ] && [ "$(pg_busy)" = 0 ] && return 0
  done
  say "warning: the servers did not become idle"
}

# Transactions committed in the PostgreSQL database so far (stats lag ≤ ~10 s).
pg_xacts() {
  psql -Atq "$PG_URL/postgres" -c "SELECT xact_commit FROM pg_stat_database WHERE datname = '$PG_DB'"
}

printf 'size\tdb\tpath\trep\trps\tp50_ms\tp99_ms\tbad_status\tsocket_errors\n' >"$TSV"
: >"$WORK/probes"

for size in $SIZES; do
  for db in $DATABASES; do
    case $db in
      sqlite) DB_URL="sqlite://$WORK/bench-$size.sqlite?mode=rwc" ;;
      postgres)
        ensure_postgres || die "PostgreSQL is not reachable at $PG_URL"
        PG_DB=linan_bench_$size
        psql -q "$PG_URL/postgres" -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null
        psql -q "$PG_URL/postgres" -c "CREATE DATABASE $PG_DB" >/dev/null
        DB_URL="$PG_URL/$PG_DB"
        ;;
      *) die "unknown database $db (sqlite or postgres)" ;;
    esac
    say "$size benefits on $db: seeding"
    seed_args=(--database-url "$DB_URL" --count "$size")
    [ "$ANALYZE" = 1 ] && seed_args+=(--analyze)
    "$SEED" "${seed_args[@]}" | tee "$WORK/seed-$size-$db.txt"

    start_linan "cached-$size-$db"
    cached=$PORT
    start_linan "nocache-$size-$db" LINAN_RESPONSE_CACHE_ENTRIES=0 RUST_LOG="$SERVER_LOG,linan_backend::catalogue=info"
    nocache=$PORT
    nocache_pid=${PIDS[${#PIDS[@]}-1]}
    mkdir -p "$WORK/www"
    curl -fsS -o "$WORK/www/list.json" "http://127.0.0.1:$cached$LIST"
    start_nginx
    static=$PORT
    curl -fsS "http://127.0.0.1:$static/list.json" | cmp -s - "$WORK/www/list.json" || die "nginx serves other bytes"
    etag=$(etag_of "http://127.0.0.1:$cached$LIST")
    [ -n "$etag" ] || die "the list page has no ETag"
    code=$(curl -sS -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "http://127.0.0.1:$cached$LIST")
    [ "$code" = 304 ] || die "If-None-Match answered $code, not 304"
    bytes=$(wc -c <"$WORK/www/list.json")
    say "$size on $db: list page $bytes bytes, ETag $etag; loading for ${DURATION}s × $REPEATS per path"

    T=$THREADS C=$CONNECTIONS
    names=(nginx_static cached_list not_modified)
    urls=("http://127.0.0.1:$static/list.json" "http://127.0.0.1:$cached$LIST" "http://127.0.0.1:$cached$LIST")
    headers=(--header=X-Bench:1 --header=X-Bench:1 "--header=If-None-Match: $etag")
    threads=("$T" "$T" "$T")
    conns=("$C" "$C" "$C")
    for conn in "$C" 1; do
      for k in "${!UNCACHED_NAMES[@]}"; do
        suffix=""
        [ "$conn" = 1 ] && suffix=_c1
        names+=("uncached_${UNCACHED_NAMES[$k]}$suffix")
        urls+=("http://127.0.0.1:$nocache${UNCACHED_PATHS[$k]}")
        headers+=(--header=X-Bench:1)
        if [ "$conn" = 1 ]; then threads+=(1); else threads+=("$T"); fi
        conns+=("$conn")
      done
    done
    # Every path answers 200 before it is measured.
    for i in "${!urls[@]}"; do
      [ "$i" = 2 ] && continue
      code=$(curl -sS -o /dev/null -w '%{http_code}' "${urls[$i]}")
      [ "$code" = 200 ] || die "${names[$i]} answered $code: ${urls[$i]}"
    done
    # The read model of the uncached instance is built once the version is
    # read; wait for its log line so the model, not SQL, is measured.
    for _ in $(seq 1 600); do
      grep -q "built the catalogue's read model" "$WORK/nocache-$size-$db.log" && break
      sleep 0.1
    done
    grep -m1 "built the catalogue's read model" "$WORK/nocache-$size-$db.log" | tee -a "$WORK/models" || say "warning: no read model built"
    # Warm-up: fills caches and the database's buffer pool, not recorded.
    for i in "${!urls[@]}"; do
      [ "${conns[$i]}" = 1 ] && continue
      run_wrk "${urls[$i]}" 2 "$T" "$C" "${headers[$i]}" >/dev/null
      settle
    done
    # Round-robin, so drift of the (noisy) machine hits every path alike.
    for rep in $(seq 1 "$REPEATS"); do
      for i in "${!names[@]}"; do
        settle
        read -r rps p50 p99 bad errs < <(run_wrk "${urls[$i]}" "$DURATION" "${threads[$i]}" "${conns[$i]}" "${headers[$i]}")
        [ -n "$rps" ] || die "wrk failed against ${urls[$i]}"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$db" "${names[$i]}" "$rep" "$rps" "$p50" "$p99" "$bad" "$errs" >>"$TSV"
        printf '  %-18s rep %s: %10s req/s  p50 %8s ms  p99 %8s ms  bad %s  errors %s\n' "${names[$i]}" "$rep" "$rps" "$p50" "$p99" "$bad" "$errs"
      done
    done

    if [ "$db" = postgres ] && [ "$PROBE" = 1 ]; then
      # Database transactions per request: every statement outside an explicit
      # transaction commits one. The 1 Hz version poll of both instances is
      # the floor. Sleeps let PostgreSQL flush its (lazily reported) counters.
      sleep 11
      x0=$(pg_xacts)
      for i in 2 3; do
        read -r rps _ < <(run_wrk "${urls[$i]}" 3 "$T" "$C" "${headers[$i]}")
        sleep 11
        x1=$(pg_xacts)
        n=$(awk -v r="$rps" 'BEGIN { printf "%d", r * 3 }')
        printf '%s\t%s\t%s\t%s\n' "$size" "${names[$i]}" "$n" "$((x1 - x0))" >>"$WORK/probes"
        say "probe ${names[$i]}: ~$n requests, $((x1 - x0)) database transactions"
        x0=$x1
      done
    fi

    # Memory of the uncached instance after the load: its read model, pool and buffers.
    printf '%s\t%s\t%s\n' "$size" "$db" "$(awk '/^VmRSS/ { print $2 " " $3 }' "/proc/$nocache_pid/status")" >>"$WORK/rss"
    errors=$(cat "$WORK"/*cache-"$size-$db".log | grep -c ERROR || true)
    [ "$errors" = 0 ] || say "the servers logged $errors errors, e.g.: $(cat "$WORK"/*cache-"$size-$db".log | grep -m1 ERROR | cut -c1-300)"
    stop_servers
    rm -rf "$WORK/www" "$WORK"/bench-*.sqlite*
    [ "$db" = postgres ] && drop_pg_db
  done
done

# Medians per (size, db, path), ratios to nginx in the same (size, db) run.
{
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'); $(date -u '+%Y-%m-%d %H:%M UTC'); load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "wrk -t$THREADS -c$CONNECTIONS (*_c1: -t1 -c1) -d${DURATION}s, median of $REPEATS runs; RUST_LOG=$SERVER_LOG; BENCH_ANALYZE=$ANALYZE"
  echo
  echo "| benefits | db | path | req/s | × nginx | p50 ms | p99 ms |"
  echo "|---:|---|---|---:|---:|---:|---:|"
  python3 - "$TSV" <<'EOF'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
groups = {}
for r in rows:
    groups.setdefault((int(r["size"]), r["db"], r["path"]), []).append(r)
uncached = ["filtered", "search_2ch", "search_park", "search_3ch", "search_en", "search_and", "nearest",
            "nearest_radius", "eligible"]
order = (["nginx_static", "cached_list", "not_modified"] + [f"uncached_{n}" for n in uncached]
         + [f"uncached_{n}_c1" for n in uncached])
for (size, db) in sorted({(k[0], k[1]) for k in groups}, key=lambda k: (k[0], k[1] != "sqlite")):
    base = statistics.median(float(r["rps"]) for r in groups.get((size, db, "nginx_static"), [{"rps": "nan"}]))
    for path in order:
        g = groups.get((size, db, path))
        if not g:
            continue
        rps = statistics.median(float(r["rps"]) for r in g)
        p50 = statistics.median(float(r["p50_ms"]) for r in g)
        p99 = statistics.median(float(r["p99_ms"]) for r in g)
        bad = sum(int(r["bad_status"]) + int(r["socket_errors"]) for r in g)
        note = f" ({bad} bad)" if bad else ""
        ratio = "–" if path.endswith("_c1") else f"{rps / base:.2f}"
        print(f"| {size} | {db} | {path} | {rps:.0f}{note} | {ratio} | {p50:.2f} | {p99:.2f} |")
sizes = sorted({k[0] for k in groups})
if len(sizes) > 1:
    lo, hi = sizes[0], sizes[-1]
    print(f"\n| db | path | p50 ms at {lo} | p50 ms at {hi} | growth |")
    print("|---|---|---:|---:|---:|")
    for db in sorted({k[1] for k in groups}, key=lambda d: d != "sqlite"):
        for path in order:
            a, b = groups.get((lo, db, path)), groups.get((hi, db, path))
            if a and b:
                pa = statistics.median(float(r["p50_ms"]) for r in a)
                pb = statistics.median(float(r["p50_ms"]) for r in b)
                print(f"| {db} | {path} | {pa:.2f} | {pb:.2f} | {pb / pa:.2f}× |")
EOF
  if [ -s "$WORK/probes" ]; then
    echo
    echo "| benefits | path (PostgreSQL) | requests | db transactions |"
    echo "|---:|---|---:|---:|"
    awk -F'\t' '{ printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4 }' "$WORK/probes"
  fi
  if [ -s "$WORK/rss" ]; then
    echo
    echo "| benefits | db | RSS of the uncached instance after the load |"
    echo "|---:|---|---:|"
    awk -F'\t' '{ printf "| %s | %s | %s |\n", $1, $2, $3 }' "$WORK/rss"
  fi
  if [ -s "$WORK/models" ]; then
    echo
    echo "Read models built:"
    sed 's/^/    /' "$WORK/models"
  fi
  echo
  echo "Seeded catalogues:"
  for f in "$WORK"/seed-*.txt; do [ -e "$f" ] && sed 's/^/    /' "$f"; done
} | tee "$MD"
say "raw results: $TSV; table: $MD"
