#!/usr/bin/env bash
# Every test: the simulation core and CLI first (fast, no Bevy), then the whole build
# with the game (headless Bevy tests), the language server against a real LSP client, then —
# where Xvfb can be installed — the real-window check, and the web build in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
# Each stage says how long it took (CI has a time budget; the cold builds dominate it).
stage_start=$SECONDS
stage() {
  [ -z "${stage_name:-}" ] || echo "   ($stage_name: $((SECONDS - stage_start)) s)"
  stage_name=$1 stage_start=$SECONDS
  echo "== $1 =="
}
trap '[ -z "${stage_name:-}" ] || echo "   ($stage_name: $((SECONDS - stage_start)) s; all: $SECONDS s)"' EXIT
# The LMS-side software the classroom's exports are checked against (tests/lms: scorm-again,
# Learning Locker's xAPI validation), from the npm registry at the versions its lock pins.
stage "LMS check tools (npm)"
(cd tests/lms && npm ci --no-audit --no-fund --silent)
export DEALCRAFT_REQUIRE_LMS=1
stage "core and CLI (no Bevy)"
cargo test --no-default-features
# With the game: the unit tests (the shell's among them), the game's own test files, and the
# CLI driven through the full binary. The core's other test files do not depend on the
# feature and ran above; running them twice would only spend CI's time.
stage "the game (Bevy) and the full binary"
cargo test --lib --bins --examples --test game_flow --test author_overlay --test cli --test docs
stage "the language server with a real LSP client"
scripts/lsp-check.sh
if [ -x scripts/real-window-check.sh ]; then
  stage "real window under Xvfb"
  scripts/real-window-check.sh
fi
stage "the web build, played in headless Chromium"
scripts/web-check.sh
