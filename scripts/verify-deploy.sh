#!/usr/bin/env bash
# Checks the files in deploy/ with the tools that read them: the nginx
# example with `nginx -t` (against a throw-away self-signed certificate), the
# systemd unit with `systemd-analyze verify` (skipped where systemd is absent).
# Needs no root: nothing is installed into /etc.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

command -v nginx >/dev/null || apt_install nginx
command -v openssl >/dev/null || apt_install openssl
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

say "nginx -t on deploy/nginx.conf"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=linan.example.org \
  -keyout "$tmp/key.pem" -out "$tmp/cert.pem" 2>/dev/null
sed -e "s#/etc/letsencrypt/live/linan.example.org/fullchain.pem#$tmp/cert.pem#" \
    -e "s#/etc/letsencrypt/live/linan.example.org/privkey.pem#$tmp/key.pem#" deploy/nginx.conf >"$tmp/linan.conf"
cat >"$tmp/nginx.conf" <<CONF
pid $tmp/nginx.pid;
error_log $tmp/error.log;
events {}
http {
  access_log off;
  include $tmp/linan.conf;
}
CONF
nginx -t -q -p "$tmp" -c "$tmp/nginx.conf"

if command -v systemd-analyze >/dev/null; then
  say "systemd-analyze verify on deploy/linan.service"
  # The unit names the installed binary; verify it against this build's.
  bin="$PWD/target/debug/linan"
  [ -x "$bin" ] || cargo build --locked -p linan-backend --bin linan
  sed "s#/usr/local/bin/linan#$bin#g" deploy/linan.service >"$tmp/linan.service"
  systemd-analyze verify "$tmp/linan.service"
  systemd-analyze security --offline=yes "$tmp/linan.service" | tail -1
else
  printf '\033[1;33mwarning:\033[0m systemd-analyze is absent: deploy/linan.service not verified\n' >&2
fi
say "deploy/ files verified"
