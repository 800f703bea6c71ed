#!/usr/bin/env bash
# Builds the merchant and admin portal into portal/dist/, which the backend
# serves under /portal:
#   index.html                     the page (revalidated on every load)
#   portal-boot.<hash>.js          starts the app (immutable, like the rest)
#   linan_portal.<hash>.js         wasm-bindgen glue
#   linan_portal_bg.<hash>.wasm    the Yew app, size-optimised
#   portal.<hash>.css              the stylesheet
#   *.br, *.gz                     each file's compressed forms (scripts/precompress.mjs)
# Installs what is missing: the wasm32 target, wasm-bindgen-cli at exactly the
# version in Cargo.lock (into .tools/), and binaryen's wasm-opt and zopfli from npm
# (pinned by frontend/package-lock.json). Honours CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_rust
ensure_wasm_bindgen
ensure_frontend_npm

say "compiling the portal (wasm32, size-optimised profile)"
cargo build --locked -p linan-portal --lib --target wasm32-unknown-unknown --profile wasm-release

target="${CARGO_TARGET_DIR:-target}"
work="target/portal-build"
dist="portal/dist"
rm -rf "$work" && mkdir -p "$work"
.tools/bin/wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-dir "$work" --out-name linan_portal "$target/wasm32-unknown-unknown/wasm-release/linan_portal.wasm"

say "optimising with wasm-opt"
# The features rustc enables by default for wasm32-unknown-unknown (wasm-bindgen
# strips the target_features section, so they are named here).
frontend/node_modules/.bin/wasm-opt -Oz \
  --enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-reference-types --enable-multivalue \
  "$work/linan_portal_bg.wasm" -o "$work/linan_portal_bg.opt.wasm"

hash_of() { sha256sum "$1" | cut -c1-12; }
# Each file is named after its content; a file that names another is hashed
# after the name is filled in, so a change anywhere renames everything above it.
wasm_name="linan_portal_bg.$(hash_of "$work/linan_portal_bg.opt.wasm").wasm"
cp "$work/linan_portal_bg.opt.wasm" "$work/$wasm_name"
sed -i "s/linan_portal_bg\.wasm/$wasm_name/g" "$work/linan_portal.js"
glue_name="linan_portal.$(hash_of "$work/linan_portal.js").js"
cp "$work/linan_portal.js" "$work/$glue_name"
sed -e "s/__GLUE__/$glue_name/g" -e "s/__WASM__/$wasm_name/g" portal/web/boot.js > "$work/boot.js"
boot_name="portal-boot.$(hash_of "$work/boot.js").js"
cp "$work/boot.js" "$work/$boot_name"
css_name="portal.$(hash_of portal/web/portal.css).css"
cp portal/web/portal.css "$work/$css_name"
sed -e "s/__GLUE__/$glue_name/g" -e "s/__WASM__/$wasm_name/g" -e "s/__BOOT__/$boot_name/g" -e "s/__CSS__/$css_name/g" \
  portal/web/index.html > "$work/index.html"

rm -rf "$dist" && mkdir -p "$dist"
cp "$work/index.html" "$work/$boot_name" "$work/$glue_name" "$work/$wasm_name" "$work/$css_name" "$dist/"
say "compressing each file once (brotli 11, zopfli)"
node scripts/precompress.mjs "$dist"
sent() { wc -c < "$dist/$1.$2"; }
say "portal built: glue $(sent "$glue_name" br) B + wasm $(sent "$wasm_name" br) B + css $(sent "$css_name" br) B brotli (gzip: $(sent "$glue_name" gz) + $(sent "$wasm_name" gz) + $(sent "$css_name" gz) B)"
