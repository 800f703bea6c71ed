#!/usr/bin/env bash
# Sets up and runs the platform: builds the widget, the portal and the `linan`
# binary and serves the catalogue from an embedded SQLite file
# (data/linan.sqlite), loading the demo data set on first start. Open the
# printed URL: / is a demo district portal embedding the widget, /portal the
# merchant and admin portal. Extra arguments go to `linan serve`
# (see `linan serve --help`), e.g. `scripts/run.sh --bind 0.0.0.0:8080`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_rust
scripts/build-widget.sh
scripts/build-portal.sh
say "building linan (release)"
cargo build --release --locked -p linan-backend --bin linan
say "starting; stop with Ctrl-C"
exec ./target/release/linan serve "$@"
