# Shared helpers of scripts/run.sh and scripts/test.sh (sourced, not run).
# Each helper installs what is missing, so a fresh machine needs nothing by hand.

say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# Stops the processes $@: TERM, up to 5 s each to exit, then KILL.
stop_pids() {
  local pid
  for pid in "$@"; do kill "$pid" 2>/dev/null || true; done
  for pid in "$@"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
}

# Runs a command as root (directly, or through sudo when available).
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root for: $*"; fi
}

# Installs Debian packages that are missing (apt-get update once).
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing Debian packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Makes sure cargo is on PATH and the wasm target is installed.
ensure_rust() {
  [ -d "$HOME/.cargo/bin" ] && export PATH="$HOME/.cargo/bin:$PATH"
  command -v cargo >/dev/null || die "Rust is not installed (https://rustup.rs); this project needs Rust 1.95"
  if command -v rustup >/dev/null && ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

# Starts the local PostgreSQL cluster if it is installed but not running.
# Returns non-zero if PostgreSQL cannot be reached on 127.0.0.1:5432.
ensure_postgres() {
  command -v pg_isready >/dev/null || apt_install postgresql-client || true
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then return 0; fi
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    say "starting PostgreSQL"
    as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    for _ in $(seq 1 30); do
      pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && return 0
      sleep 1
    done
  fi
  return 1
}

# The wasm-bindgen version pinned in Cargo.lock.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

# Installs wasm-bindgen-cli (with wasm-bindgen-test-runner) at exactly the
# Cargo.lock version into .tools/. Not --locked: the CLI's own lock file names
# a transitive version that is no longer on crates.io.
ensure_wasm_bindgen() {
  ensure_rust
  local want; want="$(wasm_bindgen_version)"
  [ -n "$want" ] || die "wasm-bindgen is not in Cargo.lock"
  if [ -x .tools/bin/wasm-bindgen ] && [ "$(.tools/bin/wasm-bindgen --version | awk '{print $2}')" = "$want" ]; then
    return 0
  fi
  say "installing wasm-bindgen-cli $want into .tools/ (once)"
  cargo install wasm-bindgen-cli --version "$want" --root .tools --force
}

# Installs the frontend's npm tools (wasm-opt, esbuild, zopfli, playwright-core) from the lock file.
ensure_frontend_npm() {
  command -v npm >/dev/null || apt_install nodejs npm
  if [ ! -x frontend/node_modules/.bin/wasm-opt ] || [ ! -x frontend/node_modules/.bin/esbuild ] || [ ! -d frontend/node_modules/@gfx/zopfli ] || [ frontend/package-lock.json -nt frontend/node_modules/.package-lock.json ]; then
    say "installing the frontend's npm tools (npm ci)"
    (cd frontend && npm ci --no-audit --no-fund)
  fi
}

# Installs Debian's headless Chromium and its WebDriver for the browser tests.
ensure_chromium() {
  # The CJK font makes Chinese legible in the screenshots the tests save.
  apt_install chromium chromium-driver fonts-wqy-microhei
}

# Installs schemathesis at the version pinned in scripts/schemathesis-requirements.txt
# into a virtual environment in .tools/schemathesis (reinstalled when the pin changes).
ensure_schemathesis() {
  local venv=.tools/schemathesis want
  want="$(cat scripts/schemathesis-requirements.txt)"
  if [ -x "$venv/bin/st" ] && [ "$(cat "$venv/pinned" 2>/dev/null)" = "$want" ]; then return 0; fi
  command -v python3 >/dev/null || apt_install python3 python3-venv
  say "installing schemathesis ($want) into $venv"
  rm -rf "$venv"
  python3 -m venv "$venv" || { apt_install python3-venv && python3 -m venv "$venv"; }
  "$venv/bin/pip" install -q --disable-pip-version-check -r scripts/schemathesis-requirements.txt
  printf '%s' "$want" >"$venv/pinned"
}
