#!/usr/bin/env bash
# Every test: the simulation core and CLI first (fast, no Bevy), then the whole build
# with the game (headless Bevy tests), the language server against a real LSP client, then —
# where Xvfb can be installed — the real-window check, and the web build in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
# The LMS-side software the classroom's exports are checked against (tests/lms: scorm-again,
# Learning Locker's xAPI validation), from the npm registry at the versions its lock pins.
echo "== LMS check tools (npm) =="
(cd tests/lms && npm ci --no-audit --no-fund --silent)
export DEALCRAFT_REQUIRE_LMS=1
echo "== core and CLI (no Bevy) =="
cargo test --no-default-features
echo "== everything, with the game =="
cargo test
echo "== the language server with a real LSP client =="
scripts/lsp-check.sh
if [ -x scripts/real-window-check.sh ]; then
  echo "== real window under Xvfb =="
  scripts/real-window-check.sh
fi
echo "== the web build, played in headless Chromium =="
scripts/web-check.sh
