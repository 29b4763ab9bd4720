#!/usr/bin/env bash
# Serve the web build (scripts/web-build.sh) on this machine: http://127.0.0.1:8000/
# PORT and BIND change where (BIND=0.0.0.0 lets a classroom's LAN reach it).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${WEB_OUT:-target/web}
[ -f "$dir/index.html" ] || { echo "no web build in $dir: run scripts/web-build.sh first"; exit 1; }
port=${PORT:-8000}
bind=${BIND:-127.0.0.1}
echo "Dealcraft in the browser: http://$bind:$port/  (?case=haicheng&seed=7&lang=zh to start a case)"
exec python3 -m http.server "$port" --bind "$bind" --directory "$dir"
