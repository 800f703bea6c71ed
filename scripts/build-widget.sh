#!/usr/bin/env bash
# Builds the embeddable widget into frontend/dist/, which the backend serves
# under /widget/:
#   linan-benefits.js              the loader (stable URL; defines <linan-benefits>)
#   linan_widget.<hash>.js         wasm-bindgen glue (immutable)
#   linan_widget_bg.<hash>.wasm    the Yew app, size-optimised (immutable)
#   manifest.json                  file names and gzip sizes
# Installs what is missing: the wasm32 target, wasm-bindgen-cli at exactly the
# version in Cargo.lock (into .tools/), and binaryen's wasm-opt from npm
# (pinned by frontend/package-lock.json). Honours CARGO_TARGET_DIR (default
# target/), so a second build directory can keep off the shared cargo lock.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_rust
ensure_wasm_bindgen
ensure_frontend_npm

say "compiling the widget (wasm32, size-optimised profile)"
cargo build --locked -p linan-frontend --lib --target wasm32-unknown-unknown --profile wasm-release

target_dir="${CARGO_TARGET_DIR:-target}"
work="$target_dir/widget-build"
dist="frontend/dist"
rm -rf "$work" && mkdir -p "$work"
.tools/bin/wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-dir "$work" --out-name linan_widget "$target_dir/wasm32-unknown-unknown/wasm-release/linan_frontend.wasm"

say "optimising with wasm-opt"
# The features rustc enables by default for wasm32-unknown-unknown; wasm-bindgen
# strips the target_features section, so they are named here. What is sent is
# gzipped, and -Oz does not always give the smallest *gzipped* module (here -O1
# did, by ~5 KB), so both are tried and the smaller gzip wins.
best=""
for level in -O1 -Oz; do
  frontend/node_modules/.bin/wasm-opt "$level" \
    --enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-reference-types --enable-multivalue \
    "$work/linan_widget_bg.wasm" -o "$work/candidate$level.wasm"
  size=$(gzip -9 -c "$work/candidate$level.wasm" | wc -c)
  echo "  wasm-opt $level: $size bytes gzip"
  if [ -z "$best" ] || [ "$size" -lt "$best" ]; then best=$size; cp "$work/candidate$level.wasm" "$work/linan_widget_bg.opt.wasm"; fi
done

hash_of() { sha256sum "$1" | cut -c1-12; }
wasm_name="linan_widget_bg.$(hash_of "$work/linan_widget_bg.opt.wasm").wasm"
cp "$work/linan_widget_bg.opt.wasm" "$work/$wasm_name"
# The glue names its wasm file; point it at the hashed one. The loader passes
# the URL explicitly too, so this is only the glue's fallback.
sed -i "s/linan_widget_bg\.wasm/$wasm_name/g" "$work/linan_widget.js"
glue_name="linan_widget.$(hash_of "$work/linan_widget.js").js"
cp "$work/linan_widget.js" "$work/$glue_name"
sed -e "s/__GLUE__/$glue_name/g" -e "s/__WASM__/$wasm_name/g" frontend/loader/linan-benefits.js > "$work/linan-benefits.js"

rm -rf "$dist" && mkdir -p "$dist"
cp "$work/linan-benefits.js" "$work/$glue_name" "$work/$wasm_name" "$dist/"
gz() { gzip -9 -c "$1" | wc -c; }
loader_gz=$(gz "$dist/linan-benefits.js"); glue_gz=$(gz "$dist/$glue_name"); wasm_gz=$(gz "$dist/$wasm_name")
total=$((loader_gz + glue_gz + wasm_gz))
cat > "$dist/manifest.json" <<JSON
{
  "loader": "linan-benefits.js",
  "glue": "$glue_name",
  "wasm": "$wasm_name",
  "gzip_bytes": { "loader": $loader_gz, "glue": $glue_gz, "wasm": $wasm_gz, "total": $total }
}
JSON
say "widget built: loader ${loader_gz} B + glue ${glue_gz} B + wasm ${wasm_gz} B = ${total} B gzip"
