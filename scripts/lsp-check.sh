#!/usr/bin/env bash
# The editor check: a scripted session of a real LSP client (pygls, from PyPI) against
# `dealcraft lsp` on the flagship case and on broken copies of it (tests/lsp/session.py).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! python3 -c 'import pygls.lsp.client' 2>/dev/null; then
  python3 -m pip install --quiet --disable-pip-version-check 'pygls==2.1.1' \
    || { echo "lsp check skipped: pygls could not be installed"; exit 0; }
fi
bin=${LSP_BIN:-target/debug/dealcraft}
[ -x "$bin" ] || cargo build --quiet --no-default-features
timeout 120 python3 tests/lsp/session.py "$bin" cases/haicheng.ron
