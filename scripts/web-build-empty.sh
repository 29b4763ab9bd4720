#!/usr/bin/env bash
# The baseline of the web build's size and first frame: examples/empty_window (an empty Bevy
# app with the game's features) built exactly like scripts/web-build.sh builds the game, into
# target/web-empty/ with the same index.html. Run scripts/web-build.sh first (it installs the
# wasm target and wasm-bindgen; the example reuses its compiled dependencies).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${WEB_EMPTY_OUT:-target/web-empty}
tdir=${WEB_TARGET_DIR:-${CARGO_TARGET_DIR:-target}}
cargo build --release --target wasm32-unknown-unknown --target-dir "$tdir" --example empty_window
rm -rf "$out"; mkdir -p "$out"
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-dir "$out" --out-name dealcraft "$tdir"/wasm32-unknown-unknown/release/examples/empty_window.wasm
cp web/index.html "$out/"
raw=$(stat -c %s "$out/dealcraft_bg.wasm")
gz=$(gzip -9 -c "$out/dealcraft_bg.wasm" | wc -c)
echo "empty web app in $out: wasm $((raw / 1024)) KiB, $((gz / 1024)) KiB gzipped"
