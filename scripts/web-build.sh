#!/usr/bin/env bash
# The game for the browser: a folder of static files in target/web/ (index.html, the JS glue,
# the wasm). Needs the wasm32 target and the wasm-bindgen CLI of the version in Cargo.lock;
# both are installed here when missing (the CLI takes about 13 minutes to build once).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${WEB_OUT:-target/web}
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown \
  || rustup target add wasm32-unknown-unknown
if ! wasm-bindgen --version 2>/dev/null | grep -q " $want\$"; then
  echo "installing wasm-bindgen-cli $want (once; about 13 minutes)"
  # Not --locked: the CLI's own lock pins a crate version the registry no longer has.
  cargo install --quiet wasm-bindgen-cli --version "$want"
fi
# WEB_TARGET_DIR: a separate target folder for the wasm build (default: target/).
tdir=${WEB_TARGET_DIR:-${CARGO_TARGET_DIR:-target}}
cargo build --release --target wasm32-unknown-unknown --target-dir "$tdir" ${WEB_CARGO_ARGS:-}
rm -rf "$out"; mkdir -p "$out"
# Strip what costs size and nothing else: the name and producers sections.
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-dir "$out" --out-name dealcraft "$tdir"/wasm32-unknown-unknown/release/dealcraft.wasm
cp web/index.html "$out/"
raw=$(stat -c %s "$out/dealcraft_bg.wasm")
gz=$(gzip -9 -c "$out/dealcraft_bg.wasm" | wc -c)
echo "web build in $out: wasm $((raw / 1024)) KiB, $((gz / 1024)) KiB gzipped"
