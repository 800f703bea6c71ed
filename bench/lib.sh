# Shell helpers of the benchmarks (sourced by bench/run.sh and bench/cached.sh
# after scripts/lib.sh): servers started in the background are recorded in
# PIDS and stopped by stop_servers; $WORK is the run's scratch folder.
# BENCH_PIN_SERVER, when set (e.g. "taskset -c 0"), prefixes every server
# and nginx; BENCH_PIN_LOAD prefixes wrk.

PIDS=()
SERVER_LOG=${SERVER_LOG:-warn}

# The catalogue's paths measured without the response cache (bench/run.sh,
# bench/instructions.sh): a filter, searches, nearest and eligibility.
UNCACHED_NAMES=(filtered search_2ch search_park search_3ch search_en search_and nearest nearest_radius eligible)
UNCACHED_PATHS=(
  "/api/v1/benefits?district=nanhai&category=scenic_discount&limit=20"
  "/api/v1/benefits?q=%E5%8C%BB%E9%99%A2&limit=20"                          # 医院
  "/api/v1/benefits?q=%E5%85%AC%E5%9B%AD&limit=20"                          # 公园
  "/api/v1/benefits?q=%E5%8D%9A%E7%89%A9%E9%A6%86&limit=20"                 # 博物馆
  "/api/v1/benefits?q=MUSEUM&limit=20"                                      # English, other case
  "/api/v1/benefits?q=%E5%85%8D%E8%B4%B9%20%E5%85%AC%E5%9B%AD&limit=20"     # 免费 公园 (AND)
  "/api/v1/benefits?near=23.1291,113.2644&sort=nearest&limit=20"
  "/api/v1/benefits?near=23.1291,113.2644&radius_km=3&sort=nearest&limit=20"
  "/api/v1/benefits?scheme=liwan_talent&tier=B&limit=20"
)

# Installs what every benchmark needs (nginx, wrk, curl, the toolchain) and
# records the load average before it starts in LOAD_BEFORE.
bench_setup() {
  apt_install nginx wrk
  command -v curl >/dev/null || apt_install curl
  LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  ensure_rust
}
PIN_SERVER=${BENCH_PIN_SERVER:-}
PIN_LOAD=${BENCH_PIN_LOAD:-}

stop_servers() {
  stop_pids "${PIDS[@]}"
  PIDS=()
}

# A free TCP port on 127.0.0.1 (bounded number of tries).
free_port() {
  local p
  for _ in $(seq 1 100); do
    p=$((20000 + RANDOM % 40000))
    [ -z "$(ss -Htln "sport = :$p")" ] && { echo "$p"; return 0; }
  done
  die "no free port found"
}

# Waits (at most READY_SECONDS, 30 s unless set) until URL answers 2xx.
wait_ready() {
  for _ in $(seq 1 $((${READY_SECONDS:-30} * 10))); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  die "$1 did not become ready (logs in $WORK)"
}

# The ETag header's value of URL's answer (empty when it has none).
etag_of() {
  curl -fsS -D - -o /dev/null "$1" | tr -d '\r' | awk 'tolower($1) == "etag:" { print $2 }'
}

# Runs wrk once: URL, seconds, threads, connections, extra args (headers).
# Prints "rps p50_ms p99_ms non2xx3xx socket_errors".
run_wrk() {
  local url=$1 secs=$2 threads=$3 conns=$4
  shift 4
  timeout $((secs + 30)) $PIN_LOAD wrk -t"$threads" -c"$conns" -d"${secs}s" --timeout 30s --latency "$@" "$url" |
    awk '
      function ms(v) {
        if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v
      }
      /Requests\/sec:/ { rps = $2 }
      $1 == "50%" { p50 = ms($2) }
      $1 == "99%" { p99 = ms($2) }
      /Non-2xx or 3xx responses:/ { bad = $NF }
      /Socket errors:/ { n = split($0, e, /[^0-9]+/); for (k = 1; k <= n; k++) errs += e[k] }
      END { printf "%.1f %.3f %.3f %d %d\n", rps, p50, p99, bad + 0, errs + 0 }'
}

# Starts nginx serving $WORK/www on its own port; sets PORT.
start_nginx() {
  local port conf=$WORK/nginx.conf
  port=$(free_port) || die "no free port"
  mkdir -p "$WORK/nginx-tmp"
  cat >"$conf" <<EOF
worker_processes ${NGINX_WORKERS:-auto};
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  keepalive_requests 1000000;
  client_body_temp_path $WORK/nginx-tmp/body;
  proxy_temp_path $WORK/nginx-tmp/proxy;
  fastcgi_temp_path $WORK/nginx-tmp/fastcgi;
  uwsgi_temp_path $WORK/nginx-tmp/uwsgi;
  scgi_temp_path $WORK/nginx-tmp/scgi;
  default_type application/json;
  # Serves list.json.gz, when there is one, to a client that takes gzip.
  gzip_static on;
  server {
    listen 127.0.0.1:$port;
    root $WORK/www;
    # The cheapest answer there is (no file, no body): what one wrk thread
    # can drive at most, whatever the server (bench/cached.sh's ceiling).
    location = /empty { return 204; }
  }
}
EOF
  $PIN_SERVER nginx -c "$conf" -e "$WORK/nginx-error.log" >"$WORK/nginx.log" 2>&1 &
  PIDS+=($!)
  wait_ready "http://127.0.0.1:$port/list.json"
  PORT=$port
}

# Starts `$LINAN serve` on $DB_URL, named $1, with extra environment ($2…)
# and RUST_LOG=$SERVER_LOG (no demo data unless NO_DEMO=false); sets PORT.
start_linan() {
  local name=$1 port
  shift
  port=$(free_port) || die "no free port"
  $PIN_SERVER env RUST_LOG="$SERVER_LOG" "$@" LINAN_DATABASE_URL="$DB_URL" LINAN_BIND="127.0.0.1:$port" LINAN_NO_DEMO="${NO_DEMO:-true}" \
    "$LINAN" serve >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  wait_ready "http://127.0.0.1:$port/readyz"
  PORT=$port
}

# Seeds $WORK/bench.sqlite with $1 synthetic benefits, starts `$LINAN serve`
# on it named "model" with extra environment ($2…), and waits (at most
# 4 minutes) for its read model; sets DB_URL and PORT.
start_seeded_model() {
  local size=$1
  shift
  DB_URL="sqlite://$WORK/bench.sqlite?mode=rwc"
  target/release/linan-bench-seed --database-url "$DB_URL" --count "$size"
  # The model's build is seen in its log line.
  start_linan model RUST_LOG="$SERVER_LOG,linan_backend::catalogue=info" "$@"
  for _ in $(seq 1 1200); do grep -q "built the catalogue's read model" "$WORK/model.log" && break; sleep 0.2; done
  grep -m1 "built the catalogue" "$WORK/model.log" | sed 's/\x1b\[[0-9;]*m//g' || die "no read model was built"
}
