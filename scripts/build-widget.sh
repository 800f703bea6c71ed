#!/usr/bin/env bash
# Builds the embeddable widget into frontend/dist/, which the backend serves
# under /widget/:
#   linan-benefits.js              the loader (stable URL; defines <linan-benefits>)
#   linan_widget.<hash>.js         wasm-bindgen glue (immutable)
#   linan_widget_bg.<hash>.wasm    the Yew app, size-optimised (immutable)
#   linan_detail.<hash>.js         a benefit's detail and the events tab: glue and
#   linan_detail_bg.<hash>.wasm    app, which the loader fetches when a benefit or the tab is first opened
#   linan-my-card.js               the loader of /embed/my-card ("My card", framed by the widget)
#   linan_my_card.<hash>.js        its glue, and
#   linan_my_card_bg.<hash>.wasm   its app: the cardholder's code, in no host page
#   manifest.json                  file names and gzip sizes
#   *.br, *.gz                     each file's compressed forms (scripts/precompress.mjs),
#                                  sent as they are to clients that take them
# Installs what is missing: the wasm32 target, wasm-bindgen-cli at exactly the
# version in Cargo.lock (into .tools/), and binaryen's wasm-opt, esbuild and zopfli
# from npm (pinned by frontend/package-lock.json). Honours CARGO_TARGET_DIR (default
# target/), so a second build directory can keep off the shared cargo lock.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_rust
ensure_wasm_bindgen
ensure_frontend_npm

target_dir="${CARGO_TARGET_DIR:-target}"
work="$target_dir/widget-build"
dist="frontend/dist"
rm -rf "$work" "$dist" && mkdir -p "$work" "$dist"
gz() { gzip -9 -c "$1" | wc -c; }
esbuild=frontend/node_modules/.bin/esbuild
hash_of() { sha256sum "$1" | cut -c1-12; }

# One bundle: the crate built with one entry point (a cargo feature), then
# wasm-bindgen, wasm-opt, content-hashed names and its loader (if it has
# one) filled in, also with the detail's names. Sets $glue_name and $wasm_name.
bundle() {
  local feature=$1 name=$2 loader=${3:-}
  say "compiling $name (wasm32, size-optimised profile, feature $feature)"
  # Panic locations carry source paths; remapped, they are short and the same
  # on every machine, so the size budget measures the code, not the checkout.
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}/registry/src=/c --remap-path-prefix=$PWD=/w" \
    cargo build --locked -p linan-frontend --lib --no-default-features --features "$feature" \
    --target wasm32-unknown-unknown --profile wasm-release
  .tools/bin/wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
    --out-dir "$work" --out-name "$name" "$target_dir/wasm32-unknown-unknown/wasm-release/linan_frontend.wasm"

  say "optimising $name with wasm-opt"
  # The features rustc enables by default for wasm32-unknown-unknown; wasm-bindgen
  # strips the target_features section, so they are named here. What is sent is
  # gzipped, and -Oz does not always give the smallest *gzipped* module (here -O1
  # did, by ~5 KB), so both are tried and the smaller gzip wins.
  local best="" level size
  for level in -O1 -Oz; do
    frontend/node_modules/.bin/wasm-opt "$level" \
      --enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int \
      --enable-sign-ext --enable-reference-types --enable-multivalue \
      "$work/${name}_bg.wasm" -o "$work/candidate$level.wasm"
    size=$(gzip -9 -c "$work/candidate$level.wasm" | wc -c)
    echo "  wasm-opt $level: $size bytes gzip"
    if [ -z "$best" ] || [ "$size" -lt "$best" ]; then best=$size; cp "$work/candidate$level.wasm" "$work/${name}_bg.opt.wasm"; fi
  done

  # Short names between the module and its glue (scripts/minify-wasm-names.mjs).
  node scripts/minify-wasm-names.mjs frontend/node_modules/.bin/wasm-opt \
    "$work/${name}_bg.opt.wasm" "$work/$name.js" "$work/${name}_bg.min.wasm"
  wasm_name="${name}_bg.$(hash_of "$work/${name}_bg.min.wasm").wasm"
  cp "$work/${name}_bg.min.wasm" "$dist/$wasm_name"
  # The glue names its wasm file; point it at the hashed one. The loaders pass
  # the URL explicitly too, so this is only the glue's fallback.
  sed -i "s/${name}_bg\.wasm/$wasm_name/g" "$work/$name.js"
  # The glue and the loader are sent minified (the glue: 7.4 KB gzip → 5.3 KB).
  "$esbuild" "$work/$name.js" --minify --format=esm --log-level=warning --outfile="$work/$name.min.js"
  glue_name="$name.$(hash_of "$work/$name.min.js").js"
  cp "$work/$name.min.js" "$dist/$glue_name"
  [ -n "$loader" ] || return 0
  sed -e "s/__GLUE__/$glue_name/g" -e "s/__WASM__/$wasm_name/g" \
    -e "s/__DETAIL_GLUE__/$detail_glue/g" -e "s/__DETAIL_WASM__/$detail_wasm/g" \
    "frontend/loader/$loader" > "$work/$loader"
  "$esbuild" "$work/$loader" --minify --format=esm --log-level=warning --outfile="$dist/$loader"
}

# A benefit's detail and the events tab (one bundle: one copy of Yew and std
# for both), which the widget's loader fetches when one is first opened.
detail_glue="" detail_wasm=""
bundle detail,events linan_detail
detail_glue=$glue_name; detail_wasm=$wasm_name
detail_gz=$(( $(gz "$dist/$detail_glue") + $(gz "$dist/$detail_wasm") ))

# The widget that host pages load: the catalogue, without the detail and the cardholder's code.
bundle catalogue linan_widget linan-benefits.js
loader_gz=$(gz "$dist/linan-benefits.js"); glue_gz=$(gz "$dist/$glue_name"); wasm_gz=$(gz "$dist/$wasm_name")
total=$((loader_gz + glue_gz + wasm_gz))
widget_files="\"linan-benefits.js\", \"$glue_name\", \"$wasm_name\""
widget_glue=$glue_name; widget_wasm=$wasm_name

# "My card" on our own origin (/embed/my-card), loaded when its tab is opened.
bundle my-card linan_my_card linan-my-card.js
card_loader_gz=$(gz "$dist/linan-my-card.js"); card_glue_gz=$(gz "$dist/$glue_name"); card_wasm_gz=$(gz "$dist/$wasm_name")
card_total=$((card_loader_gz + card_glue_gz + card_wasm_gz))

# What a host page downloads is what the server sends: the forms made here.
say "compressing each file once (brotli 11, zopfli)"
node scripts/precompress.mjs "$dist"
sent() { local sum=0 f; for f in "${@:2}"; do sum=$((sum + $(wc -c < "$dist/$f.$1"))); done; echo "$sum"; }
sent_gz=$(sent gz linan-benefits.js "$widget_glue" "$widget_wasm")
sent_br=$(sent br linan-benefits.js "$widget_glue" "$widget_wasm")

cat > "$dist/manifest.json" <<JSON
{
  "loader": "linan-benefits.js",
  "glue": "$widget_glue",
  "wasm": "$widget_wasm",
  "first_paint": [$widget_files],
  "detail": ["$detail_glue", "$detail_wasm"],
  "events": ["$detail_glue", "$detail_wasm"],
  "my_card": ["linan-my-card.js", "$glue_name", "$wasm_name"],
  "gzip_bytes": {
    "loader": $loader_gz, "glue": $glue_gz, "wasm": $wasm_gz, "total": $total, "detail": $detail_gz,
    "my_card": { "loader": $card_loader_gz, "glue": $card_glue_gz, "wasm": $card_wasm_gz, "total": $card_total }
  },
  "sent_bytes": { "first_paint": { "gzip": $sent_gz, "br": $sent_br } }
}
JSON
node scripts/precompress.mjs "$dist/manifest.json"
say "widget built: loader ${loader_gz} B + glue ${glue_gz} B + wasm ${wasm_gz} B = ${total} B gzip -9 before the first benefit"
say "sent before the first benefit: ${sent_gz} B gzip (zopfli), ${sent_br} B brotli"
say "a benefit's detail and the events tab (fetched when one is first opened): ${detail_gz} B gzip"
say "\"My card\" (fetched when its tab is opened): ${card_loader_gz} + ${card_glue_gz} + ${card_wasm_gz} = ${card_total} B gzip"
