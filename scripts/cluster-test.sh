#!/usr/bin/env bash
# The cluster test: nginx on a loopback port in front of two
# `target/debug/linan serve` replicas on one fresh PostgreSQL database (the
# demo data set), as docs/operations.md ("Growth") sets them up. It checks
# (scripts/cluster-test.mjs) that a write through one replica is read through
# the other within LINAN_VERSION_POLL_MS, that throttling holds across them,
# and that killing one replica (SIGKILL) in the middle of a redemption load
# loses no acknowledged redemption — which it then verifies in the database,
# with the usage counters.
#
# Needs PostgreSQL (LINAN_TEST_POSTGRES_URL, a user that may create
# databases); installs nginx, psql and Node.js if missing. No root needed
# beyond that: nginx runs from a temporary folder on high ports. Everything
# it starts is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

admin_url="${LINAN_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
poll_ms=500
command -v nginx >/dev/null || apt_install nginx
command -v node >/dev/null || apt_install nodejs
command -v curl >/dev/null || apt_install curl
ensure_postgres || die "PostgreSQL is not reachable on 127.0.0.1:5432"
bin="$PWD/target/debug/linan"
[ -x "$bin" ] || cargo build --locked -p linan-backend --bin linan

tmp="$(mktemp -d)"
db="linan_cluster_$$_${RANDOM}"
url="${admin_url%/*}/$db"
pids=()
cleanup() {
  stop_pids "${pids[@]}"
  [ -f "$tmp/nginx.pid" ] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null || true
  psql "$admin_url" -qc "DROP DATABASE IF EXISTS \"$db\"" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

say "cluster: a fresh PostgreSQL database with the demo data set"
psql "$admin_url" -qc "CREATE DATABASE \"$db\"" >/dev/null
RUST_LOG=warn "$bin" seed-demo --database-url "$url" >/dev/null

port_a="$(free_port)"; port_b="$(free_port)"; port_lb="$(free_port)"
serve() { # NAME PORT
  LINAN_DATABASE_URL="$url" LINAN_BIND="127.0.0.1:$2" LINAN_NO_DEMO=true LINAN_TRUST_FORWARDED_FOR=true \
    LINAN_VERSION_POLL_MS="$poll_ms" LINAN_DB_MAX_CONNECTIONS=8 RUST_LOG=warn \
    "$bin" serve >"$tmp/$1.log" 2>&1 &
  pids+=("$!")
  disown "$!" # its SIGKILL below is expected: no job-control notice
}
serve a "$port_a"; pid_a="${pids[-1]}"
serve b "$port_b"; pid_b="${pids[-1]}"

mkdir -p "$tmp/nginx"
cat >"$tmp/nginx.conf" <<CONF
worker_processes 1;
pid $tmp/nginx.pid;
error_log $tmp/nginx/error.log;
$( [ "$(id -u)" = 0 ] && echo "user root;" )
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  # As deploy/nginx.conf, without TLS: loopback only.
  upstream linan {
    least_conn;
    server 127.0.0.1:$port_a max_fails=1 fail_timeout=5s;
    server 127.0.0.1:$port_b max_fails=1 fail_timeout=5s;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$port_lb;
    client_max_body_size 64m;
    gzip off;
    location / {
      proxy_pass http://linan;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_connect_timeout 2s;
      proxy_read_timeout 30s;
    }
  }
}
CONF
nginx -t -q -p "$tmp/nginx" -c "$tmp/nginx.conf"
nginx -p "$tmp/nginx" -c "$tmp/nginx.conf"

ready() { # URL
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$1/readyz" 2>/dev/null && return 0
    sleep 0.5
  done
  return 1
}
for p in "$port_a" "$port_b" "$port_lb"; do
  ready "http://127.0.0.1:$p" || { cat "$tmp"/a.log "$tmp"/b.log >&2; die "127.0.0.1:$p did not become ready"; }
done
say "cluster: nginx on 127.0.0.1:$port_lb in front of replicas on :$port_a and :$port_b (poll $poll_ms ms)"

out="$tmp/node.out"
set +e
LB="http://127.0.0.1:$port_lb" A="http://127.0.0.1:$port_a" B="http://127.0.0.1:$port_b" POLL_MS="$poll_ms" \
  PID_B="$pid_b" ACKED_FILE="$tmp/acked" node scripts/cluster-test.mjs | tee "$out"
set -e

# The database's word on the load: every acknowledged redemption is there,
# once, and the usage counters count exactly the redemptions.
q() { psql "$url" -Atqc "$1"; }
db_check() { # NAME ACTUAL EXPECTED
  if [ "$2" = "$3" ]; then echo "ok - $1 ($2)"; else echo "not ok - $1 (got $2, expected $3)"; fi | tee -a "$out"
}
if [ -s "$tmp/acked" ]; then
  offer="$(cat "$tmp/acked.offer")"
  ids="$(awk '{print $1}' "$tmp/acked" | sort -u | paste -sd, -)"
  acked="$(awk '{print $2}' "$tmp/acked" | sort -u | wc -l | tr -d ' ')"
  db_check "every acknowledged redemption is in the database" "$(q "SELECT COUNT(*) FROM redemption WHERE id IN ($ids)")" "$(awk '{print $1}' "$tmp/acked" | sort -u | wc -l | tr -d ' ')"
  db_check "one redemption per idempotency key, none unacknowledged" "$(q "SELECT COUNT(*) FROM redemption WHERE benefit_id = $offer")" "$acked"
  db_check "the daily stock counter counts them" "$(q "SELECT COALESCE(SUM(used), 0) FROM stock_usage WHERE benefit_id = $offer")" "$acked"
  db_check "the per-person counters count them" "$(q "SELECT COALESCE(SUM(used), 0) FROM quota_usage WHERE benefit_id = $offer")" "$acked"
else
  echo "not ok - no redemption was acknowledged" | tee -a "$out"
fi
kill -0 "$pid_a" 2>/dev/null && echo "ok - replica A still serves" | tee -a "$out" || echo "not ok - replica A died" | tee -a "$out"

passed=$(grep -c '^ok - ' "$out" || true)
failed=$(grep -c '^not ok - ' "$out" || true)
echo "cluster: ${passed} passed, ${failed} failed"
[ "$failed" = 0 ]
